/**
 * The lines of a summary table (收支总表) and which are parts of which. Real tables print sub-lines
 * under their line: ordinals one level down (“（一）一般公共预算资金” under “一、本年收入”), “其中”, an
 * unnumbered line under a numbered one (“一般公共预算” under “一、财政拨款”), or a split that adds up
 * to the line above it (财政拨款结转结余 + 非财政拨款结转结余 under 上年结转结余). A sum takes each
 * part once; when the figures fit no reading of the structure and the structure is not certain, the
 * sum is left unchecked rather than reported.
 */
import { exactlyOneOf, GRAND_TOTAL_WORDS } from '@govdocs/core';
import { codeOf, normalizeLabel, panelOf, withinRounding, type RowInfo, type TableModel } from './model.js';

export type Panel = 'income' | 'expenditure';

export const NUMBERED = 'its numbered lines';

export interface Line {
  row: RowInfo;
  /** Ordinal depth: 1 “一、”, 2 “（一）”, 3 “1.”, 4 “（1）”; null when the line is not numbered. */
  level: number | null;
  /** Printed as “其中…”: a part of the line above it. */
  ofWhich: boolean;
  /** The ordinal opens its series (一、 （一） 1. （1））: a list starts here. */
  first: boolean;
  /** The label without its ordinal, spaces or quotes. */
  name: string;
}

const ORDINALS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+[、.．]/, 1],
  [/^[(（][一二三四五六七八九十]+[)）]/, 2],
  [/^\d+[、.．](?!\d)/, 3],
  [/^[(（]\d+[)）]/, 4],
];

export function lineOf(row: RowInfo): Line {
  const text = (row.text ?? row.printed ?? '').normalize('NFKC').replace(/\s/g, '');
  let level: number | null = null;
  let rest = text;
  let first = false;
  for (const [re, n] of ORDINALS) {
    const m = re.exec(text);
    if (m) { level = n; rest = text.slice(m[0].length); first = /^[(（]?[一1][)）、.．]?$/.test(m[0]); break; }
  }
  const ofWhich = /^其中/.test(rest);
  const name = normalizeLabel(rest.replace(/^其中[:：]?/, '')) || normalizeLabel(row.printed ?? '');
  return { row, level, ofWhich, first, name };
}

const YEAR_TOTAL = /^(本年|当年)(收入|支出)(合计|小计)?$|^(收入|支出)小计$/;
const GRAND_TOTAL = /^(收入|支出)?总计$/;
const SIDE_TOTAL = /^(收入|支出)合计$/;
const TABLE_TOTAL = exactlyOneOf(GRAND_TOTAL_WORDS);

/** The lines of one side of a summary table in reading order; expenditure takes the class lines too. */
export function panelLines(model: TableModel, panel: Panel): Line[] {
  return [...model.rows.values()]
    .filter((r) => panelOf(r) === panel || (panel === 'expenditure' && !panelOf(r) && 'code' in r.subject))
    .sort((a, b) => a.row - b.row)
    .map(lineOf);
}

export interface PanelTotals {
  lines: Line[];
  /** 本年收入合计 / 本年支出合计 (or 当年收入小计, 一、本年收入, or 收入合计 when it is the only total). */
  year?: Line;
  /** 收入总计 / 支出总计 (or 收入合计 below a 本年收入 line). */
  grand?: Line;
}

export function panelTotals(model: TableModel, panel: Panel): PanelTotals {
  const lines = panelLines(model, panel);
  let year = lines.find((l) => YEAR_TOTAL.test(l.name));
  let grand = lines.find((l) => GRAND_TOTAL.test(l.name) && (!year || l.row.row > year.row.row));
  const side = lines.find((l) => SIDE_TOTAL.test(l.name));
  if (side && !year) year = side;
  else if (side && year && !grand && side.row.row > year.row.row) grand = side;
  return { lines, year, grand };
}

export function isTotal(line: Line): boolean {
  return YEAR_TOTAL.test(line.name) || GRAND_TOTAL.test(line.name) || SIDE_TOTAL.test(line.name) || TABLE_TOTAL.test(line.name);
}

/**
 * One reading of which lines of a block are its parts. `certain`: the printed structure says so
 * (its ordinals, or sub-lines whose figures add up to the line above them).
 */
export interface Reading {
  parts: RowInfo[];
  certain: boolean;
  why: string;
}

/**
 * The readings of a block of lines, most likely first: by ordinals (an unnumbered line under a
 * numbered one is its part), all lines but “其中”, and without runs of lines that add up to the
 * line just above them.
 */
