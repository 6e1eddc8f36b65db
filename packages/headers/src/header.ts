/**
 * The header block as elements with column extents, and the header path of every column.
 *
 * Spans come from the grid (DOCX/XLSX/HTML/PDF merges). Text dumps lose merges: a merged header
 * cell becomes a word followed by empty cells ("收入\t\t\t支出\t\t"). Such a word is widened over
 * the empty cells to its right while the rows below carry sub-headers there and the element above
 * (if any) is the same, so 事业收入 covers 小计 | 其中：教育收费.
 */
import type { Cell } from '@govdocs/core';
import { isContextCell } from './context.js';
import type { Layout } from './layout.js';
import { normHeader } from './normalize.js';
import type { RowPlan } from './rows.js';

export interface HeaderElement {
  /** Header row (grid row) where the element starts. */
  row: number;
  c0: number;
  c1: number;
  /** Printed text. */
  text: string;
  /** Normalised word (normHeader). */
  word: string;
}

/** Unit, department and code cells found among the header rows (not header words). */
export function headerContextCells(layout: Layout, plan: RowPlan): string[] {
  const out: string[] = [];
  for (const r of plan.header)
    for (let c = 0; c < layout.cols; c++) {
      const cell = layout.cover[r][c];
      if (cell && cell.r === r && cell.c === c && isContextCell(cell.text)) out.push(cell.text);
    }
  return out;
}

export interface HeaderBlock {
  /** Grid rows of the header that carry words (栏次 rows excluded). */
  rows: number[];
  /** Element per header row (index into `rows`) and column. */
  at: (HeaderElement | undefined)[][];
}

export function buildHeader(layout: Layout, plan: RowPlan): HeaderBlock {
  const rows = plan.header.filter((r) => !plan.index.has(r));
  const byCell = new Map<Cell, HeaderElement>();
  const at: (HeaderElement | undefined)[][] = rows.map((r) =>
    layout.cover[r].map((cell) => {
      if (!cell?.text.trim() || isContextCell(cell.text)) return undefined;
      let el = byCell.get(cell);
      if (!el) {
        el = {
          row: cell.r,
          c0: cell.c,
          c1: cell.c + Math.max(1, cell.cs) - 1,
          text: cell.text,
          word: normHeader(cell.text),
        };
        byCell.set(cell, el);
      }
      return el;
    }),
  );
  widenOverEmpty(layout, rows, at);
  return { rows, at };
}

function widenOverEmpty(layout: Layout, rows: number[], at: (HeaderElement | undefined)[][]): void {
  for (let i = 0; i < rows.length; i++) {
    const line = at[i];
    for (let c = 1; c < layout.cols; c++) {
      if (line[c] || layout.cover[rows[i]][c]) continue;
      const left = line[c - 1];
      if (!left || left.c1 !== c - 1) continue;
      if (!hasWordBelow(at, i, c)) continue;
      if (i > 0 && at[i - 1][c] !== at[i - 1][c - 1]) continue;
      left.c1 = c;
      line[c] = left;
    }
  }
}

function hasWordBelow(at: (HeaderElement | undefined)[][], i: number, c: number): boolean {
  for (let k = i + 1; k < at.length; k++) if (at[k][c]) return true;
  return false;
}

/**
 * Header elements over a column, top down, each once, empty words left out. Text wrapped over
 * two header rows (项目支出结转 / 和结余) shows as two stacked elements of the same extent: they
 * are joined when the joined word is a known word, or when neither part is.
 */
export function columnPath(
  block: HeaderBlock,
  c: number,
  isKnown: (word: string) => boolean = () => false,
): HeaderElement[] {
  const path: HeaderElement[] = [];
  for (const line of block.at) {
    const el = line[c];
    if (!el?.word) continue;
    const last = path[path.length - 1];
    if (last === el || (last && last.word === el.word)) continue;
    if (last && last.c0 === el.c0 && last.c1 === el.c1) {
      const word = last.word + el.word;
      if (isKnown(word) || (!isKnown(last.word) && !isKnown(el.word))) {
        path[path.length - 1] = { ...last, text: last.text + el.text, word };
        continue;
      }
    }
    path.push(el);
  }
  return path;
}

/** True when some header row below the element has a word inside its extent. */
export function hasSubHeaders(block: HeaderBlock, el: HeaderElement): boolean {
  const i = block.rows.indexOf(el.row);
  for (let k = Math.max(i, 0) + 1; k < block.at.length; k++) {
    for (let c = el.c0; c <= el.c1; c++) {
      const sub = block.at[k][c];
      // Same extent is the same header wrapped onto the next row, not a sub-header.
      if (sub && sub !== el && sub.word && (sub.c0 !== el.c0 || sub.c1 !== el.c1)) return true;
    }
  }
  return false;
}

/** The header block moved `k` columns to the right (k < 0: left), for headers printed shifted. */
export function shiftHeader(block: HeaderBlock, k: number, cols: number): HeaderBlock {
  const copies = new Map<HeaderElement, HeaderElement>();
  const copy = (el: HeaderElement | undefined) => {
    if (!el) return undefined;
    let c = copies.get(el);
    if (!c) copies.set(el, (c = { ...el, c0: el.c0 + k, c1: el.c1 + k }));
    return c;
  };
  const at = block.at.map((line) => Array.from({ length: cols }, (_, c) => copy(line[c - k])));
  return { rows: block.rows, at };
}
