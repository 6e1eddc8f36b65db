/**
 * Which printed cell is wrong. Every violated identity points at a set of cells; a cell that also
 * takes part in identities that hold is probably right. Greedily: blame the cell in the most
 * violated and fewest satisfied identities, correct it to what its identity expects, re-check, and
 * repeat. Each wrong cell is reported once, through its most specific identity.
 */
import type { RuleId } from '@govdocs/core';
import { cellTolerance, withinRounding, type MoneyCell, type TableModel } from './model.js';
import type { Equation, Term } from './equations.js';

export interface Blame {
  equation: Equation;
  term: Term;
  cell: MoneyCell | undefined;
  expected: number;
  actual: number;
  /** The rounding the identity allows, in fen. */
  tolerance: number;
  /** Other cells the figures point at just as much (the finding names them). */
  alternatives: Term[];
  /** How many printed figures the identity rests on (the total and its parts' leaves), and the rounding half-unit they share (fen; null if mixed). */
  rounding: { figures: number; half: number | null };
}

/** Rule order when one cell breaks several identities: the narrower claim explains it best. */
const RULE_ORDER: RuleId[] = [
  'sum.total_row',
  'sum.children',
  'sum.columns',
  'sum.items',
  'sum.lines',
  'balance.carryover',
  'balance.totals',
];

function ruleRank(rule: RuleId): number {
  const i = RULE_ORDER.indexOf(rule);
  return i < 0 ? RULE_ORDER.length : i;
}

const MAX_ROUNDS = 200;

export interface Localized {
  blames: Blame[];
  /** Groups left unchecked because most of their identities failed (columns misread): one example each. */
  misread: Equation[];
  /** Identities that fail but whose structure could not be told (`uncertain`): one per table and rule. */
  unsure: Equation[];
}

export function localize(models: TableModel[], equations: Equation[]): Localized {
  const cells = new Map<string, MoneyCell>();
  for (const m of models) for (const row of m.cells.values()) for (const c of row.values()) cells.set(c.slot, c);
  const corrected = new Map<string, number>();
  const value = (t: Term) => corrected.get(t.slot) ?? cells.get(t.slot)?.fen ?? 0;
  const tol = (t: Term) => (cells.get(t.slot)?.tolerance ?? cellTolerance('0.00', t.model.unit)) * (t.weight ?? 1);
  const isBroken = (eq: Equation) => !withinRounding(difference(eq, value), tolerance(eq, tol));
  const checkable = usableEquations(markAmbiguous(models, equations), cells);
  // An identity whose structure is unsure stays only where the figures confirm it.
  const unsure = checkable.filter((eq) => eq.uncertain && isBroken(eq));
  const certain = checkable.filter((eq) => !(eq.uncertain && isBroken(eq)));
  const misread = misreadGroups(certain, isBroken, (t) => cells.has(t.slot));
  const usable = certain.filter((eq) => !eq.group || !misread.has(eq.group));

  // Only identities broken as printed need explaining: a correction that breaks one that held
  // (a whole table consistently off from the summary) is not a second fault.
  const brokenAsPrinted = new Set(usable.filter(isBroken));
  const blames: Blame[] = [];
  for (let round = 0; round < MAX_ROUNDS && brokenAsPrinted.size > 0; round++) {
    const violated: Equation[] = [];
    const score = new Map<string, Score>();
    for (const eq of usable) {
      const off = isBroken(eq);
      const bad = off && brokenAsPrinted.has(eq);
      if (bad) violated.push(eq);
      if (off && !bad) continue;
      for (const t of [eq.total, ...eq.parts]) {
        const s = score.get(t.slot) ?? { violated: 0, satisfied: 0, asTotal: 0, printed: cells.has(t.slot), term: t };
        if (bad) {
          s.violated++;
          if (t === eq.total) s.asTotal++;
        } else s.satisfied++;
        score.set(t.slot, s);
      }
    }
    if (violated.length === 0) break;
    let best: Score | undefined;
    for (const eq of violated) {
      for (const t of [eq.total, ...eq.parts]) {
        const s = score.get(t.slot)!;
        if (corrected.has(t.slot)) continue;
        if (!best || rank(s) > rank(best)) best = s;
      }
    }
    if (!best) break;
    let slot = best.term.slot;
    let eq = mostSpecific(violated, slot);
    // Two printed parts of the identity equally suspect (one 款 among its siblings): the figures
    // cannot tell which is wrong. The finding then sits on the total when nothing confirms it,
    // else on the part, naming the others as equally possible.
    const suspicion = (t: Term) => {
      const x = score.get(t.slot)!;
      return x.violated - x.satisfied;
    };
    let alternatives: Term[] = [];
    if (eq.total.slot !== slot && cells.has(slot)) {
      alternatives = eq.parts.filter(
        (p) => p.slot !== slot && cells.has(p.slot) && !corrected.has(p.slot) && suspicion(p) === suspicion(best!.term),
      );
      const total = score.get(eq.total.slot)!;
      if (
        alternatives.length > 0 &&
        cells.has(eq.total.slot) &&
        !corrected.has(eq.total.slot) &&
        total.satisfied === 0
      ) {
        slot = eq.total.slot;
        best = total;
        eq = mostSpecific(violated, slot);
        alternatives = [];
      }
    }
    const actual = value(best.term);
    const expected = actual + (eq.total.slot === slot ? -difference(eq, value) : difference(eq, value));
    blames.push({
      equation: eq,
      term: eq.total.slot === slot ? eq.total : eq.parts.find((p) => p.slot === slot)!,
      cell: cells.get(slot),
      expected,
      actual,
      tolerance: tolerance(eq, tol),
      alternatives,
      rounding: rounding(eq, tol),
    });
    corrected.set(slot, expected);
  }
  return { blames, misread: [...misread.values()], unsure: firstPerTable(unsure) };
}

