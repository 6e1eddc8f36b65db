/**
 * The accounting identities of a disclosure, written as equations `total = Σ parts` over table
 * cells (slots). Each knows its rule, so a violated one can be reported in words.
 */
import { exactlyOneOf, GRAND_TOTAL_WORDS, SIDE_TOTAL_WORDS, type RuleId } from '@govdocs/core';
import { codeOf, codeRows, labelOf, panelOf, slotKey, type RowInfo, type TableModel } from './model.js';
import { isKnownCode } from './classification.js';
import { NUMBERED, holds, panelTotals, readings, yearBlock, type Line, type Panel } from './lines.js';

export interface Term {
  model: TableModel;
  subject: string;
  measure: string;
  slot: string;
  /**
   * How many printed figures of the lowest level this one adds up (1 for a leaf). Publishers often
   * add a total from the rounded leaves rather than from the rounded subtotals printed above them,
   * so each leaf may carry its own rounding into the total.
   */
  weight?: number;
}

export interface Equation {
  /** `family.detail`, e.g. `sum.children`. */
  rule: RuleId;
  total: Term;
  parts: Term[];
  /** What the parts are, for messages: “its 项 rows”, “基本支出 + 项目支出”. */
  partsLabel: string;
  /**
   * Identities of one kind on one column (or one column group) of a table. When most of a group
   * fails, the columns were misread, not the figures misprinted.
   */
  group?: string;
  /**
   * Why the identity may not be the table's: which lines are parts of which could not be told.
   * Such an identity confirms figures when it holds and is reported as unchecked when it does not.
   */
  uncertain?: string;
}

export function term(model: TableModel, subject: string, measure: string, weight?: number): Term {
  const t: Term = { model, subject, measure, slot: slotKey(model.index, subject, measure) };
  if (weight !== undefined && weight > 1) t.weight = weight;
  return t;
}

/** The rows of the lowest level below a code row in its table (itself when it has none). */
function leafCount(rows: RowInfo[], row: RowInfo): number {
  const code = codeOf(row);
  const below = rows.filter((r) => codeOf(r).length > code.length && codeOf(r).startsWith(code));
  const leaves = below.filter((r) => !below.some((o) => codeOf(o).length > codeOf(r).length && codeOf(o).startsWith(codeOf(r))));
  return Math.max(1, leaves.length);
}

/** Column tokens that add up to their group's total. Anything else (预算数, 决算数, printed words) does not. */
const ADDITIVE = new Set([
  'basic', 'project', 'personnel', 'public', 'fiscal_appropriation', 'general_budget_appropriation',
  'government_fund_appropriation', 'state_capital_appropriation', 'superior_subsidy', 'business_income',
  'operating_income', 'affiliated_remittance', 'other_income', 'carryover', 'remit_superior', 'operating',
  'subsidy_affiliated', 'general_budget', 'government_fund', 'state_capital',
]);
const NOT_COMPONENT = new Set(['total', 'education_fees']);

export function tableEquations(model: TableModel): Equation[] {
  return [
    ...childrenEquations(model, 'function'),
    ...childrenEquations(model, 'economic'),
    ...totalRowEquations(model),
    ...columnEquations(model),
    ...threePublicEquations(model),
    ...summaryEquations(model),
  ];
}

/** Parent code = sum of its direct children (类 = Σ 款, 款 = Σ 项), column by column. */
function childrenEquations(model: TableModel, scheme: 'function' | 'economic'): Equation[] {
  if (model.repeatedCodes) return [];
  const rows = codeRows(model, scheme);
  const out: Equation[] = [];
  for (const parent of rows) {
    const code = codeOf(parent);
    if (code.length >= 7) continue;
    const children = rows.filter((r) => codeOf(r).length === code.length + 2 && codeOf(r).startsWith(code));
    if (children.length === 0) continue;
    const level = scheme === 'economic' ? '款' : code.length === 3 ? '款' : '项';
    const unsure = uncodedLines(model, parent);
    for (const measure of model.measures) {
      const eq: Equation = {
        rule: 'sum.children', group: `${model.index}|children|${measure}`, total: term(model, parent.key, measure),
        parts: children.map((c) => term(model, c.key, measure, leafCount(rows, c))),
        partsLabel: `the sum of its ${level} rows (${children.map(codeOf).join(', ')})`,
      };
      if (unsure.length > 0) eq.uncertain = `lines without a code (${unsure.slice(0, 3).join(', ')}) are printed among the parts of ${code}, so which lines are its parts cannot be told`;
      out.push(eq);
    }
  }
  return out;
}

