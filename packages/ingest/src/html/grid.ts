/**
 * A table region as read (an HTML/DOCX <table>, or a sheet's used range) → clean table grids.
 *
 * Published tables carry their title, 公开NN表 code, 部门 and 金额单位 lines as rows of the same
 * table or sheet. Those rows are not part of the table: they go to the grid's `before` (and notes
 * such as 注：… to `after`), so `cells` hold only the table. A region may also hold several tables,
 * one after another, separated by blank rows or by a new title row; each becomes its own grid.
 */
import { noSpaces, type Cell, type Grid } from '@govdocs/core';

/** One non-empty cell of a region, 0-based position in the region, spans ≥ 1. */
export type RegionCell = Cell;

export interface Region {
  cells: RegionCell[];
  rowCount: number;
  colCount: number;
  sheet?: string;
}

/** What a region turns into, in reading order. */
export type Piece = { type: 'text'; lines: string[] } | { type: 'grid'; grid: Grid };

const CODE = /公开\s*\d{1,2}\s*表|^(附)?表\s*[-—]?\s*\d{1,2}(\s*[-—]\s*\d+)?$/;
const CONTEXT_LABEL = /^(部门|单位|编制单位|编制部门|单位名称|预算单位|填报单位|部门[（(]单位[)）](名称)?|金额单位|计量单位|报送日期|填报日期)\s*[:：]/;
const UNIT_ONLY = /^[（(]?\s*(金额)?单位\s*[:：]?\s*(万元|千元|元)\s*[)）]?$/;
const TITLE_END = /表\s*([（(][^）)]{0,20}[)）])?$/;
const NOTE = /^(注|说明|备注|附注|数据来源|填表说明|填表人|审核人|负责人|单位负责人|财务负责人|制表人?|联系电话)\s*\d*\s*[:：]/;
const DATE_ONLY = /^(\d{4}\s*年(度)?(\d{1,2}\s*月(\d{1,2}\s*日)?)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;
const NUMERIC = /^[-+−]?[\d,，.]+%?$/;

/** A line that names a table (title, code, unit, department) rather than holding its data. */
export function isContextText(text: string): boolean {
  const t = noSpaces(text);
  return CODE.test(t) || CONTEXT_LABEL.test(t) || UNIT_ONLY.test(t) || DATE_ONLY.test(t);
}

function isTitleText(text: string): boolean {
  const t = noSpaces(text);
  return t.length <= 60 && (TITLE_END.test(t) || CODE.test(t)) && !NOTE.test(t);
}

export function isNoteText(text: string): boolean {
  return NOTE.test(noSpaces(text));
}

interface RowInfo {
  cells: RegionCell[];
  /** A cell from a row above spans into this row. */
  covered: boolean;
}

export function splitRegion(region: Region): Piece[] {
  const rows = indexRows(region);
  const pieces: Piece[] = [];
  for (const segment of joinBrokenTables(segments(rows, region.colCount), rows, region.colCount)) pieces.push(...segmentPieces(segment, rows, region));
  return pieces;
}

function indexRows(region: Region): RowInfo[] {
  const rows: RowInfo[] = Array.from({ length: region.rowCount }, () => ({ cells: [], covered: false }));
  for (const cell of region.cells) {
    if (!cell.text || cell.r >= region.rowCount) continue;
    rows[cell.r].cells.push(cell);
    const end = Math.min(region.rowCount, cell.r + cell.rs);
    for (let r = cell.r + 1; r < end; r++) rows[r].covered = true;
  }
  for (const row of rows) row.cells.sort((a, b) => a.c - b.c);
  return rows;
}

/** Row ranges [start, end) separated by blank rows or starting at a title row inside a body. */
function segments(rows: RowInfo[], colCount: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  let bodyStarted = false;
  for (let r = 0; r < rows.length; r++) {
    const blank = rows[r].cells.length === 0 && !rows[r].covered;
    if (blank) {
      if (start >= 0) out.push([start, r]);
      start = -1;
      bodyStarted = false;
      continue;
    }
    if (start < 0) start = r;
    const context = isLeadingContextRow(rows[r], colCount);
    if (bodyStarted && context && startsNewTable(rows, r)) {
      out.push([start, r]);
      start = r;
      bodyStarted = false;
    }
    if (!context) bodyStarted = true;
  }
  if (start >= 0) out.push([start, rows.length]);
  return out;
}

/**
 * A blank row does not always end a table: exports leave one between the header and the data, or
 * inside the data. A segment with no title rows of its own continues the one above when that one is
 * only a header (no numbers yet), or when both cover the same columns and the gap is short.
 */
function joinBrokenTables(segs: Array<[number, number]>, rows: RowInfo[], colCount: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const seg of segs) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, seg, rows, colCount)) prev[1] = seg[1];
    else out.push([seg[0], seg[1]]);
  }
  return out;
}

function continues(prev: [number, number], next: [number, number], rows: RowInfo[], colCount: number): boolean {
  if (isLeadingContextRow(rows[next[0]], colCount) || isTrailingNoteRow(rows[next[0]])) return false;
  const above = rows.slice(prev[0], prev[1]);
  const below = rows.slice(next[0], next[1]);
  if (above.every((r) => isLeadingContextRow(r, colCount) || isTrailingNoteRow(r))) return false;
  if (isTrailingNoteRow(above[above.length - 1])) return false;
  const headerOnly = !above.some((r) => r.cells.some((c) => NUMERIC.test(c.text.trim())));
  const [l1, r1] = extent(above);
  const [l2, r2] = extent(below);
  const sameColumns = l1 === l2 && r1 === r2 && below.length >= 1;
  return (headerOnly && l2 >= l1 && r2 <= r1 && below.length >= 2) || (sameColumns && next[0] - prev[1] <= 2);
}

