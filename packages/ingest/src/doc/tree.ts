/**
 * Paragraphs of a Word binary document → the tree the web-page walker reads (html/dom.ts), the
 * same shape the DOCX reader builds: a `p` per paragraph, `br` per line break, `table`/`tr`/`td`
 * with spans for tables, nested tables inside their cells. So a table gives the same grid from
 * .doc as from the DOCX saved from it.
 *
 * In this format a cell ends with a cell mark (0x07), a row with a paragraph whose properties say
 * "table terminating paragraph" and carry the row's cell edges; nested tables end their cells and
 * rows with paragraph marks flagged as inner cell / inner row ends, at a depth (itap) above 1.
 */
import type { DomNode } from '../html/dom.js';
import { tableNode, type Cell, type Row } from '../docx/table.js';
import type { ParagraphProperties, ParaProps, RowDef } from './papx.js';
import type { PieceText } from './text.js';

/** Edges closer than this (in twips, 1/20 pt) are one grid line written with rounding. */
const EDGE_TOLERANCE = 15;
const MAX_DEPTH = 40;

interface OpenTable {
  rows: { cells: DomNode[][]; def: RowDef | null }[];
  cells: DomNode[][];
  blocks: DomNode[];
}

export interface DocTree {
  root: DomNode;
  texts: DomNode[];
}

export function buildTree(pieces: PieceText, papx: ParagraphProperties): DocTree {
  const root: DomNode = { type: 'root', children: [] };
  const texts: DomNode[] = [];
  const stack: OpenTable[] = [];
  const fields: boolean[] = []; // per open field: still in its code (true) or in its result
  const { text } = pieces;
  let parts: string[] = [];
  let line = '';
  let children: DomNode[] = [];

  const endLine = () => {
    if (line) parts.push(line);
    line = '';
    if (parts.length === 0) return;
    const node: DomNode = { type: 'text', data: parts.join('') };
    parts = [];
    children.push(node);
    texts.push(node);
  };
  const target = (): DomNode[] => (stack.length ? stack[stack.length - 1].blocks : root.children!);
  const closeTable = () => {
    const table = stack.pop()!;
    if (table.blocks.length) table.cells.push(table.blocks);
    if (table.cells.length) table.rows.push({ cells: table.cells, def: null });
    const node = tableNode(layoutRows(table.rows));
    target().push(node);
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x13) {
      fields.push(true);
      continue;
    }
    if (ch === 0x14) {
      if (fields.length) fields[fields.length - 1] = false;
      continue;
    }
    if (ch === 0x15) {
      fields.pop();
      continue;
    }
    const isEnd = ch === 0x0d || ch === 0x07;
    if (!isEnd && fields.includes(true)) continue;
    if (!isEnd) {
      if (ch === 0x0b || ch === 0x0c || ch === 0x0e) {
        endLine();
        children.push({ type: 'tag', name: 'br', attribs: {}, children: [] });
      } else if (ch === 0x09) line += '\t';
      else if (ch === 0x1e) line += '\u2011';
      else if (ch === 0x1f) line += '\u00ad';
      else if (ch >= 0x20) line += text[i];
      continue;
    }
    endLine();
    const props = papx.at(pieces.fc[i], pieces.prm[i] >= 0 ? pieces.grpprls[pieces.prm[i]] : undefined);
    const depth = Math.min(MAX_DEPTH, props.itap || (props.inTable ? 1 : 0));
    while (stack.length > depth) closeTable();
    while (stack.length < depth) stack.push({ rows: [], cells: [], blocks: [] });
    const paragraph: DomNode[] = children.length ? [{ type: 'tag', name: 'p', attribs: {}, children }] : [];
    children = [];
    if (depth === 0) {
      root.children!.push(...paragraph);
      continue;
    }
    const table = stack[stack.length - 1];
    if (rowEnds(props, depth)) {
      if (table.blocks.length) table.cells.push(table.blocks);
      table.rows.push({ cells: table.cells, def: props.row });
      table.cells = [];
      table.blocks = [];
      continue;
    }
    table.blocks.push(...paragraph);
    if (cellEnds(props, depth, ch)) {
      table.cells.push(table.blocks);
      table.blocks = [];
    }
  }
  endLine();
  if (children.length) target().push({ type: 'tag', name: 'p', attribs: {}, children });
  while (stack.length) closeTable();
  return { root, texts };
}

function rowEnds(props: ParaProps, depth: number): boolean {
  return depth > 1 ? props.innerTtp : props.ttp;
}

function cellEnds(props: ParaProps, depth: number, mark: number): boolean {
  return depth > 1 ? props.innerCell : mark === 0x07;
}

/**
 * Rows with their cells placed on the table's grid: the grid lines are every edge any row has, so
 * a cell spans as many grid columns as edges it covers (what a DOCX's tblGrid and gridSpan say).
 */
function layoutRows(rows: { cells: DomNode[][]; def: RowDef | null }[]): Row[] {
  const lines = gridLines(rows.flatMap((row) => row.def?.edges ?? []));
  const column = (edge: number) => {
    let best = 0;
    for (let k = 1; k < lines.length; k++) if (Math.abs(lines[k] - edge) < Math.abs(lines[best] - edge)) best = k;
    return best;
  };
  return rows.map(({ cells, def }) => {
    const out: Cell[] = [];
    const gridBefore = def && lines.length ? column(def.edges[0]) : 0;
    cells.forEach((blocks, k) => {
      const cellDef = def?.cells[k];
      const colSpan =
        def && k + 1 < def.edges.length ? Math.max(1, column(def.edges[k + 1]) - column(def.edges[k])) : 1;
      const last = out[out.length - 1];
      if (cellDef?.hMerge === 'merged' && last) {
        last.colSpan += colSpan;
        last.td.children!.push(...blocks);
        return;
      }
      out.push({
        td: { type: 'tag', name: 'td', attribs: {}, children: blocks },
        colSpan,
        vMerge: cellDef?.vMerge ?? 'none',
        rowSpan: 1,
      });
    });
    return { cells: out, gridBefore, deleted: false };
  });
}

function gridLines(edges: number[]): number[] {
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  const lines: number[] = [];
  for (const edge of sorted) if (!lines.length || edge - lines[lines.length - 1] > EDGE_TOLERANCE) lines.push(edge);
  return lines;
}