/** A code table's own total line; a 小计 totals only part of it. */
const TOTAL_ROW = exactlyOneOf([...GRAND_TOTAL_WORDS, ...SIDE_TOTAL_WORDS]);

/**
 * Lines without a code printed between a code line and the next line outside its branch (“301 | 2
 * 津贴补贴” read without its code): they may be parts the sum cannot name.
 */
function uncodedLines(model: TableModel, parent: RowInfo): string[] {
  const code = codeOf(parent);
  const after = [...model.rows.values()].filter((r) => r.row > parent.row).sort((a, b) => a.row - b.row);
  const out: string[] = [];
  for (const r of after) {
    if ('code' in r.subject) { if (!codeOf(r).startsWith(code)) break; continue; }
    const label = labelOf(r);
    if (label === null || TOTAL_ROW.test(label) || /合计|小计/.test(label)) break;
    out.push(r.printed ?? label);
  }
  return out;
}

/** The 合计 row = the sum of the top-level code rows (类, or the highest level the table prints). */
function totalRowEquations(model: TableModel): Equation[] {
  const out: Equation[] = [];
  if (model.repeatedCodes) return out;
  for (const scheme of ['function', 'economic'] as const) {
    const rows = codeRows(model, scheme);
    if (rows.length === 0) continue;
    const codes = new Set(rows.map(codeOf));
    const roots = rows.filter((r) => !ancestors(codeOf(r)).some((a) => codes.has(a)));
    for (const row of model.rows.values()) {
      const label = labelOf(row);
      if (label === null || panelOf(row)) continue;
      let parts: RowInfo[] | undefined;
      let what = '';
      if (TOTAL_ROW.test(label)) { parts = roots; what = scheme === 'function' ? '类 rows' : 'economic class rows'; }
      else if (scheme === 'economic' && /^人员经费(合计)?$/.test(label)) { parts = roots.filter((r) => PERSONNEL.has(codeOf(r))); what = '人员经费 classes (301, 303)'; }
      else if (scheme === 'economic' && /^公用经费(合计)?$/.test(label)) { parts = roots.filter((r) => !PERSONNEL.has(codeOf(r))); what = '公用经费 classes'; }
      if (!parts || parts.length === 0) continue;
      // A code printed without the 类 the table prints for the others (“7 11 02” for 210 11 02)
      // may or may not be counted in its class: the sum takes it only if the figures say so.
      const top = Math.min(...parts.map((p) => codeOf(p).length));
      const orphans = parts.filter((p) => codeOf(p).length > top);
      const foreign = parts.filter((p) => !isKnownCode(scheme, codeOf(p).slice(0, 3)));
      for (const measure of model.measures) {
        let chosen = parts;
        const fitsWithout = orphans.length > 0 && holds(model, row, parts.filter((p) => !orphans.includes(p)), measure);
        if (fitsWithout) chosen = parts.filter((p) => !orphans.includes(p));
        const eq: Equation = {
          rule: 'sum.total_row', total: term(model, row.key, measure), parts: chosen.map((p) => term(model, p.key, measure, leafCount(rows, p))),
          partsLabel: `the sum of its ${what} (${chosen.map(codeOf).join(', ')})`,
        };
        if (foreign.length > 0) eq.uncertain = `${foreign.map(codeOf).join(', ')} ${foreign.length > 1 ? 'are' : 'is'} not a code of the national ${scheme} classification (a project or unit number?), so what the total adds cannot be told`;
        else if (orphans.length > 0 && !fitsWithout) eq.uncertain = `${orphans.map(codeOf).join(', ')} ${orphans.length > 1 ? 'are' : 'is'} printed without ${orphans.length > 1 ? 'their' : 'its'} class line, so whether the total counts ${orphans.length > 1 ? 'them' : 'it'} cannot be told`;
        out.push(eq);
      }
    }
  }
  return out;
}

const PERSONNEL = new Set(['301', '303']);

function ancestors(code: string): string[] {
  const out: string[] = [];
  for (let n = code.length - 2; n >= 3; n -= 2) out.push(code.slice(0, n));
  return out;
}

