/**
 * PDF table detection: page layouts (positioned words and rulings from ingest) → blocks in
 * reading order: text lines, and grids found by rulings (lattice) or by alignment (stream).
 * A table that runs on over the next page is joined into one grid, its repeated header rows
 * dropped.
 */
import type { Block, Cell, Grid, PageLayout, TextBlock } from '@govdocs/core';
import { findLattices } from './lattice.js';
import { streamSegments, type Segment } from './stream.js';
import type { PageTable } from './table.js';
import { boxOf, isNumeric, lineText, toLines, toWord, type Line } from './words.js';

const CONTEXT_LINES = 8;
const AFTER_LINES = 3;
/** 续表, 表3（续）: the table goes on from the page before. */
const CONTINUED = /^续表|[(（]续[)）]\s*$|续表\s*$/;
/** Page numbers and similar running lines that may sit between the two parts of a table. */
const PAGE_FURNITURE = /^[-—–\s]*(第\s*)?\d+(\s*页)?(\s*[/共]\s*\d+\s*页?)?[-—–\s]*$/;

type Item = { type: 'text'; block: TextBlock } | { type: 'table'; table: PageTable };

export function detectPdfTables(layout: PageLayout[]): Block[] {
  const pages = layout.map(pageItems);
  const running = runningLines(layout, pages);
  const furniture = (t: string) => PAGE_FURNITURE.test(t) || running.has(shape(t));
  attachHeaderPieces(pages, furniture);
  const blocks: Block[] = [];
  let open: { grid: Grid; last: PageTable; headerRows: string[] } | null = null;
  for (const items of pages) {
    const first = items.findIndex((i) => i.type === 'table');
    const lead = first < 0 ? [] : (items.slice(0, first) as { type: 'text'; block: TextBlock }[]);
    const nextTable = first < 0 ? null : (items[first] as { type: 'table'; table: PageTable }).table;
    let start = 0;
    const map = open && nextTable ? continuation(open, trailingText(blocks), lead.map((l) => l.block.text), nextTable, furniture) : null;
    if (open && nextTable && map) {
      dropTrailingFurniture(blocks);
      appendTable(open, nextTable, map);
      start = first + 1;
    }
    // A joined table stays open for the page after, unless another table follows it here.
    if (!map) open = null;
    for (const item of items.slice(start)) {
      if (item.type === 'text') {
        blocks.push(item.block);
        continue;
      }
      const { preface, table, notes } = splitContextRows(item.table);
      for (const text of preface) blocks.push({ type: 'text', text, page: table.page });
      const grid = toGrid(table);
      blocks.push({ type: 'grid', grid });
      for (const text of notes) blocks.push({ type: 'text', text, page: table.page });
      open = { grid, last: item.table, headerRows: headerSignatures(grid) };
    }
    if (open && blocks[blocks.length - 1].type !== 'grid' && !trailingText(blocks).every((t) => furniture(t) || CONTINUED.test(t))) open = null;
  }
  attachContext(blocks);
  return blocks;
}

/**
 * Header rows found apart from their table (a ruled header band over borderless rows, or the
 * header left at the foot of a page whose rows start on the next) are put on top of the table
 * that follows them, when only page furniture lies between and its columns line up.
 */
