/**
 * An HTML tree (htmlparser2-style nodes, as cheerio builds them) → blocks in reading order: each block-level element
 * or <br> ends a text line, a data table becomes grids, a layout table (one that holds tables,
 * a single-cell wrapper, a one-row strip) is read through as if it were not there.
 */
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import type { Block } from '@govdocs/core';
import { attachGridContext, piecesToBlocks } from './context.js';
import { splitRegion, type Region, type RegionCell } from './grid.js';

/** The few fields of htmlparser2's nodes this walker reads. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'address',
  'figure',
  'figcaption',
  'caption',
  'tr',
  'td',
  'th',
  'hr',
  'body',
  'title',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'button',
  'input',
  'textarea',
]);
const MAX_DEPTH = 300;
/** Spans beyond these are damaged markup, not tables (HTML caps colspan at 1000). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 10000;

/**
 * Parses a page the way browsers do (parse5, HTML5 tree building: implied tbody, unclosed cells)
 * into htmlparser2-style nodes. This is what cheerio.load does; calling parse5 directly saves each
 * worker loading cheerio's fetch and encoding stack (~80 ms at start-up) for nothing.
 */
export function parseHtml(html: string): DomNode {
  return parse(html, { treeAdapter: adapter, scriptingEnabled: true }) as unknown as DomNode;
}

export function elementChildren(node: DomNode): DomNode[] {
  return (node.children ?? []).filter((c) => c.type === 'tag' || c.type === 'script' || c.type === 'style');
}

/** Blocks of a tree, with grid context attached. */
export function htmlBlocks(root: DomNode): Block[] {
  const walker = new BlockWalker();
  walker.walk(root, 0);
  walker.flush();
  attachGridContext(walker.blocks);
  return walker.blocks;
}

class BlockWalker {
  blocks: Block[] = [];
  private line = '';

  walk(node: DomNode, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (node.type === 'text') {
      this.line += node.data ?? '';
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children ?? []) this.walk(child, depth + 1);
      return;
    }
    if (node.type !== 'tag') return;
    const tag = node.name!.toLowerCase();
    if (SKIP_TAGS.has(tag) || isHidden(node)) return;
    if (tag === 'br') return this.flush();
    if (tag === 'table') return this.table(node, depth);
    const block = BLOCK_TAGS.has(tag);
    if (block) this.flush();
    for (const child of node.children ?? []) this.walk(child, depth + 1);
    if (block) this.flush();
  }

  flush(): void {
    const text = collapse(this.line);
    this.line = '';
    if (text) this.blocks.push({ type: 'text', text });
  }

  private table(node: DomNode, depth: number): void {
    this.flush();
    const rows = tableRows(node);
    if (isLayoutTable(node, rows)) {
      for (const child of node.children ?? []) this.walk(child, depth + 1);
      this.flush();
      return;
    }
    const caption = elementChildren(node).find((c) => c.name === 'caption');
    if (caption) this.walk(caption, depth + 1);
    this.flush();
    this.blocks.push(...piecesToBlocks(splitRegion(tableRegion(rows))));
  }
}

/** Elements a browser does not show (display:none, hidden): a reader never sees their text. */
function isHidden(node: DomNode): boolean {
  const attribs = node.attribs;
  if (!attribs) return false;
  return 'hidden' in attribs || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '');
}

/** The <tr> rows of a table itself (through thead/tbody/tfoot), not of tables inside it. */
export function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  const visit = (node: DomNode) => {
    for (const child of elementChildren(node)) {
      const tag = child.name!.toLowerCase();
      if (isHidden(child)) continue;
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function rowCells(row: DomNode): DomNode[] {
  return elementChildren(row).filter((c) => (c.name === 'td' || c.name === 'th') && !isHidden(c));
}

function containsTable(node: DomNode, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const child of elementChildren(node)) {
    if (child.name === 'table' || containsTable(child, depth + 1)) return true;
  }
  return false;
}

/** Tables used for page layout rather than data: holders of other tables, wrappers, strips. */
function isLayoutTable(table: DomNode, rows: DomNode[]): boolean {
  if (table.attribs?.role === 'presentation') return true;
  if (rows.length < 2) return true;
  if (rows.every((r) => rowCells(r).length <= 1)) return true;
  return containsTable(table);
}

/** Cells placed on the grid: a cell goes to the first column its row has free (rowspans fill rows below). */
export function tableRegion(rows: DomNode[]): Region {
  const taken = new Map<number, Set<number>>();
  const isTaken = (r: number, c: number) => taken.get(r)?.has(c) ?? false;
  const take = (r: number, c: number) => {
    let set = taken.get(r);
    if (!set) taken.set(r, (set = new Set()));
    set.add(c);
  };
  const cells: RegionCell[] = [];
  let colCount = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const td of rowCells(row)) {
      while (isTaken(r, c)) c++;
      const cs = span(td.attribs?.colspan, MAX_COLSPAN);
      const rs = Math.min(span(td.attribs?.rowspan, MAX_ROWSPAN), rows.length - r);
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) take(r + dr, c + dc);
      const text = cellText(td);
      if (text) cells.push({ r, c, rs, cs, text });
      c += cs;
      colCount = Math.max(colCount, c);
    }
  });
  return { cells, rowCount: rows.length, colCount };
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** A cell's lines joined: no space between Chinese characters, one space elsewhere. */
export function cellText(td: DomNode): string {
  const walker = new BlockWalker();
  for (const child of td.children ?? []) walker.walk(child, 1);
  walker.flush();
  const lines = walker.blocks.map((b) => (b.type === 'text' ? b.text : ''));
  return lines.reduce((acc, line) => (acc ? acc + joiner(acc, line) + line : line), '');
}

const HAN_END = /[\u3400-\u9fff\uff00-\uffef（）：、，]$/;
const HAN_START = /^[\u3400-\u9fff\uff00-\uffef（）：、，]/;

function joiner(left: string, right: string): string {
  return HAN_END.test(left) || HAN_START.test(right) ? '' : ' ';
}

/** Whitespace runs (incl. &nbsp; and full-width spaces) → one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}