export function readings(model: TableModel, block: Line[], measure: string): Reading[] {
  const lines = block.filter((l) => !isTotal(l));
  const codes = lines.filter((l) => 'code' in l.row.subject);
  const labels = lines.filter((l) => !('code' in l.row.subject) && !l.ofWhich);
  if (codes.length > 0 && labels.length > 0) {
    // Expenditure listed twice, by function class and by other lines (基本支出, 项目支出): either
    // list may be the one the total adds.
    const classes = codes.filter((l) => codeOf(l.row).length === 3);
    return [...readingsOf(model, classes, measure), ...readingsOf(model, lines.filter((l) => !codes.includes(l)), measure)]
      .map((r) => ({ ...r, certain: false }));
  }
  return readingsOf(model, lines, measure);
}

function readingsOf(model: TableModel, lines: Line[], measure: string): Reading[] {
  const out: Reading[] = [];
  const numbered = lines.filter((l) => l.level !== null);
  const plain = lines.filter((l) => !l.ofWhich);
  if (numbered.length > 0) {
    const top = Math.min(...numbered.map((l) => l.level!));
    const firstNumbered = lines.indexOf(numbered[0]!);
    const parts = lines.filter((l, i) => l.level === top || (l.level === null && !l.ofWhich && i < firstNumbered));
    out.push({ parts: parts.map((l) => l.row), certain: firstNumbered === 0, why: NUMBERED });
  }
  const runs = withoutRuns(model, plain, measure);
  // A run of lines that adds up, figure for figure, to the line above it is that line's breakdown.
  if (runs.length !== plain.length) out.push({ parts: runs.map((l) => l.row), certain: numbered.length === 0, why: 'the lines above it, without their breakdowns' });
  out.push({ parts: plain.map((l) => l.row), certain: numbered.length === 0 && runs.length === plain.length, why: 'the lines above it' });
  return out;
}

/**
 * Lines printed without ordinals may still be sub-lines (人员经费 and 公用经费 under 基本支出, 财政拨款
 * and 非财政拨款 under 上年结转结余): a run of lines that adds up to the line just above it, figure
 * for figure, is taken as that line's breakdown.
 */
function withoutRuns(model: TableModel, lines: Line[], measure: string): Line[] {
  const cell = (l: Line) => model.cells.get(l.row.key)?.get(measure);
  const kept: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    kept.push(lines[i]!);
    const parent = cell(lines[i]!);
    if (!parent || parent.fen === 0) continue;
    let run = 0;
    let tolerance = parent.tolerance;
    for (let j = i + 1; j < lines.length; j++) {
      const c = cell(lines[j]!);
      run += c?.fen ?? 0;
      tolerance += c?.tolerance ?? 0;
      if (c && withinRounding(parent.fen - run, tolerance)) { i = j; break; }
      if (Math.abs(run) > Math.abs(parent.fen) + tolerance) break;
    }
  }
  return kept;
}

/** A part every reading shares (本年收入合计 in 收入总计 = 本年收入合计 + 上年结转结余). */
export interface FixedPart { subject: string; measure: string; weight?: number }

/** Whether a reading's parts add up to the total line in a measure, within rounding. */
export function holds(model: TableModel, total: RowInfo, parts: RowInfo[], measure: string, fixed: FixedPart[] = []): boolean {
  const cell = (r: RowInfo) => model.cells.get(r.key)?.get(measure);
  const t = cell(total);
  if (!t) return true;
  let sum = 0;
  let tolerance = t.tolerance;
  for (const f of fixed) {
    const c = model.cells.get(f.subject)?.get(f.measure);
    sum += c?.fen ?? 0;
    tolerance += (c?.tolerance ?? 0) * (f.weight ?? 1);
  }
  for (const p of parts) {
    const c = cell(p);
    sum += c?.fen ?? 0;
    tolerance += c?.tolerance ?? 0;
  }
  return withinRounding(t.fen - sum, tolerance);
}

/**
 * The lines a year total adds up: the lines above it back to the top of its side, or, for a total
 * printed first (“一、本年收入” over its “（一）…”), the lines below it down to the next line of its
 * level.
 */
export function yearBlock(totals: PanelTotals): { block: Line[]; end: number } | undefined {
  const { lines, year } = totals;
  if (!year) return undefined;
  const at = lines.indexOf(year);
  const before = lines.slice(0, at).filter((l) => !isTotal(l));
  if (before.length > 0) return { block: before, end: at };
  let end = at + 1;
  while (end < lines.length && !isTotal(lines[end]!) && !(year.level !== null && lines[end]!.level !== null && lines[end]!.level! <= year.level)) end++;
  // 一、本年支出 followed by 一、一般公共服务支出 … : a numbering that starts again under a header
  // total is its own list of parts, not the next line of the outer list.
  const restarts = year.level !== null && lines[at + 1]?.level === year.level && lines[at + 1]!.first;
  if (year.level === null || restarts) {
    // An unnumbered header total: its block runs to the first line that is not a part of it.
    end = at + 1;
    while (end < lines.length && !isTotal(lines[end]!) && !/结转|结余|上年|年初/.test(lines[end]!.name)) end++;
  }
  return { block: lines.slice(at + 1, end), end: end - 1 };
}
