/**
 * Positioned words of one page, grouped into text lines by vertical overlap, and the small
 * text helpers table detection shares.
 */
import type { BBox, PositionedText } from '@govdocs/core';

export interface Word { text: string; x0: number; y0: number; x1: number; y1: number; size: number }

export interface Line { words: Word[]; y0: number; y1: number; size: number }

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

/** The text of words read as one cell: line by line, top to bottom. */
export function cellText(words: Word[]): string {
  return joinText(toLines(words).map((l) => joinText(l.words.map((w) => w.text))));
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
