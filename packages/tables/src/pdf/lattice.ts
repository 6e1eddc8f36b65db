/**
 * Ruled tables: ruling lines that cross each other form a lattice; its distinct x and y edges
 * make a grid, and a grid cell whose border is missing merges with its neighbour (row and
 * column spans). Words are placed in the cell that holds their centre.
 */
import type { RuleLine } from '@govdocs/core';
import type { PageCell, PageTable } from './table.js';
import { cellText, usualDecimals, type Word } from './words.js';

/** Rules shorter than this (points) are ticks or underlines, not table borders. */
const MIN_RULE = 8;
/** Edges closer than this are one edge. */
const SNAP = 2;

interface Axis {
  at: number;
  from: number;
  to: number;
}

export interface LatticeResult {
  tables: PageTable[];
  used: Set<Word>;
}

export function findLattices(page: number, rules: RuleLine[], words: Word[]): LatticeResult {
  const hs: Axis[] = rules
    .filter((r) => r.y0 === r.y1 && r.x1 - r.x0 >= MIN_RULE)
    .map((r) => ({ at: r.y0, from: r.x0, to: r.x1 }));
  const vs: Axis[] = rules
    .filter((r) => r.x0 === r.x1 && r.y1 - r.y0 >= MIN_RULE)
    .map((r) => ({ at: r.x0, from: r.y0, to: r.y1 }));
  const tables: PageTable[] = [];
  const used = new Set<Word>();
  for (const group of crossingGroups(hs, vs)) {
    const table = latticeTable(page, group.hs, group.vs, words, used);
    if (table) tables.push(table);
  }
  return { tables, used };
}

/** Horizontal and vertical rules grouped by which cross or touch each other. */
function crossingGroups(hs: Axis[], vs: Axis[]): { hs: Axis[]; vs: Axis[] }[] {
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Vertical rules sorted by x, so each horizontal rule looks only at those within its extent.
  const order = vs.map((_, j) => j).sort((a, b) => vs[a].at - vs[b].at);
  hs.forEach((h, i) => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vs[order[mid]].at < h.from - 3) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < order.length && vs[order[k]].at <= h.to + 3; k++) {
      const v = vs[order[k]];
      if (h.at >= v.from - 3 && h.at <= v.to + 3) parent[find(i)] = find(hs.length + order[k]);
    }
  });
  const groups = new Map<number, { hs: Axis[]; vs: Axis[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    g.hs.push(h);
    groups.set(find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(find(hs.length + j)) ?? { hs: [], vs: [] };
    g.vs.push(v);
    groups.set(find(hs.length + j), g);
  });
  return [...groups.values()].filter((g) => g.hs.length >= 2 && g.vs.length >= 2);
}

