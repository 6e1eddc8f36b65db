/**
 * Rows of a borderless table: text lines joined where they are one row (wrapped labels,
 * wrapped header cells, lines between two rulings, labels centred beside their figures).
 */
import type { RuleLine } from '@govdocs/core';
import { completesFigure, isNumeric, median, toLines, usualDecimals, type Word } from './words.js';

/** Words gathered into one cell of a row. */
export interface Slot {
  c0: number;
  c1: number;
  words: Word[];
}
export interface Row {
  slots: Slot[];
  y0: number;
  y1: number;
}

/**
 * Joins lines that are one row. With a ruling between most rows, lines with no ruling between
 * them are one row. Else, in the header, a line whose words sit in exactly the columns of the
 * line above (a wrapped header cell); below it, a line with no figures set closer than rows
 * are: it carries on the label above it, or, when the figures of the next line sit beside it
 * (vertically centred), it starts that row.
 */
export function joinWrappedRows(lines: Row[], rules: RuleLine[], columns: { x0: number; x1: number }[]): Row[] {
  if (lines.length < 2) return lines;
  const rows = joinWrappedFigures(lines);
  const x0 = Math.min(...rows.flatMap((r) => r.slots.flatMap((s) => s.words.map((w) => w.x0))));
  const x1 = Math.max(...rows.flatMap((r) => r.slots.flatMap((s) => s.words.map((w) => w.x1))));
  const long = rules.filter((r) => r.y0 === r.y1 && r.x1 - r.x0 >= 0.5 * (x1 - x0) && r.x0 <= x1 && r.x1 >= x0);
  const ruledBetween = (a: Row, b: Row) => long.some((r) => r.y0 >= a.y1 - 1.5 && r.y0 <= b.y0 + 1.5);
  let ruled = 0;
  for (let k = 1; k < rows.length; k++) if (ruledBetween(rows[k - 1], rows[k])) ruled++;
  if (ruled >= 0.6 * (rows.length - 1)) {
    const out: Row[] = [rows[0]];
    for (let k = 1; k < rows.length; k++) {
      if (ruledBetween(rows[k - 1], rows[k])) out.push(rows[k]);
      else merge(out[out.length - 1], rows[k]);
    }
    return out;
  }
  const centred = centredRows(rows);
  if (centred) return centred;
  const firstData = rows.findIndex(hasFigure);
  const headerEnd = firstData < 0 ? rows.length : firstData;
  const out: Row[] = [];
  for (let k = 0; k < headerEnd; k++) {
    if (k > 0 && isWrappedHeader(out[out.length - 1], rows[k], rows[k - 1])) merge(out[out.length - 1], rows[k]);
    else out.push(rows[k]);
  }
  if (firstData < 0) return out;
  const gap = (k: number) => rows[k].y0 - rows[k - 1].y1;
  const rowGaps = rows
    .map((_, k) => k)
    .filter((k) => k > firstData && hasFigure(rows[k]))
    .map(gap);
  // Gaps above figure rows are row gaps; with none measured, the body's usual gap stands in.
  const bodyGaps = rows
    .map((_, k) => k)
    .filter((k) => k > firstData)
    .map(gap);
  const rowGap = rowGaps.length ? median(rowGaps) : bodyGaps.length ? median(bodyGaps) : Infinity;
  const tight = (k: number) => gap(k) < 0.7 * rowGap;
  let pending: Row | null = null;
  for (let k = firstData; k < rows.length; k++) {
    const row = rows[k];
    if (hasFigure(row) || k === firstData) {
      if (pending) {
        merge(pending, row);
        out.push(pending);
        pending = null;
      } else out.push(row);
      continue;
    }
    if (pending) {
      out.push(pending);
      pending = null;
    }
    const next = rows[k + 1];
    const above = out[out.length - 1];
    if (startsRow(row)) out.push(row);
    else if (
      next &&
      hasFigure(next) &&
      tight(k + 1) &&
      !sharesColumns(next, row) &&
      !(tight(k) && labelsAbove(above, row) && gap(k) < gap(k + 1))
    )
      pending = row;
    else if (
      (tight(k) || (gap(k) < 0.92 * rowGap && fillsColumn(rows[k - 1], row, columns))) &&
      labelsAbove(above, row)
    )
      merge(above, row);
    else out.push(row);
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * Labels wrapped over several lines with the row's figures centred beside them: each figure
 * line takes as many label lines above it as below it. Used when that reading accounts for
 * every line between the figure lines and some figure line has no label of its own (with top
 * alignment each figure line carries the first line of its label).
 */
function centredRows(rows: Row[]): Row[] | null {
  const anchors = rows.map((r, k) => (hasFigure(r) ? k : -1)).filter((k) => k >= 0);
  if (anchors.length < 2) return null;
  const labelColumns = new Set<number>();
  for (const k of anchors)
    for (const sl of rows[k].slots)
      if (sl.words.some((w) => !isNumeric(w.text))) for (let c = sl.c0; c <= sl.c1; c++) labelColumns.add(c);
  const labelOnly = (r: Row) =>
    !hasFigure(r) && r.slots.every((sl) => labelColumns.has(sl.c0) && labelColumns.has(sl.c1));
  const unlabelled = anchors.some(
    (k) => !rows[k].slots.some((sl) => labelColumns.has(sl.c0) && sl.words.some((w) => !isNumeric(w.text))),
  );
  let above = 0;
  while (anchors[0] - above - 1 >= 0 && labelOnly(rows[anchors[0] - above - 1])) above++;
  if (!unlabelled && above === 0) return null;
  const spans: [number, number][] = [];
  let k = above;
  for (let a = 0; a < anchors.length; a++) {
    const next = anchors[a + 1];
    const after = next === undefined ? trailingLabels(rows, anchors[a], labelOnly) : next - anchors[a] - 1;
    if (next !== undefined && !rows.slice(anchors[a] + 1, next).every(labelOnly)) return null;
    const below = k;
    if (next === undefined ? after < below : after - below < 0) return null;
    spans.push([anchors[a] - k, anchors[a] + below]);
    k = after - below;
  }
  const out: Row[] = [];
  const headerEnd = anchors[0] - above;
  for (let r = 0; r < headerEnd; r++) {
    if (r > 0 && isWrappedHeader(out[out.length - 1], rows[r], rows[r - 1])) merge(out[out.length - 1], rows[r]);
    else out.push(rows[r]);
  }
  for (const [from, to] of spans) {
    const row: Row = { slots: [], y0: rows[from].y0, y1: rows[from].y1 };
    for (let r = from; r <= to; r++)
      merge(row, { ...rows[r], slots: rows[r].slots.map((sl) => ({ ...sl, words: [...sl.words] })) });
    out.push(row);
  }
  out.push(...rows.slice(spans[spans.length - 1][1] + 1));
  return out;
}

function trailingLabels(rows: Row[], from: number, labelOnly: (r: Row) => boolean): number {
  let n = 0;
  while (from + n + 1 < rows.length && labelOnly(rows[from + n + 1])) n++;
  return n;
}

/**
 * The decimals a table's amounts print, from every figure of its lines: a column too narrow for
 * its figures wraps some of them, which the others outnumber.
 */
export function tableDecimals(lines: Row[]): number {
  return usualDecimals(lines.flatMap((l) => l.slots.flatMap((s) => s.words.map((w) => w.text))));
}

/**
 * A line whose figures each finish a figure wrapped in its narrow column on the line just
 * above (7,589,7 / 02.85; 3800.0 / 0) belongs to that line's row, with any label text it
 * carries under the label above.
 */
function joinWrappedFigures(lines: Row[]): Row[] {
  const decimals = tableDecimals(lines);
  const out: Row[] = [];
  for (const line of lines) {
    const above = out[out.length - 1];
    if (above && finishesFigures(above, line, decimals)) merge(above, line);
    else out.push(line);
  }
  return out;
}

function finishesFigures(above: Row, line: Row, decimals: number): boolean {
  const size = Math.max(...line.slots.flatMap((s) => s.words.map((w) => w.y1 - w.y0)));
  if (line.y0 - above.y1 > 0.8 * size) return false;
  let figures = 0;
  for (const s of line.slots) {
    const text = s.words.map((w) => w.text).join('');
    const a = above.slots.find((o) => o.c0 <= s.c1 && o.c1 >= s.c0);
    if (!a) return false;
    if (!isNumeric(text)) {
      if (!a.words.some((w) => !isNumeric(w.text))) return false;
      continue;
    }
    const bottom = toLines(a.words)
      .at(-1)!
      .words.map((w) => w.text)
      .join('');
    if (!completesFigure(bottom, text, decimals)) return false;
    figures++;
  }
  return figures > 0;
}

const hasFigure = (row: Row) => row.slots.some((s) => s.words.some((w) => isNumeric(w.text)));

/** Ordinals and codes begin a row of their own (一、 （一） 1. 其中：). */
const ROW_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|其中[:：])/;

function startsRow(row: Row): boolean {
  const first = row.slots[0]?.words[0]?.text ?? '';
  return ROW_START.test(first);
}

/** Every word of `row` lies under a text (not a figure) of the row above. */
function labelsAbove(above: Row, row: Row): boolean {
  return row.slots.every((s) =>
    above.slots.some((a) => a.c0 <= s.c1 && a.c1 >= s.c0 && a.words.some((w) => !isNumeric(w.text))),
  );
}

/**
 * The line above runs to the right edge of the column `row` continues in: its text wrapped
 * there (asked only when the line is set a little closer than rows are).
 */
function fillsColumn(previousLine: Row, row: Row, columns: { x0: number; x1: number }[]): boolean {
  return row.slots.every((s) =>
    previousLine.slots.some((a) => {
      if (a.c0 > s.c1 || a.c1 < s.c0) return false;
      const right = Math.max(...a.words.map((w) => w.x1));
      const size = Math.max(...a.words.map((w) => w.y1 - w.y0));
      return right >= columns[a.c1].x1 - 0.8 * size;
    }),
  );
}

function sharesColumns(a: Row, b: Row): boolean {
  return b.slots.some((s) => a.slots.some((o) => o.c0 <= s.c1 && o.c1 >= s.c0));
}

function isWrappedHeader(above: Row, row: Row, previousLine: Row): boolean {
  const gap = row.y0 - previousLine.y1;
  const size = Math.max(...row.slots.flatMap((s) => s.words.map((w) => w.y1 - w.y0)));
  if (gap > 0.5 * size) return false;
  return row.slots.every((s) => above.slots.some((a) => a.c0 === s.c0 && a.c1 === s.c1)) && !hasFigure(row);
}

function merge(into: Row, row: Row): void {
  for (const s of row.slots) {
    const same = into.slots.find((a) => a.c0 <= s.c1 && a.c1 >= s.c0);
    if (same) {
      same.words.push(...s.words);
      same.c0 = Math.min(same.c0, s.c0);
      same.c1 = Math.max(same.c1, s.c1);
    } else into.slots.push(s);
  }
  into.slots.sort((a, b) => a.c0 - b.c0);
  into.y1 = Math.max(into.y1, row.y1);
}