/** Row by row: a total column = the sum of its component columns (合计 = 基本支出 + 项目支出, …). */
function columnEquations(model: TableModel): Equation[] {
  const prefixes = new Set<string>(['']);
  for (const measure of model.measures) {
    const tokens = measure.split('.');
    for (let n = 1; n < tokens.length; n++) prefixes.add(tokens.slice(0, n).join('.'));
  }
  const out: Equation[] = [];
  for (const prefix of prefixes) {
    const total = prefix === '' ? 'total' : model.measures.has(`${prefix}.total`) ? `${prefix}.total` : prefix;
    if (!model.measures.has(total)) continue;
    const parts = componentsOf(model, prefix);
    if (!parts || parts.length === 0) continue;
    for (const row of model.rows.values()) {
      out.push({
        rule: 'sum.columns', group: `${model.index}|columns|${total}`, total: term(model, row.key, total), parts: parts.map((m) => term(model, row.key, m)),
        partsLabel: `the sum of its columns ${parts.map((m) => columnName(model, m)).join(' + ')}`,
      });
    }
  }
  return out;
}

/**
 * The columns that add up to a group's total: its direct sub-columns, or, where a sub-group's own
 * column is not printed (人员经费 and 公用经费 without a 基本支出 小计), that sub-group's parts.
 * Null when a sibling is outside the additive vocabulary: no identity is claimed then.
 */
function componentsOf(model: TableModel, prefix: string): string[] | null {
  const tokens = new Set<string>();
  for (const m of model.measures) {
    if (prefix === '') tokens.add(m.split('.')[0]!);
    else if (m.startsWith(`${prefix}.`)) tokens.add(m.slice(prefix.length + 1).split('.')[0]!);
  }
  const out: string[] = [];
  for (const token of tokens) {
    const full = prefix === '' ? token : `${prefix}.${token}`;
    if (NOT_COMPONENT.has(token) || model.ofWhich.has(full)) continue;
    if (!ADDITIVE.has(token)) return null;
    if (model.measures.has(full)) { out.push(full); continue; }
    const sub = componentsOf(model, full);
    if (sub === null) return null;
    out.push(...sub);
  }
  return out;
}

const ITEM_WORDS: Record<string, string> = {
  overseas: '因公出国（境）费', vehicles: '公务用车购置及运行维护费', reception: '公务接待费',
  'vehicles.purchase': '公务用车购置费', 'vehicles.operation': '公务用车运行维护费',
};

/** 三公: total = 因公出国（境）+ 公务用车 + 公务接待; 公务用车 = 购置 + 运行维护. */
function threePublicEquations(model: TableModel): Equation[] {
  const tp = (s: string) => `item:three_public.${s}`;
  const identities: [string, string[], string][] = [
    [tp('total'), [tp('overseas'), tp('vehicles'), tp('reception')], '因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费'],
    [tp('vehicles'), [tp('vehicles.purchase'), tp('vehicles.operation')], '公务用车购置费 + 公务用车运行维护费'],
  ];
  const out: Equation[] = [];
  for (const [total, parts, words] of identities) {
    if (!model.rows.has(total) || !parts.some((p) => model.rows.has(p))) continue;
    // An item without a line, in a table with lines not recognised as items, may be one of them.
    const unnamed = [...model.rows.values()].some((r) => 'label' in r.subject && !/合计|小计|总计/.test(labelOf(r) ?? ''));
    const missing = unnamed ? parts.filter((p) => !model.rows.has(p)) : [];
    for (const measure of model.measures) {
      const eq: Equation = { rule: 'sum.items', total: term(model, total, measure), parts: parts.map((p) => term(model, p, measure)), partsLabel: words };
      if (missing.length > 0) eq.uncertain = `no line was recognised as ${missing.map((m) => ITEM_WORDS[m.slice('item:three_public.'.length)] ?? m).join(', ')}, so the sum cannot be checked`;
      out.push(eq);
    }
  }
  return out;
}

/** The money measure a summary-table line is printed in (金额, 决算数, 预算数, 合计). */
export function mainMeasure(model: TableModel, subject: string): string | undefined {
  const row = model.cells.get(subject);
  if (!row) return undefined;
  for (const m of ['amount', 'actual', 'budget', 'total', 'expenditure.total', 'income.total']) if (row.has(m)) return m;
  return row.size === 1 ? [...row.keys()][0] : undefined;
}

