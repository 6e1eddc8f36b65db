/**
 * Tables that run over pages: header rows left apart from their rows, rows continued on the
 * next page (with or without a repeated header, 续表), a row broken by the page end, and the
 * running headers and footers that may sit between the parts.
 */
import { TOTAL_WORDS, type Grid, type PageLayout } from '@govdocs/core';
import type { Item, PageTable } from './table.js';
import { isNumeric } from './words.js';

/** 续表, 表3（续）: the table goes on from the page before. */
export const CONTINUED = /^续表|[(（]续[)）]\s*$|续表\s*$/;
/** Page numbers and similar running lines that may sit between the two parts of a table. */
export const PAGE_FURNITURE = /^[-—–\s]*(第\s*)?\d+(\s*页)?(\s*[/共]\s*\d+\s*页?)?[-—–\s]*$/;

/**
 * Header rows found apart from their table (a ruled header band over borderless rows, or the
 * header left at the foot of a page whose rows start on the next) are put on top of the table
 * that follows them, when only page furniture lies between and its columns line up.
 */
export function attachHeaderPieces(pages: Item[][], furniture: (t: string) => boolean): void {
  for (let p = 0; p < pages.length; p++) {
    for (let i = 0; i < pages[p].length; i++) {
      const item = pages[p][i];
      if (item.type !== 'table' || !isHeaderPiece(item.table)) continue;
      const next = nextTableAfter(pages, p, i, furniture);
      if (!next) continue;
      const target = pages[next.page][next.index] as { type: 'table'; table: PageTable };
      const merged = stackHeader(item.table, target.table);
      if (!merged) continue;
      target.table = merged;
      pages[p].splice(i, 1);
      i--;
    }
  }
}

function isHeaderPiece(t: PageTable): boolean {
  return t.cells.length >= 2 && t.rowCount <= 3 && !t.cells.some((c) => isNumeric(c.text));
}

/** The next table after item i of page p with only furniture text between, on this page or the next. */
function nextTableAfter(pages: Item[][], p: number, i: number, furniture: (t: string) => boolean): { page: number; index: number } | null {
  for (let q = p; q <= Math.min(p + 1, pages.length - 1); q++) {
    for (let k = q === p ? i + 1 : 0; k < pages[q].length; k++) {
      const it = pages[q][k];
      if (it.type === 'table') return { page: q, index: k };
      if (!furniture(it.block.text)) return null;
    }
  }
  return null;
}

function stackHeader(header: PageTable, body: PageTable): PageTable | null {
  const map = columnMap(body.columns, header.columns);
  if (!map) return null;
  const headerCells = header.cells.map((c) => {
    const c0 = map[c.c];
    const c1 = map[c.c + c.cs - 1];
    return { ...c, c: c0, cs: c1 - c0 + 1, page: header.page };
  });
  const bodyCells = body.cells.map((c) => ({ ...c, r: c.r + header.rowCount, page: c.page ?? body.page }));
  return {
    ...body,
    page: header.page,
    cells: [...headerCells, ...bodyCells],
    rowCount: body.rowCount + header.rowCount,
  };
}

/** A line's text with its digits blurred, so 第3页 and 第4页 are the same running line. */
export function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * Running headers and footers: lines in the top or bottom tenth of a page whose text (digits
 * aside) is printed on more than one page. They never stop a table from running on.
 */
export function runningLines(layout: PageLayout[], pages: Item[][]): Set<string> {
  const seen = new Map<string, Set<number>>();
  pages.forEach((items, i) => {
    const height = layout[i].height;
    for (const item of items) {
      if (item.type !== 'text' || !item.block.bbox) continue;
      const [, y0, , y1] = item.block.bbox;
      if (y1 > 0.1 * height && y0 < 0.9 * height) continue;
      const key = shape(item.block.text);
      seen.set(key, (seen.get(key) ?? new Set()).add(i));
    }
  });
  return new Set([...seen].filter(([, on]) => on.size > 1).map(([k]) => k));
}

/** A table read so far, open to rows on the next page. */
export interface OpenTable {
  grid: Grid;
  /** Its first part, whose columns index the grid. */
  last: PageTable;
  /** The x-ranges of its latest part's columns, and the grid column of each. */
  latest: { columns: { x0: number; x1: number }[]; map: number[] };
  headerRows: string[];
  /** Signatures of its first rows: header, column numbers (栏次) and the total row a later part may repeat. */
  leadRows: string[];
  /** The title lines printed over it (title, 表N, 部门/单位), whitespace removed. */
  title: Set<string>;
}

/** How many rows under the header a later part may print again (栏次, 合计). */
const REPEATABLE_ROWS = 2;

export function openTable(grid: Grid, last: PageTable, title: string[]): OpenTable {
  const headerRows = headerSignatures(grid);
  const lead = Math.min(grid.rowCount, headerRows.length + REPEATABLE_ROWS);
  return {
    grid, last, headerRows,
    latest: { columns: last.columns, map: last.columns.map((_, j) => j) },
    leadRows: Array.from({ length: lead }, (_, r) => rowSignature(grid.cells, r)),
    title: new Set(title.map(squash).filter((t) => t && !PAGE_FURNITURE.test(t))),
  };
}

const squash = (t: string) => t.replace(/\s+/g, '');

/**
 * The first table of a page continues the open one when each of its columns lies under a
 * column of the open table and only page furniture or a 续表 marker lies between them; or
 * when the lines between print the open table's title lines again and the table starts by
 * repeating its header. Returns the open table's column of each of its columns, or null.
 */
