/**
 * Glyph runs → words and lines the way Chinese tables need them. A run is what the engine
 * gives (one string drawn with one font at one origin); it is split into characters with
 * estimated positions, duplicates drawn twice for fake bold are dropped, and characters are
 * joined back into words on each baseline: no space between Han characters, a space where
 * Latin words have a gap, a break where the gap is wider than a space or a vertical ruling
 * lies between them.
 */
import type { PositionedText } from '@govdocs/core';
import { isCjk, isWide, normalizeGlyphs } from './glyphs.js';

/** A run in turned page coordinates: origin on the baseline, reading left to right. */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Glyph {
  ch: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Which run drew it: a run is split by rulings only, its positions being estimates. */
  run: number;
  /** Spaces drawn just before it in its run. */
  spaces: number;
}

/** A gap wider than this many font sizes ends a word. */
const WORD_GAP = 0.45;
/** Latin words closer than this (font sizes) are written without a space. */
const SPACE_GAP = 0.12;
/** Part of the font size above the baseline (glyph box top). */
const ASCENT = 0.88;

export function wordsOf(runs: Run[], verticalRules: { x: number; y0: number; y1: number }[]): PositionedText[] {
  const glyphs = dropFakeBold(runs.flatMap((r, i) => glyphsOf(r, i)));
  const lines = baselines(glyphs);
  const words: PositionedText[] = [];
  for (const line of lines) words.push(...joinSpacedOut(joinLine(line, verticalRules)));
  return words;
}

/**
 * Titles set with spaced-out characters (收 入 支 出 决 算 表) are one word: four or more single
 * Han characters in a row, evenly apart by less than one and a half characters. Column
 * headers of single characters (类 款 项) stand much further apart.
 */
function joinSpacedOut(words: PositionedText[]): PositionedText[] {
  const out: PositionedText[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i + 1;
    const single = (w: PositionedText) => [...w.text].length === 1 && isCjk(w.text);
    if (single(words[i])) {
      const gap0 = j < words.length ? words[j].bbox[0] - words[i].bbox[2] : 0;
      while (
        j < words.length &&
        single(words[j]) &&
        Math.abs(words[j].bbox[0] - words[j - 1].bbox[2] - gap0) < 0.3 * words[j].size &&
        gap0 < 1.5 * words[j].size
      )
        j++;
    }
    if (j - i >= 4) {
      const run = words.slice(i, j);
      out.push({
        text: run.map((w) => w.text).join(''),
        size: run[0].size,
        bbox: [
          run[0].bbox[0],
          Math.min(...run.map((w) => w.bbox[1])),
          run[run.length - 1].bbox[2],
          Math.max(...run.map((w) => w.bbox[3])),
        ],
      });
      i = j;
    } else {
      out.push(words[i]);
      i++;
    }
  }
  return out;
}

/** Splits a run into characters, sharing its width by how wide each character is drawn. */
function glyphsOf(run: Run, index: number): Glyph[] {
  const chars = [...normalizeGlyphs(run.text)];
  if (chars.length === 0 || !(run.size > 0)) return [];
  const weights = chars.map((c) => (isWide(c) ? 1 : 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const width = run.width > 0 ? run.width : total * run.size;
  const out: Glyph[] = [];
  let x = run.x;
  let spaces = 0;
  chars.forEach((ch, i) => {
    const w = (width * weights[i]) / total;
    if (ch.trim()) {
      out.push({ ch, x0: x, x1: x + w, y: run.y, size: run.size, run: index, spaces });
      spaces = 0;
    } else spaces++;
    x += w;
  });
  return out;
}

/** A glyph drawn again at almost the same place (fake bold, shadow) is one glyph. */
function dropFakeBold(glyphs: Glyph[]): Glyph[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const kept: Glyph[] = [];
  const byChar = new Map<string, Glyph[]>();
  for (const g of sorted) {
    const same = byChar.get(g.ch) ?? [];
    const tol = 0.3 * g.size;
    if (same.some((k) => Math.abs(k.x0 - g.x0) < tol && Math.abs(k.y - g.y) < tol)) continue;
    same.push(g);
    if (same.length > 8) same.shift();
    byChar.set(g.ch, same);
    kept.push(g);
  }
  return kept;
}

/** Groups glyphs whose baselines are within a third of the font size. */
function baselines(glyphs: Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y);
  const lines: Glyph[][] = [];
  let current: Glyph[] = [];
  let y = -Infinity;
  for (const g of sorted) {
    if (current.length && Math.abs(g.y - y) > 0.35 * g.size) {
      lines.push(current);
      current = [];
    }
    if (!current.length) y = g.y;
    current.push(g);
  }
  if (current.length) lines.push(current);
  return lines.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

function joinLine(line: Glyph[], verticalRules: { x: number; y0: number; y1: number }[]): PositionedText[] {
  const out: PositionedText[] = [];
  // Only rulings crossing this line's band can split it; sorted by x for the checks below.
  const top = Math.min(...line.map((g) => g.y - ASCENT * g.size));
  const bottom = Math.max(...line.map((g) => g.y));
  const crossing = verticalRules
    .filter((r) => r.y0 <= bottom && r.y1 >= top)
    .map((r) => r.x)
    .sort((a, b) => a - b);
  let word: Glyph[] = [];
  const flush = () => {
    if (word.length) out.push(toWord(word));
    word = [];
  };
  for (const g of line) {
    const prev = word[word.length - 1];
    if (prev) {
      const gap = g.x0 - prev.x1;
      const size = Math.max(prev.size, g.size);
      const ruled = crossing.length > 0 && ruledBetween(crossing, (prev.x0 + prev.x1) / 2, (g.x0 + g.x1) / 2);
      // Within a run, positions are estimates: only a run of spaces (a tab stop) ends a word there.
      if ((g.run !== prev.run ? gap > WORD_GAP * size : g.spaces >= 2) || ruled) flush();
    }
    word.push(g);
  }
  flush();
  return out;
}

/** True when a ruling x (sorted) lies strictly between a and b. */
function ruledBetween(xs: number[], a: number, b: number): boolean {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < xs.length && xs[lo] < b;
}

function toWord(glyphs: Glyph[]): PositionedText {
  let text = '';
  glyphs.forEach((g, i) => {
    const prev = glyphs[i - 1];
    const apart = g.run === prev?.run ? g.spaces > 0 : prev && g.x0 - prev.x1 > SPACE_GAP * g.size;
    if (prev && apart && !isCjk(prev.ch) && !isCjk(g.ch)) text += ' ';
    text += g.ch;
  });
  const size = Math.max(...glyphs.map((g) => g.size));
  const y = glyphs.reduce((s, g) => s + g.y, 0) / glyphs.length;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    text,
    size: round(size),
    bbox: [
      round(glyphs[0].x0),
      round(y - ASCENT * size),
      round(glyphs[glyphs.length - 1].x1),
      round(y + (1 - ASCENT) * size),
    ],
  };
}