function measuresOfPanel(model: TableModel, rows: RowInfo[]): string[] {
  const set = new Set<string>();
  for (const r of rows) for (const m of model.cells.get(r.key)?.keys() ?? []) set.add(m);
  return [...set];
}

/** Summary tables (收支总表): lines add up to 本年收入/支出合计, and both sides balance. */
function summaryEquations(model: TableModel): Equation[] {
  if (model.table.kind !== 'summary' && model.table.kind !== 'appropriation_summary') return [];
  const out: Equation[] = [];
  const grands: Partial<Record<Panel, RowInfo>> = {};
  for (const panel of ['income', 'expenditure'] as const) {
    const totals = panelTotals(model, panel);
    const { lines, year, grand } = totals;
    if (grand) grands[panel] = grand.row;
    const found = yearBlock(totals);
    if (year && found && found.block.length > 0) {
      for (const measure of measuresOfPanel(model, [year.row])) {
        out.push(lineSum(model, 'sum.lines', year.row, found.block, measure, `the sum of the ${panel} lines`));
      }
    }
    if (year && grand && found && grand.row.row > year.row.row) {
      const between = lines.slice(found.end + 1, lines.indexOf(grand)).filter((l) => l !== year);
      const m = mainMeasure(model, grand.row.key);
      const ym = mainMeasure(model, year.row.key);
      if (m && ym === m) {
        const yearSum = lineSum(model, 'sum.lines', year.row, found.block, m, '');
        const yearTerm = term(model, year.row.key, m, yearSum.parts.length);
        const eq = lineSum(model, 'balance.carryover', grand.row, between, m, '', [yearTerm]);
        const named = eq.parts.slice(1).map((p) => ` + ${p.model.rows.get(p.subject)?.printed ?? p.subject}`).join('');
        out.push({ ...eq, partsLabel: `${panel === 'income' ? '本年收入合计' : '本年支出合计'}${named}` });
      }
    }
  }
  const incomeGrand = grands.income;
  const spendGrand = grands.expenditure;
  if (incomeGrand && spendGrand && incomeGrand !== spendGrand) {
    const mi = mainMeasure(model, incomeGrand.key);
    const ms = mainMeasure(model, spendGrand.key);
    if (mi && ms) {
      out.push({ rule: 'balance.totals', total: term(model, spendGrand.key, ms), parts: [term(model, incomeGrand.key, mi)], partsLabel: '收入总计' });
    }
  }
  return out;
}

/**
 * total = Σ the parts of a block of lines, in the first reading of its structure that the figures
 * fit; when none fits, the most likely reading, marked uncertain unless the printed structure is.
 */
function lineSum(model: TableModel, rule: RuleId, total: RowInfo, block: Line[], measure: string, label: string, fixed: Term[] = []): Equation {
  const all = readings(model, block, measure);
  // Numbered lines say which are parts of which: no other reading is tried.
  const options = all[0]?.certain && all[0].why === NUMBERED ? [all[0]] : all;
  const fits = options.find((o) => holds(model, total, o.parts, measure, fixed));
  const chosen = fits ?? options[0] ?? { parts: [], certain: true, why: '' };
  const eq: Equation = {
    rule, total: term(model, total.key, measure), parts: [...fixed, ...chosen.parts.map((p) => term(model, p.key, measure))],
    partsLabel: label ? `${label} (${chosen.why})` : chosen.why,
  };
  if (!fits && !chosen.certain) {
    eq.uncertain = `which lines of ${lineLabel(total)} are parts of which cannot be told from the page (no reading of its sub-lines adds up)`;
  }
  return eq;
}

function lineLabel(row: RowInfo): string {
  return row.text ?? row.printed ?? row.key;
}

/** The printed header of a measure's column (“基本支出”), else the measure token. */
export function columnName(model: TableModel, measure: string): string {
  const col = model.table.columns.find((c) => c.measure === measure);
  return col && col.path.length > 0 ? col.path.join('›') : measure;
}

export function tableName(table: { title: string | null; code: string | null; kind: string }): string {
  const title = table.title ?? table.kind;
  return table.code ? `${title} (${table.code})` : title;
}
