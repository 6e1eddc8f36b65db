/**
 * Ruling lines of a scanned table, found in the pixels: long runs of dark pixels along a row
 * (horizontal rules) or a column (vertical rules), merged over the few rows a drawn line is thick.
 * They go to the same table detection as the rules a digital PDF draws.
 */
import type { RuleLine } from '@govdocs/core';
import type { RgbaImage } from './paddle.js';

const DARK = 140;
/** A rule is at least this long, in pixels at 200 dpi terms (~1.3 cm); text strokes are far shorter. */
const MIN_RUN_FRACTION = 0.05;
/** Dark pixels a run may skip (scan noise, broken lines). */
const GAP = 3;

export function imageRules(image: RgbaImage, scale: number): RuleLine[] {
  const { width, height } = image;
  const dark = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < dark.length; i++, p += 4) {
    const d = image.data;
    dark[i] = d[p] * 0.299 + d[p + 1] * 0.587 + d[p + 2] * 0.114 < DARK ? 1 : 0;
  }
  const rules: RuleLine[] = [];
  const minH = Math.max(30, Math.round(width * MIN_RUN_FRACTION));
  const minV = Math.max(30, Math.round(height * MIN_RUN_FRACTION * 0.7));
  const horizontal = runs(width, height, (a, b) => dark[b * width + a], minH);
  for (const r of merge(horizontal))
    rules.push({ x0: r.from / scale, y0: r.at / scale, x1: r.to / scale, y1: r.at / scale });
  const vertical = runs(height, width, (a, b) => dark[a * width + b], minV);
  for (const r of merge(vertical))
    rules.push({ x0: r.at / scale, y0: r.from / scale, x1: r.at / scale, y1: r.to / scale });
  return rules;
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/** Runs along `length` for each of `count` lines (`pixel(along, line)`), at least `min` long. */
function runs(length: number, count: number, pixel: (along: number, line: number) => number, min: number): Run[] {
  const out: Run[] = [];
  for (let line = 0; line < count; line++) {
    let start = -1;
    let lastDark = -1;
    for (let a = 0; a <= length; a++) {
      const on = a < length && pixel(a, line) === 1;
      if (on) {
        if (start < 0) start = a;
        lastDark = a;
      } else if (start >= 0 && (a === length || a - lastDark > GAP)) {
        if (lastDark - start + 1 >= min) out.push({ at: line, from: start, to: lastDark + 1 });
        start = -1;
      }
    }
  }
  return out;
}

/** Runs on neighbouring lines that overlap are one drawn rule, placed at their middle line. */
function merge(list: Run[]): Run[] {
  const groups: { runs: Run[]; last: number; from: number; to: number }[] = [];
  for (const run of list) {
    const group = groups.find((g) => run.at - g.last <= 1 && run.from < g.to && run.to > g.from);
    if (group) {
      group.runs.push(run);
      group.last = run.at;
      group.from = Math.min(group.from, run.from);
      group.to = Math.max(group.to, run.to);
    } else groups.push({ runs: [run], last: run.at, from: run.from, to: run.to });
  }
  return groups.map((g) => ({ at: (g.runs[0].at + g.last) / 2, from: g.from, to: g.to }));
}