function attachHeaderPieces(pages: Item[][], furniture: (t: string) => boolean): void {
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
function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * Running headers and footers: lines in the top or bottom tenth of a page whose text (digits
 * aside) is printed on more than one page. They never stop a table from running on.
 */
function runningLines(layout: PageLayout[], pages: Item[][]): Set<string> {
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

/** One page: lattice tables first, then stream tables among the remaining lines, in reading order. */
function pageItems(page: PageLayout): Item[] {
  if (page.scanned) return [];
  const words = page.texts.map(toWord);
  const { tables, used } = findLattices(page.page, page.rules, words);
  const free = toLines(words.filter((w) => !used.has(w)));
  tables.sort((a, b) => a.bbox[1] - b.bbox[1]);
  // Lines between lattice tables are searched for borderless tables separately.
  const items: Item[] = [];
  let rest = free;
  for (const t of [...tables, null]) {
    const cut = t ? t.bbox[1] : Infinity;
    const above = rest.filter((l) => (l.y0 + l.y1) / 2 < cut);
    rest = rest.filter((l) => (l.y0 + l.y1) / 2 >= cut);
    for (const seg of streamSegments(page.page, above, page.rules, page.height)) items.push(toItem(page.page, seg));
    if (t) items.push({ type: 'table', table: t });
  }
  return items;
}

function toItem(page: number, seg: Segment): Item {
  if (seg.type === 'table') return seg;
  return { type: 'text', block: textBlock(page, seg.line) };
}

function textBlock(page: number, line: Line): TextBlock {
  return { type: 'text', text: lineText(line), page, bbox: boxOf(line.words) };
}

/** 部门：… 金额单位：… 编制单位：… inside a table's frame: context, not a row. */
const CONTEXT_CELL = /^(?:(?:金额|计量)?单位|部门|编制单位|编制部门|填报单位|预算单位|单位名称)\s*[:：]|^公开\d+表$|^(?:附)?表\s*\d+$/;
const NOTE_CELL = /^(?:注|说明|备注)\s*[:：]/;

/**
 * Title, code, unit and department lines drawn inside a table's frame (a sheet's merged title
 * row) go before the grid; note rows at its foot go after it. A row is such a line when it has a
 * single cell spanning most of the width, or only context cells.
 */
function splitContextRows(t: PageTable): { preface: string[]; table: PageTable; notes: string[] } {
  const rowCells = (r: number) => t.cells.filter((c) => c.r === r).sort((a, b) => a.c - b.c);
  const isBanner = (cells: PageTable['cells']) => cells.length === 1 && cells[0].cs >= Math.max(2, 0.8 * t.colCount) && !isNumeric(cells[0].text);
  let top = 0;
  while (top < t.rowCount - 1) {
    const cells = rowCells(top);
    if (!cells.length || !(isBanner(cells) || cells.every((c) => CONTEXT_CELL.test(c.text)))) break;
    if (cells.some((c) => c.r + c.rs > top + 1)) break;
    top++;
  }
  let bottom = t.rowCount;
  while (bottom - 1 > top) {
    const cells = rowCells(bottom - 1);
    if (!cells.length || !cells.every((c) => NOTE_CELL.test(c.text) && c.rs === 1)) break;
    bottom--;
  }
  if (top === 0 && bottom === t.rowCount) return { preface: [], table: t, notes: [] };
  const line = (r: number) => rowCells(r).map((c) => c.text).join('  ');
  const cells = t.cells.filter((c) => c.r >= top && c.r < bottom).map((c) => ({ ...c, r: c.r - top }));
  return {
    preface: Array.from({ length: top }, (_, r) => line(r)).filter(Boolean),
    table: { ...t, cells, rowCount: bottom - top },
    notes: Array.from({ length: t.rowCount - bottom }, (_, k) => line(bottom + k)).filter(Boolean),
  };
}

function toGrid(t: PageTable): Grid {
  const cells: Cell[] = t.cells.map((c) => ({ r: c.r, c: c.c, rs: c.rs, cs: c.cs, text: c.text, page: c.page ?? t.page, bbox: c.bbox }));
  const pages = [...new Set(cells.map((c) => c.page!))].sort((a, b) => a - b);
  return { cells, rowCount: t.rowCount, colCount: t.colCount, pages: pages.length ? pages : [t.page], before: [], after: [] };
}

/** Texts after the last grid on the blocks so far. */
function trailingText(blocks: Block[]): string[] {
  const out: string[] = [];
  for (let k = blocks.length - 1; k >= 0; k--) {
    const b = blocks[k];
    if (b.type === 'grid') break;
    out.unshift(b.text);
  }
  return out;
}

function dropTrailingFurniture(blocks: Block[]): void {
  while (blocks.length && blocks[blocks.length - 1].type === 'text') blocks.pop();
}

/**
 * The first table of a page continues the open one when only page numbers or a 续表 marker lie
 * between them and each of its columns lies under a column of the open table. Returns the
 * open table's column of each of its columns, or null.
 */
function continuation(open: { last: PageTable }, after: string[], before: string[], next: PageTable, furniture: (t: string) => boolean): number[] | null {
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
function headerSignatures(grid: Grid): string[] {
  let first = grid.rowCount;
  for (const c of grid.cells) if (c.r < first && isNumeric(c.text)) first = c.r;
  if (first >= grid.rowCount) return [];
  return Array.from({ length: first }, (_, r) => rowSignature(grid.cells, r));
}

function appendTable(open: { grid: Grid; last: PageTable; headerRows: string[] }, next: PageTable, map: number[]): void {
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

/** Fills each grid's `before` and `after` with the nearest text lines around it. */
function attachContext(blocks: Block[]): void {
  blocks.forEach((b, i) => {
    if (b.type !== 'grid') return;
    const before: string[] = [];
    for (let k = i - 1; k >= 0 && before.length < CONTEXT_LINES; k--) {
      const t = blocks[k];
      if (t.type === 'grid') break;
      if (t.text.trim() && !PAGE_FURNITURE.test(t.text)) before.unshift(t.text.trim());
    }
    const after: string[] = [];
    for (let k = i + 1; k < blocks.length && after.length < AFTER_LINES; k++) {
      const t = blocks[k];
      if (t.type === 'grid') break;
      if (t.text.trim()) after.push(t.text.trim());
    }
    b.grid.before = before;
    b.grid.after = after;
  });
}