function extent(rows: RowInfo[]): [number, number] {
  let left = Infinity;
  let right = 0;
  for (const row of rows) for (const cell of row.cells) {
    left = Math.min(left, cell.c);
    right = Math.max(right, cell.c + cell.cs);
  }
  return [left, right];
}

/** A title or code row inside a body begins a new table only if a table body follows it. */
function startsNewTable(rows: RowInfo[], r: number): boolean {
  const row = rows[r];
  if (row.covered) return false;
  const onlyTitle = row.cells.length === 1 && isTitleText(row.cells[0].text);
  const allContext = row.cells.every((c) => isContextText(c.text));
  return onlyTitle || allContext;
}

function isLeadingContextRow(row: RowInfo, colCount: number): boolean {
  if (row.covered || row.cells.length === 0) return false;
  if (row.cells.every((c) => isContextText(c.text) || (isTitleText(c.text) && row.cells.length <= 2))) return true;
  if (row.cells.length !== 1) return false;
  const cell = row.cells[0];
  // A lone cell above the table (a title line, a 部门 line without its label) — but not a header
  // cell reaching down into the table, and not a number.
  const wide = colCount > 2 || (colCount === 2 && cell.cs === 2);
  return wide && cell.rs === 1 && !NUMERIC.test(cell.text.trim()) && cell.text.length <= 80;
}

function isTrailingNoteRow(row: RowInfo): boolean {
  return !row.covered && row.cells.length > 0 && row.cells.length <= 3 && row.cells.every((c) => isNoteText(c.text));
}

/**
 * Where the notes under a table begin: the first note row (注：/说明：/填表人：…) after which only
 * note rows or lone text lines follow (a note's numbered continuation lines: 2.…, 3.…).
 */
function notesStart(rows: RowInfo[], top: number, end: number): number {
  let start = end;
  for (let r = end - 1; r > top; r--) {
    const row = rows[r];
    if (isTrailingNoteRow(row)) start = r;
    else if (!isLoneTextRow(row)) break;
  }
  return start;
}

function isLoneTextRow(row: RowInfo): boolean {
  return !row.covered && row.cells.length === 1 && row.cells[0].rs === 1 && !NUMERIC.test(row.cells[0].text.trim()) && row.cells[0].text.length > 6;
}

function segmentPieces([start, end]: [number, number], rows: RowInfo[], region: Region): Piece[] {
  let top = start;
  while (top < end && isLeadingContextRow(rows[top], region.colCount)) top++;
  const bottom = notesStart(rows, top, end);
  const before = linesOf(rows, start, top);
  const after = linesOf(rows, bottom, end);
  const body = rows.slice(top, bottom).flatMap((r) => r.cells);
  const pieces: Piece[] = [];
  if (isTable(body, bottom - top)) {
    pieces.push({ type: 'grid', grid: toGrid(body, top, bottom, before, after, region.sheet) });
    return pieces;
  }
  const lines = [...before, ...linesOf(rows, top, bottom), ...after];
  if (lines.length) pieces.push({ type: 'text', lines });
  return pieces;
}

/**
 * A body of at least two rows and two columns; anything smaller reads as text. Two rows with no
 * number at all are an article's title/date strip laid out as a table, not data.
 */
function isTable(body: RegionCell[], rowCount: number): boolean {
  if (rowCount < 2 || body.length < 2) return false;
  if (rowCount === 2 && !body.some((c) => NUMERIC.test(c.text.trim()))) return false;
  const cols = new Set(body.map((c) => c.c));
  return cols.size >= 2 || body.some((c) => c.cs > 1);
}

/** Each cell of a context row is its own line (部门：X and 金额单位：元 read separately). */
function linesOf(rows: RowInfo[], from: number, to: number): string[] {
  const lines: string[] = [];
  for (let r = from; r < to; r++) for (const cell of rows[r].cells) lines.push(cell.text);
  return lines;
}

/**
 * The body as a grid: rows from 0, and only the columns some cell starts in. Columns no cell
 * starts in are width slices (an exporter splitting a column to match widths elsewhere, or an
 * empty spacer): they hold nothing and would only widen spans, so they close up.
 */
function toGrid(body: RegionCell[], top: number, bottom: number, before: string[], after: string[], sheet?: string): Grid {
  let right = 0;
  for (const cell of body) right = Math.max(right, cell.c + cell.cs);
  const starts = new Uint8Array(right + 1);
  for (const cell of body) starts[cell.c] = 1;
  // kept[i] = how many starting columns lie before column i.
  const kept = new Int32Array(right + 1);
  for (let i = 0; i < right; i++) kept[i + 1] = kept[i] + starts[i];
  const cells = body.map((cell) => ({
    ...cell,
    r: cell.r - top,
    c: kept[cell.c],
    rs: Math.min(cell.rs, bottom - cell.r),
    cs: Math.max(1, kept[cell.c + cell.cs] - kept[cell.c]),
  }));
  const grid: Grid = { cells, rowCount: bottom - top, colCount: kept[right], pages: [], before, after };
  if (sheet !== undefined) grid.sheet = sheet;
  return grid;
}
