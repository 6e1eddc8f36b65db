/**
 * Word tables as the web-page walker reads them: rows of cells with their column spans
 * (w:gridSpan), vertical merges (w:vMerge) and leading grid columns (w:gridBefore) → table/tr/td
 * nodes with colspan and rowspan. Also used by the Word 97–2003 reader (doc/tree.ts).
 */
import type { DomNode } from '../html/dom.js';

const MAX_SPAN = 1000;

/** w:vMerge: 'restart' starts a merged run, 'continue' (also a vMerge without val) extends the one above. */
export type VMerge = 'none' | 'restart' | 'continue';

export interface Cell {
  td: DomNode;
  colSpan: number;
  vMerge: VMerge;
  rowSpan: number;
}

export interface Row {
  cells: Cell[];
  gridBefore: number;
  deleted: boolean;
}

/** A w:gridSpan or w:gridBefore value as a count of grid columns (1 when missing or bad). */
export function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * A table's rows as table/tr/td nodes. A vMerge-continue cell is dropped and the cell above it
 * (the last one starting in the same grid column) spans one more row; columns count from the
 * row's gridBefore, which becomes a leading empty cell so the row's cells keep their columns.
 */
export function tableNode(rows: Row[]): DomNode {
  const above = new Map<number, Cell>();
  const multiCell = rows.some((row) => row.cells.length > 1);
  const trs: DomNode[] = [];
  for (const row of rows) {
    const tds: DomNode[] = [];
    // Only in a table with real columns: a leading blank must not turn a one-column layout table into data.
    if (row.gridBefore > 0 && multiCell)
      tds.push({
        type: 'tag',
        name: 'td',
        attribs: row.gridBefore > 1 ? { colspan: String(row.gridBefore) } : {},
        children: [],
      });
    let column = row.gridBefore;
    for (const cell of row.cells) {
      const top = cell.vMerge === 'continue' ? above.get(column) : undefined;
      if (top) {
        top.rowSpan++;
      } else {
        above.set(column, cell);
        tds.push(cell.td);
      }
      column += cell.colSpan;
    }
    trs.push({ type: 'tag', name: 'tr', attribs: {}, children: tds });
  }
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.colSpan !== 1) cell.td.attribs!.colspan = String(cell.colSpan);
      if (cell.rowSpan !== 1) cell.td.attribs!.rowspan = String(cell.rowSpan);
    }
  }
  return { type: 'tag', name: 'table', attribs: {}, children: trs };
}
