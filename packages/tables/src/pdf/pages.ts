/**
 * Tables that run over pages: header rows left apart from their rows, rows continued on the
 * next page (with or without a repeated header, 续表), a row broken by the page end, and the
 * running headers and footers that may sit between the parts.
 */
import type { Grid, PageLayout } from '@govdocs/core';
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

/**
 * The first table of a page continues the open one when only page numbers or a 续表 marker lie
 * between them and each of its columns lies under a column of the open table. Returns the
 * open table's column of each of its columns, or null.
 */
export function continuation(open: { last: PageTable }, after: string[], before: string[], next: PageTable, furniture: (t: string) => boolean): number[] | null {
  const between = [...after, ...before].map((t) => t.trim()).filter(Boolean);
  const marked = between.some((t) => CONTINUED.test(t.replace(/\s+/g, '')));
  if (!marked && !between.every(furniture)) return null;
  return columnMap(open.last.columns, next.columns);
}

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

function rowSignature(cells: { r: number; c: number; text: string }[], r: number): string {
  return cells.filter((c) => c.r === r).sort((a, b) => a.c - b.c).map((c) => c.text.replace(/\s+/g, '')).join('|');
}

/** Signatures of the header rows: the rows above the first row with a figure. */
export function headerSignatures(grid: Grid): string[] {
  let first = grid.rowCount;
  for (const c of grid.cells) if (c.r < first && isNumeric(c.text)) first = c.r;
  if (first >= grid.rowCount) return [];
  return Array.from({ length: first }, (_, r) => rowSignature(grid.cells, r));
}

export function appendTable(open: { grid: Grid; last: PageTable; headerRows: string[] }, next: PageTable, map: number[]): void {
  const header = new Set(open.headerRows.filter(Boolean));
  let skip = 0;
  while (skip < next.rowCount && header.has(rowSignature(next.cells, skip))) skip++;
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
  if (!open.grid.pages.includes(next.page)) open.grid.pages.push(next.page);
  // Later pages are matched against the first part's columns, which index the grid.
}

const TOTAL_OR_ORDINAL = /^(合计|总计|小计|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))/;

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
