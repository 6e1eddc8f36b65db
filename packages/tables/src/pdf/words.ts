/**
 * Positioned words of one page, grouped into text lines by vertical overlap, and the small
 * text helpers table detection shares.
 */
import type { BBox, PositionedText } from '@govdocs/core';

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
}

export interface Line {
  words: Word[];
  y0: number;
  y1: number;
  size: number;
}

export function toWord(t: PositionedText): Word {
  return { text: t.text, x0: t.bbox[0], y0: t.bbox[1], x1: t.bbox[2], y1: t.bbox[3], size: t.size };
}

/** Words whose vertical extents overlap by half the smaller height are on one line. */
export function toLines(words: Word[]): Line[] {
  const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const w of sorted) {
    const line = lines[lines.length - 1];
    if (line) {
      const overlap = Math.min(line.y1, w.y1) - Math.max(line.y0, w.y0);
      if (overlap >= 0.5 * Math.min(line.y1 - line.y0, w.y1 - w.y0)) {
        line.words.push(w);
        line.y0 = Math.min(line.y0, w.y0);
        line.y1 = Math.max(line.y1, w.y1);
        line.size = Math.max(line.size, w.size);
        continue;
      }
    }
    lines.push({ words: [w], y0: w.y0, y1: w.y1, size: w.size });
  }
  for (const l of lines) l.words.sort((a, b) => a.x0 - b.x0);
  return lines;
}

const CJK_END = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]$/u;
const CJK_START = /^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Joins pieces of one cell's text: nothing between Chinese text, a space between Latin words. */
export function joinText(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    if (out && !(CJK_END.test(out) || CJK_START.test(p))) out += ' ';
    out += p;
  }
  return out.trim();
}

/**
 * The text of words read as one cell: line by line, top to bottom, a figure wrapped over lines
 * joined whole. `decimals` is what the cell's column usually prints (-1: unknown).
 */
export function cellText(words: Word[], decimals = -1): string {
  const lines = toLines(words).map((l) => joinText(l.words.map((w) => w.text)));
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    if (last >= 0 && completesFigure(out[last], line, decimals)) out[last] += line;
    else out.push(line);
  }
  return joinText(out);
}

/**
 * The decimals most of these amounts print, or -1 when there are none. Only figures with a
 * point or a comma count: bare digits are as often codes and row numbers.
 */
export function usualDecimals(texts: string[]): number {
  const counts = new Map<number, number>();
  for (const t of texts)
    if (WHOLE_FIGURE.test(t) && /[.,]/.test(t)) counts.set(decimalsOf(t), (counts.get(decimalsOf(t)) ?? 0) + 1);
  let best = -1;
  for (const [d, n] of counts) if (best < 0 || n > counts.get(best)! || (n === counts.get(best)! && d > best)) best = d;
  return best;
}

/** A figure printed whole: sign, digits (in threes between commas, if any), decimals. */
const WHOLE_FIGURE = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Digits, commas and points only: a piece of a figure. */
const FRAGMENT = /^[-−]?[\d,.]+$/;

/** Digits after the decimal point. */
export function decimalsOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * `tail`, printed under `head` in the same narrow column, is the rest of one figure wrapped
 * there (7,589,7 / 02.85; 3800.0 / 0), not a figure of its own: together they make a whole
 * figure, and apart one of them is not whole or `head` lacks the decimals the column prints.
 */
export function completesFigure(head: string, tail: string, decimals: number): boolean {
  if (!FRAGMENT.test(head) || !FRAGMENT.test(tail) || !WHOLE_FIGURE.test(head + tail)) return false;
  if (!WHOLE_FIGURE.test(head) || !WHOLE_FIGURE.test(tail) || /^0\d/.test(tail)) return true;
  return decimalsOf(head) < decimals && decimalsOf(head + tail) === decimals;
}

/** A line read as running text: words of one line far apart are kept apart by two spaces. */
export function lineText(line: Line): string {
  return line.words.map((w) => w.text).join('  ');
}

/** Amounts, counts, percentages, codes, 行次: what makes a row a data row. */
export function isNumeric(text: string): boolean {
  return /^[-−+(（]?[\d,，]+(\.\d+)?[)）]?%?$/.test(text.replace(/\s+/g, '')) || /^[-−—–－]+$/.test(text.trim());
}

export function boxOf(words: { x0: number; y0: number; x1: number; y1: number }[]): BBox {
  const r = (v: number) => Math.round(v * 100) / 100;
  return [
    r(Math.min(...words.map((w) => w.x0))),
    r(Math.min(...words.map((w) => w.y0))),
    r(Math.max(...words.map((w) => w.x1))),
    r(Math.max(...words.map((w) => w.y1))),
  ];
}

export function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