export function continuation(open: OpenTable, after: string[], before: string[], next: PageTable, furniture: (t: string) => boolean): number[] | null {
  const between = [...after, ...before].map((t) => t.trim()).filter(Boolean);
  const marked = between.some((t) => CONTINUED.test(squash(t)));
  // Columns are matched against the first part's, else the latest part's (set wider or narrower).
  const latest = columnMap(open.latest.columns, next.columns);
  const map = columnMap(open.last.columns, next.columns) ?? (latest && latest.map((j) => open.latest.map[j]));
  if (!map || map.some((j, k) => k > 0 && j < map[k - 1])) return null;
  if (marked || between.every(furniture)) return map;
  const retitled = after.every((t) => !t.trim() || furniture(t)) && before.every((t) => !t.trim() || furniture(t) || open.title.has(squash(t)));
  return retitled && repeatsHeader(open, next) ? map : null;
}

function repeatsHeader(open: OpenTable, next: PageTable): boolean {
  return repeatedHeaderEnd(open, next) > 0;
}

/** Rows at the top of `next` up to the last that prints a header row of the open table again. */
function repeatedHeaderEnd(open: OpenTable, next: PageTable): number {
  const header = new Set(open.headerRows.filter(Boolean));
  const top = Math.min(firstFigureRow(next.cells, next.rowCount), MAX_HEADER_ROWS);
  let end = 0;
  for (let r = 0; r < top; r++) if (header.has(rowSignature(next.cells, r))) end = r + 1;
  return end;
}

const MAX_HEADER_ROWS = 6;

/** For each column of `next`, the column of `prev` it overlaps most; null if one has none or order breaks. */
function columnMap(prev: { x0: number; x1: number }[], next: { x0: number; x1: number }[]): number[] | null {
  const map: number[] = [];
  for (const col of next) {
    let best = -1;
    let bestOverlap = 0;
    prev.forEach((p, j) => {
      const overlap = Math.min(p.x1, col.x1) - Math.max(p.x0, col.x0);
      if (overlap > bestOverlap) { best = j; bestOverlap = overlap; }
    });
    if (best < 0 || (map.length && best < map[map.length - 1])) return null;
    map.push(best);
  }
  return map;
}

/** A row's text, whitespace removed: the same header row read with its words split otherwise (收  入 / 收入) matches. */
function rowSignature(cells: { r: number; c: number; text: string }[], r: number): string {
  return cells.filter((c) => c.r === r).sort((a, b) => a.c - b.c).map((c) => squash(c.text)).join('');
}

function firstFigureRow(cells: { r: number; text: string }[], rowCount: number): number {
  let first = rowCount;
  for (const c of cells) if (c.r < first && isNumeric(c.text)) first = c.r;
  return first;
}

/** Signatures of the header rows: the rows above the first row with a figure. */
export function headerSignatures(grid: Grid): string[] {
  const first = firstFigureRow(grid.cells, grid.rowCount);
  if (first >= grid.rowCount) return [];
  return Array.from({ length: first }, (_, r) => rowSignature(grid.cells, r));
}

export function appendTable(open: OpenTable, next: PageTable, map: number[]): void {
  // The header printed again, then rows under it printed again too (栏次, the 合计 row).
  let skip = repeatedHeaderEnd(open, next);
  let lead = skip > 0 ? open.headerRows.length : 0;
  while (skip < next.rowCount && lead < open.leadRows.length && rowSignature(next.cells, skip) === open.leadRows[lead]) { skip++; lead++; }
  if (isRowRemainder(open.grid, next, skip)) {
    joinRemainder(open.grid, next, skip, map);
    skip++;
  }
  const offset = open.grid.rowCount - skip;
  for (const c of next.cells) {
    if (c.r < skip) continue;
    const c0 = map[c.c];
    const c1 = map[c.c + c.cs - 1];
    open.grid.cells.push({ r: c.r + offset, c: c0, rs: c.rs, cs: c1 - c0 + 1, text: c.text, page: next.page, bbox: c.bbox });
  }
  open.grid.rowCount += next.rowCount - skip;
  open.latest = { columns: next.columns, map };
  if (!open.grid.pages.includes(next.page)) open.grid.pages.push(next.page);
}

const TOTAL_OR_ORDINAL = new RegExp(`^(${TOTAL_WORDS.join('|')}|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[)）]|\\d+[.、．](?!\\d))`);

/**
 * A row broken by the page end: the first row on the next page holds only the rest of some
 * texts of the last row (its labels wrapped over the page break), no figures of its own.
 */
function isRowRemainder(grid: Grid, next: PageTable, r: number): boolean {
  const first = next.cells.filter((c) => c.r === r);
  const lastRow = grid.rowCount - 1;
  const last = grid.cells.filter((c) => c.r === lastRow);
  if (!first.length || first.length * 2 > last.length || first.some((c) => TOTAL_OR_ORDINAL.test(c.text))) return false;
  return first.every((c) => last.some((l) => l.c <= c.c && l.c + l.cs > c.c && !isNumeric(l.text) && TOTAL_OR_ORDINAL.test(l.text) === false));
}

function joinRemainder(grid: Grid, next: PageTable, r: number, map: number[]): void {
  const lastRow = grid.rowCount - 1;
  for (const c of next.cells.filter((x) => x.r === r)) {
    const target = grid.cells.find((l) => l.r === lastRow && l.c <= map[c.c] && l.c + l.cs > map[c.c]);
    if (target) target.text += c.text;
  }
}