function edges(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** True when some rule at `at` covers the middle part of [from, to]. */
function covered(rules: Axis[], at: number, from: number, to: number): boolean {
  const pad = (to - from) * 0.25;
  return rules.some((r) => Math.abs(r.at - at) <= SNAP && r.from <= from + pad && r.to >= to - pad);
}

function latticeTable(page: number, hs: Axis[], vs: Axis[], words: Word[], used: Set<Word>): PageTable | null {
  const xs = edges(vs.map((v) => v.at));
  const ys = edges(hs.map((h) => h.at));
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 2) return null;
  // Grid cells joined where the border between them is missing.
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      if (j + 1 < nc && !covered(vs, xs[j + 1], ys[i], ys[i + 1])) parent[find(i * nc + j + 1)] = find(i * nc + j);
      if (i + 1 < nr && !covered(hs, ys[i + 1], xs[j], xs[j + 1])) parent[find((i + 1) * nc + j)] = find(i * nc + j);
    }
  }
  const regions = new Map<number, { r0: number; r1: number; c0: number; c1: number; words: Word[] }>();
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const root = find(i * nc + j);
      const g = regions.get(root) ?? { r0: i, r1: i, c0: j, c1: j, words: [] };
      g.r0 = Math.min(g.r0, i);
      g.r1 = Math.max(g.r1, i);
      g.c0 = Math.min(g.c0, j);
      g.c1 = Math.max(g.c1, j);
      regions.set(root, g);
    }
  }
  const inside: Word[] = [];
  for (const w of words) {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    const j = indexIn(xs, cx);
    const i = indexIn(ys, cy);
    if (i < 0 || j < 0) continue;
    regions.get(find(i * nc + j))!.words.push(w);
    inside.push(w);
  }
  const filled = [...regions.values()].filter((g) => g.words.length);
  if (filled.length < 2 || underRuled(filled)) return null;
  // Grid lines no cell starts at (edges of a single spanning cell) are dropped.
  const rowStarts = new Set([...regions.values()].map((g) => g.r0));
  const colStarts = new Set([...regions.values()].map((g) => g.c0));
  const rowIndex = compactIndex(nr, rowStarts);
  const colIndex = compactIndex(nc, colStarts);
  if (colIndex[nc] < 2) return null;
  for (const w of inside) used.add(w);
  // The decimals the table prints tell whether a figure wrapped in a cell (3800.0 / 0) is whole.
  const decimals = usualDecimals(words.map((w) => w.text));
  const cells: PageCell[] = filled
    .map((g) => ({
      r: rowIndex[g.r0],
      c: colIndex[g.c0],
      rs: rowIndex[g.r1 + 1] - rowIndex[g.r0],
      cs: colIndex[g.c1 + 1] - colIndex[g.c0],
      text: cellText(g.words, decimals),
      bbox: [round(xs[g.c0]), round(ys[g.r0]), round(xs[g.c1 + 1]), round(ys[g.r1 + 1])] as PageCell['bbox'],
    }))
    .filter((c) => c.text)
    .sort((a, b) => a.r - b.r || a.c - b.c);
  return {
    page,
    cells,
    method: 'lattice',
    confidence: 0.9,
    bbox: [round(xs[0]), round(ys[0]), round(xs[nc]), round(ys[nr])],
    rowCount: rowIndex[nr],
    colCount: colIndex[nc],
    columns: columnRanges(xs, colStarts),
  };
}

/**
 * Rulings that miss inner column lines (only the frame and a line after the labels) put
 * several columns' figures into one cell. When many rows hold a cell with words far apart on
 * one line, the rulings do not give the columns: the borderless finder reads the table instead.
 */
function underRuled(regions: { r0: number; words: Word[] }[]): boolean {
  const rows = new Set(regions.map((g) => g.r0));
  const crowded = new Set(regions.filter((g) => hasFarApartWords(g.words)).map((g) => g.r0));
  return crowded.size >= 2 && crowded.size >= 0.25 * rows.size;
}

function hasFarApartWords(words: Word[]): boolean {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  return sorted.some((a, i) =>
    sorted.slice(i + 1).some((b) => {
      const sameLine = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
      return sameLine && b.x0 - a.x1 > 1.5 * Math.max(a.size, b.size);
    }),
  );
}

/** Maps old grid line k to its index once lines no cell starts at are removed (k = n maps to the count). */
function compactIndex(n: number, starts: Set<number>): number[] {
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i <= n; i++) {
    out.push(k);
    if (starts.has(i)) k++;
  }
  return out;
}

/** Ranges of the kept columns: from a kept edge to the next kept edge. */
function columnRanges(xs: number[], starts: Set<number>): { x0: number; x1: number }[] {
  const kept = xs.map((_, j) => j).filter((j) => j === xs.length - 1 || starts.has(j));
  return kept.slice(0, -1).map((j, k) => ({ x0: xs[j], x1: xs[kept[k + 1]] }));
}

function indexIn(edgesList: number[], v: number): number {
  if (v < edgesList[0] || v > edgesList[edgesList.length - 1]) return -1;
  for (let k = 0; k < edgesList.length - 1; k++) if (v <= edgesList[k + 1]) return k;
  return -1;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
