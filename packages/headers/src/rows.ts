/**
 * Splits a grid's rows into: context rows at the top (a title, 公开NN表, unit or department line
 * that the reader put inside the grid), the header block (including 栏次 rows, whose numbers are
 * column indexes, not data), the data rows, and note rows at the bottom (注：…).
 */
import { parseNumber } from '@govdocs/core';
import { isContextLine } from './context.js';
import { rowCells, type Layout } from './layout.js';
import { isIndexWord } from './normalize.js';

export interface RowPlan {
  /** Rows holding only table context, moved out of the data. */
  context: number[];
  /** Header rows in order, 栏次 rows included. */
  header: number[];
  /** 栏次/行次 rows and header rows repeated below the header: never data. */
  index: Set<number>;
  data: number[];
  /** Note rows after the data (注：…). */
  notes: number[];
}

/** What a 栏次 row prints under its label columns instead of a number. */
const PLACEHOLDER = /^(?:\*+|[—–―─-]+|…+|\.{3,}|\/)$/;

const NOTE = /^\s*(注|说明|备注|附注|资料来源|填报说明)\s*[0-9一二三四五六七八九十.、:：]/;

export function planRows(layout: Layout): RowPlan {
  const plan: RowPlan = { context: [], header: [], index: new Set(), data: [], notes: [] };
  let r = 0;
  for (; r < layout.rows; r++) {
    const cells = rowCells(layout, r);
    if (cells.length === 0) continue;
    if (!cells.every((c) => isContextLine(c.text))) break;
    plan.context.push(r);
  }
  const firstData = firstDataRow(layout, r);
  for (; r < firstData; r++) {
    const cells = rowCells(layout, r);
    if (cells.length === 0) continue;
    plan.header.push(r);
    // One number is enough under a header word or placeholder ("栏次 | ** | 1" over a single column).
    if (isIndexRow(cells.map((c) => c.text))) plan.index.add(r);
  }
  let end = layout.rows;
  while (end > r && isNoteRow(layout, end - 1)) end--;
  // A header repeated inside the data (a table running over a page break) is not data.
  const headerRows = new Set(plan.header.map((h) => signature(layout, h)));
  for (; r < end; r++) {
    const cells = rowCells(layout, r);
    if (cells.length === 0) continue;
    if (
      headerRows.has(signature(layout, r)) ||
      isIndexRow(
        cells.map((c) => c.text),
        2,
      )
    )
      plan.index.add(r);
    else plan.data.push(r);
  }
  for (; r < layout.rows; r++) if (rowCells(layout, r).length) plan.notes.push(r);
  return plan;
}

/** The first row at or after `from` holding a number or dash that is not a 栏次 row. */
function firstDataRow(layout: Layout, from: number): number {
  for (let r = from; r < layout.rows; r++) {
    const texts = rowCells(layout, r).map((c) => c.text);
    if (texts.length === 0 || isIndexRow(texts)) continue;
    if (texts.some((t) => parseNumber(t) !== undefined)) return r;
  }
  return layout.rows;
}

/**
 * A 栏次 row: only index words (栏 次 类 款 项 甲 乙), placeholders (** or —— under the label
 * columns) and small integers counting up (1 2 3 …), at least one integer. "类 款 项 次 1 2 3",
 * "栏 次 1 2", "栏次 | | 1 | 2" and "** | 1 | 2 | 3" qualify.
 */
export function isIndexRow(texts: string[], minInts = 1): boolean {
  const ints: number[] = [];
  let words = 0;
  for (const raw of texts) {
    const t = raw.normalize('NFKC').replace(/\s+/g, '');
    if (t === '') continue;
    if (/^\d{1,3}$/.test(t)) ints.push(Number(t));
    else if (isIndexWord(t) || PLACEHOLDER.test(t)) words++;
    else return false;
  }
  if (ints.length < minInts) return false;
  for (let i = 1; i < ints.length; i++) if (ints[i] <= ints[i - 1]) return false;
  if (words > 0) return true;
  // Without index words only 1 2 3 … counting by one from 0 or 1 is a 栏次 row.
  return ints[0] <= 1 && ints.length >= 2 && ints.every((n, i) => i === 0 || n === ints[i - 1] + 1);
}

function signature(layout: Layout, r: number): string {
  return rowCells(layout, r)
    .map((c) => `${c.c}:${c.text.replace(/\s+/g, '')}`)
    .join('|');
}

function isNoteRow(layout: Layout, r: number): boolean {
  const cells = rowCells(layout, r);
  return cells.length === 1 && NOTE.test(cells[0].text);
}
