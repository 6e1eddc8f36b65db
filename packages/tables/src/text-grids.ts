/**
 * Tables in text dumps. Two layouts occur in exported disclosures:
 * - row per line, cells separated by tabs (or `|` in markdown);
 * - cell per line, each line starting with one tab, rows separated by blank lines
 *   (what a Word table becomes when copied as text).
 * Everything that is not a table stays a text block, in order.
 */
import type { Block, Cell, Grid, TextBlock } from '@govdocs/core';

const CONTEXT_LINES = 8;
const AFTER_LINES = 3;

/** `line` is the source line, where the text had lines (HTML text does not). */
type Row = { cells: string[]; line?: number };

export function findTextGrids(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const run = tableRunAt(blocks, i);
    if (!run) {
      out.push(blocks[i]);
      i++;
      continue;
    }
    for (const rows of run.tables) out.push({ type: 'grid', grid: toGrid(rows) });
    i = run.end;
  }
  attachContext(out);
  return out;
}

function lineOf(b: Block | undefined): TextBlock | undefined {
  return b && b.type === 'text' ? b : undefined;
}

const isTabLine = (t: string) => t.includes('\t');
const isPipeLine = (t: string) => /^\s*\|.*\|\s*$/.test(t);
const isBlank = (t: string) => t.trim() === '' && !t.includes('\t');

/** A maximal run of table lines starting at `start`, split into tables, or null. */
function tableRunAt(blocks: Block[], start: number): { tables: Row[][]; end: number } | null {
  const first = lineOf(blocks[start]);
  if (!first) return null;
  if (isPipeLine(first.text)) return pipeRun(blocks, start);
  if (!isTabLine(first.text)) return null;
  // Take tab lines and the blank lines between them.
  const lines: TextBlock[] = [];
  let j = start;
  while (j < blocks.length) {
    const b = lineOf(blocks[j]);
    if (!b) break;
    if (isTabLine(b.text)) {
      lines.push(b);
      j++;
      continue;
    }
    if (isWrappedCellText(lines.at(-1), b, lineOf(blocks[j + 1]))) {
      const previous = lines.pop()!;
      lines.push({ ...previous, text: previous.text + b.text.trim() });
      j++;
      continue;
    }
    if (!isBlank(b.text)) break;
    let k = j;
    while (k < blocks.length && lineOf(blocks[k]) && isBlank(lineOf(blocks[k])!.text)) k++;
    const next = lineOf(blocks[k]);
    if (!next || !isTabLine(next.text)) break;
    lines.push(...(blocks.slice(j, k) as TextBlock[]));
    j = k;
  }
  const cellPerLine = lines.every((l) => isBlank(l.text) || /^\t[^\t]*$/.test(l.text));
  const tables = cellPerLine ? cellPerLineTables(lines) : tabRowTables(lines);
  return { tables: tables.filter((t) => t.length > 0), end: j };
}

const CELL_LINE = /^\t[^\t]*\S[^\t]*$/;

/**
 * In the cell-per-line layout a cell whose text wrapped in the source ("经济效益" / "指标") leaves
 * its second line without the leading tab. Such a short line between two cell lines belongs to
 * the cell above, not to the prose after the table.
 */
function isWrappedCellText(previous: TextBlock | undefined, line: TextBlock, next: TextBlock | undefined): boolean {
  if (!previous || !next || !CELL_LINE.test(previous.text) || !CELL_LINE.test(next.text)) return false;
  const text = line.text.trim();
  return text.length > 0 && text.length <= 20 && !/[。；;]$/.test(text);
}

function tabRowTables(lines: TextBlock[]): Row[][] {
  const tables: Row[][] = [[]];
  for (const l of lines) {
    if (isBlank(l.text)) {
      if (tables[tables.length - 1].length) tables.push([]);
      continue;
    }
    tables[tables.length - 1].push({ cells: l.text.split('\t'), line: l.line });
  }
  return tables;
}

function cellPerLineTables(lines: TextBlock[]): Row[][] {
  const rows: Row[] = [];
  let current: Row | null = null;
  for (const l of lines) {
    if (isBlank(l.text)) {
      current = null;
      continue;
    }
    if (!current) rows.push((current = { cells: [], line: l.line }));
    current.cells.push(l.text.slice(1));
  }
  return [rows];
}

function pipeRun(blocks: Block[], start: number): { tables: Row[][]; end: number } {
  const rows: Row[] = [];
  let j = start;
  for (; j < blocks.length; j++) {
    const b = lineOf(blocks[j]);
    if (!b || !isPipeLine(b.text)) break;
    const cells = b.text.trim().slice(1, -1).split('|');
    if (cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) continue;
    rows.push({ cells, line: b.line });
  }
  return { tables: [rows], end: j };
}

function toGrid(rows: Row[]): Grid {
  const cells: Cell[] = [];
  let colCount = 0;
  rows.forEach((row, r) => {
    colCount = Math.max(colCount, row.cells.length);
    row.cells.forEach((raw, c) => {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text) cells.push(row.line ? { r, c, rs: 1, cs: 1, text, line: row.line } : { r, c, rs: 1, cs: 1, text });
    });
  });
  return { cells, rowCount: rows.length, colCount, pages: [], before: [], after: [] };
}

/**
 * Fills each grid's `before` and `after` with the nearest non-blank text lines around it.
 * `skipBefore` drops lines that are never a table's context (a PDF's running headers, page numbers).
 */
export function attachContext(
  blocks: Block[],
  skipBefore: (text: string) => boolean = () => false,
  contextLines = CONTEXT_LINES,
  afterLines = AFTER_LINES,
): void {
  blocks.forEach((b, i) => {
    if (b.type !== 'grid') return;
    const before: string[] = [];
    for (let k = i - 1; k >= 0 && before.length < contextLines; k--) {
      const t = blocks[k];
      if (t.type === 'grid') break;
      if (t.text.trim() && !skipBefore(t.text)) before.unshift(t.text.trim());
    }
    const after: string[] = [];
    for (let k = i + 1; k < blocks.length && after.length < afterLines; k++) {
      const t = blocks[k];
      if (t.type === 'grid') break;
      if (t.text.trim()) after.push(t.text.trim());
    }
    b.grid.before = before;
    b.grid.after = after;
  });
}
