/**
 * PDF table detection: page layouts (positioned words and rulings from ingest) → blocks in
 * reading order: text lines, and grids found by rulings (lattice) or by alignment (stream).
 * A table that runs on over the next page is joined into one grid, its repeated header rows
 * dropped.
 */
import type { Block, Cell, Grid, PageLayout, TextBlock } from '@govdocs/core';
import { findLattices } from './lattice.js';
import { streamSegments, type Segment } from './stream.js';
import type { Item, PageTable } from './table.js';
import {
  appendTable,
  attachHeaderPieces,
  continuation,
  CONTINUED,
  openTable,
  PAGE_FURNITURE,
  runningLines,
  shape,
  type OpenTable,
} from './pages.js';
import { attachContext } from '../text-grids.js';
import { boxOf, isNumeric, lineText, toLines, toWord, type Line } from './words.js';

const CONTEXT_LINES = 8;
const AFTER_LINES = 3;

export function detectPdfTables(layout: PageLayout[]): Block[] {
  const pages = layout.map(pageItems);
  const running = runningLines(layout, pages);
  const furniture = (t: string) => PAGE_FURNITURE.test(t) || running.has(shape(t));
  attachHeaderPieces(pages, furniture);
  const blocks: Block[] = [];
  let open: OpenTable | null = null;
  for (const items of pages) {
    const first = items.findIndex((i) => i.type === 'table');
    const lead = first < 0 ? [] : (items.slice(0, first) as { type: 'text'; block: TextBlock }[]);
    const split = first < 0 ? null : splitContextRows((items[first] as { type: 'table'; table: PageTable }).table);
    let start = 0;
    const before = [...lead.map((l) => l.block.text), ...(split?.preface ?? [])];
    const map = open && split ? continuation(open, trailingText(blocks), before, split.table, furniture) : null;
    if (open && split && map) {
      dropTrailingFurniture(blocks);
      appendTable(open, split.table, map);
      for (const text of split.notes) blocks.push({ type: 'text', text, page: split.table.page });
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
      const title = trailingText(blocks).slice(-CONTEXT_LINES);
      const grid = toGrid(table);
      blocks.push({ type: 'grid', grid });
      for (const text of notes) blocks.push({ type: 'text', text, page: table.page });
      open = openTable(grid, item.table, title);
    }
    if (
      open &&
      blocks[blocks.length - 1].type !== 'grid' &&
      !trailingText(blocks).every((t) => furniture(t) || CONTINUED.test(t))
    )
      open = null;
  }
  attachContext(blocks, (text) => PAGE_FURNITURE.test(text), CONTEXT_LINES, AFTER_LINES);
  return blocks;
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
const CONTEXT_CELL =
  /^(?:(?:金额|计量)?单位|部门|编制单位|编制部门|填报单位|预算单位|单位名称)\s*[:：]|^公开\d+表$|^(?:附)?表\s*\d+$/;
const NOTE_CELL = /^(?:注|说明|备注)\s*[:：]/;

/**
 * Title, code, unit and department lines drawn inside a table's frame (a sheet's merged title
 * row) go before the grid; note rows at its foot go after it. A row is such a line when it has a
 * single cell spanning most of the width, or only context cells.
 */
function splitContextRows(t: PageTable): { preface: string[]; table: PageTable; notes: string[] } {
  const rowCells = (r: number) => t.cells.filter((c) => c.r === r).sort((a, b) => a.c - b.c);
  const isBanner = (cells: PageTable['cells']) =>
    cells.length === 1 && cells[0].cs >= Math.max(2, 0.8 * t.colCount) && !isNumeric(cells[0].text);
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
  const line = (r: number) =>
    rowCells(r)
      .map((c) => c.text)
      .join('  ');
  const cells = t.cells.filter((c) => c.r >= top && c.r < bottom).map((c) => ({ ...c, r: c.r - top }));
  return {
    preface: Array.from({ length: top }, (_, r) => line(r)).filter(Boolean),
    table: { ...t, cells, rowCount: bottom - top },
    notes: Array.from({ length: t.rowCount - bottom }, (_, k) => line(bottom + k)).filter(Boolean),
  };
}

function toGrid(t: PageTable): Grid {
  const cells: Cell[] = t.cells.map((c) => ({
    r: c.r,
    c: c.c,
    rs: c.rs,
    cs: c.cs,
    text: c.text,
    page: c.page ?? t.page,
    bbox: c.bbox,
  }));
  const pages = [...new Set(cells.map((c) => c.page!))].sort((a, b) => a - b);
  return {
    cells,
    rowCount: t.rowCount,
    colCount: t.colCount,
    pages: pages.length ? pages : [t.page],
    before: [],
    after: [],
  };
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