/** Identities that use a figure printed twice on its line with different values are unsure. */
function markAmbiguous(models: TableModel[], equations: Equation[]): Equation[] {
  const ambiguous = new Map<string, string[]>();
  for (const m of models) for (const [slot, texts] of m.ambiguous) ambiguous.set(slot, texts);
  if (ambiguous.size === 0) return equations;
  return equations.map((eq) => {
    const term = [eq.total, ...eq.parts].find((t) => ambiguous.has(t.slot));
    if (!term || eq.uncertain) return eq;
    const texts = ambiguous.get(term.slot)!;
    return {
      ...eq,
      uncertain: `the line prints ${texts.join(' and ')} in columns read as the same measure (${term.measure}), so which figure the sum means cannot be told`,
    };
  });
}

function firstPerTable(equations: Equation[]): Equation[] {
  const seen = new Map<string, Equation>();
  for (const eq of equations) {
    const key = `${eq.total.model.index}|${eq.rule}|${eq.uncertain}`;
    if (!seen.has(key)) seen.set(key, eq);
  }
  return [...seen.values()];
}

/**
 * Groups whose identities fail as a rule: at least 3 failing and at least half of the group, or,
 * for column identities, every line (at least 3) where one component column is printed — that
 * column was misread (公用经费 taken for 项目支出), whatever the lines where it is blank say.
 */
function misreadGroups(
  equations: Equation[],
  isBroken: (eq: Equation) => boolean,
  printed: (t: Term) => boolean,
): Map<string, Equation> {
  const stats = new Map<string, { group: string; total: number; broken: number; whole: boolean; example?: Equation }>();
  const count = (key: string, group: string, whole: boolean, eq: Equation, broken: boolean) => {
    const s = stats.get(key) ?? { group, total: 0, broken: 0, whole };
    s.total++;
    if (broken) {
      s.broken++;
      s.example ??= eq;
    }
    stats.set(key, s);
  };
  for (const eq of equations) {
    if (!eq.group) continue;
    const broken = isBroken(eq);
    count(eq.group, eq.group, true, eq, broken);
    if (eq.rule === 'sum.columns') {
      for (const p of eq.parts) if (printed(p)) count(`${eq.group}|${p.measure}`, eq.group, false, eq, broken);
    }
  }
  const out = new Map<string, Equation>();
  for (const s of stats.values()) {
    const misread = s.whole ? s.broken >= 3 && s.broken * 2 >= s.total : s.broken >= 3 && s.broken === s.total;
    if (misread && s.example && !out.has(s.group)) out.set(s.group, s.example);
  }
  return out;
}

/** The violated identity a blamed cell is reported through: one where it is the total, then by rule. */
function mostSpecific(violated: Equation[], slot: string): Equation {
  return violated
    .filter((e) => e.total.slot === slot || e.parts.some((p) => p.slot === slot))
    .sort(
      (a, b) => Number(b.total.slot === slot) - Number(a.total.slot === slot) || ruleRank(a.rule) - ruleRank(b.rule),
    )[0]!;
}

interface Score {
  violated: number;
  satisfied: number;
  asTotal: number;
  printed: boolean;
  term: Term;
}

/**
 * Higher is more likely wrong: more broken identities, fewer intact ones, then the total side of
 * an identity, then a printed figure over a blank one.
 */
function rank(s: Score): number {
  return (s.violated - s.satisfied) * 1000 + s.asTotal * 10 + (s.printed ? 1 : 0);
}

/** total − Σ parts, in fen. */
function difference(eq: Equation, value: (t: Term) => number): number {
  return value(eq.total) - eq.parts.reduce((sum, p) => sum + value(p), 0);
}

function rounding(eq: Equation, tol: (t: Term) => number): Blame['rounding'] {
  const terms = [eq.total, ...eq.parts];
  const halves = new Set(terms.map((t) => tol(t) / (t.weight ?? 1)));
  return { figures: terms.reduce((n, t) => n + (t.weight ?? 1), 0), half: halves.size === 1 ? [...halves][0]! : null };
}

function tolerance(eq: Equation, tol: (t: Term) => number): number {
  return [eq.total, ...eq.parts].reduce((sum, t) => sum + tol(t), 0);
}

/**
 * Identities that can be checked. A blank total claims nothing. A nonzero total whose parts are
 * all blank means the breakdown was not printed (人员经费/公用经费 left empty under 基本支出): those
 * blanks are unknown, not zero, and every identity that needs them is left out.
 */
function usableEquations(equations: Equation[], cells: Map<string, MoneyCell>): Equation[] {
  const unknown = new Set<string>();
  for (const eq of equations) {
    const total = cells.get(eq.total.slot);
    if (total && total.fen !== 0 && eq.parts.every((p) => !cells.has(p.slot)))
      for (const p of eq.parts) unknown.add(p.slot);
  }
  return equations.filter(
    (eq) =>
      cells.has(eq.total.slot) &&
      eq.parts.some((p) => cells.has(p.slot)) &&
      !unknown.has(eq.total.slot) &&
      !eq.parts.some((p) => unknown.has(p.slot)),
  );
}
