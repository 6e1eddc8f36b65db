/**
 * The accounting identities of a disclosure, written as equations `total = Σ parts` over table
 * cells (slots). Each knows its rule, so a violated one can be reported in words.
 */
import { codeOf, codeRows, labelOf, panelOf, slotKey, type RowInfo, type TableModel } from './model.js';

export interface Term {
  model: TableModel;
  subject: string;
  measure: string;
  slot: string;
}

export interface Equation {
  /** `family.detail`, e.g. `sum.children`. */
  rule: string;
  total: Term;
  parts: Term[];
  /** What the parts are, for messages: “its 项 rows”, “基本支出 + 项目支出”. */
  partsLabel: string;
  /**
   * Identities of one kind on one column (or one column group) of a table. When most of a group
   * fails, the columns were misread, not the figures misprinted.
   */
  group?: string;
}

export function term(model: TableModel, subject: string, measure: string): Term {
  return { model, subject, measure, slot: slotKey(model.index, subject, measure) };
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
    for (const measure of model.measures) {
      out.push({
        rule: 'sum.children', group: `${model.index}|children|${measure}`, total: term(model, parent.key, measure),
        parts: children.map((c) => term(model, c.key, measure)),
        partsLabel: `the sum of its ${level} rows (${children.map(codeOf).join(', ')})`,
      });
    }
  }
  return out;
}

const TOTAL_ROW = /^(合计|总计|本年支出合计|本年收入合计|支出合计|收入合计)$/;

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
      for (const measure of model.measures) {
        out.push({
          rule: 'sum.total_row', total: term(model, row.key, measure), parts: parts.map((p) => term(model, p.key, measure)),
          partsLabel: `the sum of its ${what} (${parts.map(codeOf).join(', ')})`,
        });
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

function lastToken(measure: string): string {
  return measure.slice(measure.lastIndexOf('.') + 1);
}

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
    for (const measure of model.measures) {
      out.push({ rule: 'sum.items', total: term(model, total, measure), parts: parts.map((p) => term(model, p, measure)), partsLabel: words });
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
  const rows = [...model.rows.values()].sort((a, b) => a.row - b.row);
  const find = (panel: string, re: RegExp) => rows.find((r) => (panelOf(r) ?? panel) === panel && re.test(labelOf(r) ?? ''));
  const out: Equation[] = [];
  for (const panel of ['income', 'expenditure'] as const) {
    const yearTotal = find(panel, panel === 'income' ? /^本年收入合计$|^收入合计$/ : /^本年支出合计$|^支出合计$/);
    const grand = find(panel, /^(收入|支出)?总计$/);
    const sidePanel = (r: RowInfo) => panelOf(r) === panel;
    if (yearTotal) {
      const above = rows.filter((r) => r.row < yearTotal.row && isTopLevelLine(r));
      const labels = above.filter((r) => sidePanel(r));
      const classes = panel === 'expenditure' ? above.filter((r) => 'code' in r.subject && codeOf(r).length === 3) : [];
      // Expenditure may be listed by function class or by other lines; when both appear, no claim.
      const parts = classes.length > 0 ? (labels.length > 0 ? [] : classes) : labels;
      if (parts.length > 0) {
        for (const measure of measuresOfPanel(model, [yearTotal])) {
          out.push({
            rule: 'sum.lines', total: term(model, yearTotal.key, measure), parts: withoutSubLines(model, parts, measure, yearTotal).map((p) => term(model, p.key, measure)),
            partsLabel: `the sum of the ${panel === 'income' ? 'income' : 'expenditure'} lines above it`,
          });
        }
      }
    }
    if (yearTotal && grand && grand.row > yearTotal.row) {
      const between = rows.filter((r) => sidePanel(r) && r.row > yearTotal.row && r.row < grand.row
        && /结转|结余|上年|使用/.test(labelOf(r) ?? '') && isTopLevelLine(r));
      const m = mainMeasure(model, grand.key);
      const ym = mainMeasure(model, yearTotal.key);
      if (m && ym === m) {
        out.push({
          rule: 'balance.carryover', total: term(model, grand.key, m),
          parts: [term(model, yearTotal.key, m), ...between.map((b) => term(model, b.key, m))],
          partsLabel: `${panel === 'income' ? '本年收入合计' : '本年支出合计'}${between.map((b) => ` + ${b.printed ?? labelOf(b)}`).join('')}`,
        });
      }
    }
  }
  const incomeGrand = find('income', /^(收入)?总计$/);
  const spendGrand = find('expenditure', /^(支出)?总计$/);
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
 * Lines printed without an ordinal may still be sub-lines (人员经费 and 公用经费 under 基本支出).
 * When the lines do not add up to the total as they are, but do once every run of lines that adds
 * up to the line just above it is taken as that line's breakdown, the breakdown is left out.
 */
function withoutSubLines(model: TableModel, parts: RowInfo[], measure: string, total: RowInfo): RowInfo[] {
  const fen = (r: RowInfo) => model.cells.get(r.key)?.get(measure)?.fen ?? 0;
  const sum = (rows: RowInfo[]) => rows.reduce((s, r) => s + fen(r), 0);
  const target = fen(total);
  if (sum(parts) === target) return parts;
  const kept: RowInfo[] = [];
  for (let i = 0; i < parts.length; i++) {
    kept.push(parts[i]!);
    let run = 0;
    for (let j = i + 1; j < parts.length; j++) {
      run += fen(parts[j]!);
      if (j > i + 1 && run === fen(parts[i]!) && run !== 0) { i = j; break; }
    }
  }
  return sum(kept) === target ? kept : parts;
}

/** A line at the first level of a summary table (not “（一）…”, “1. …” or “其中：…”). */
function isTopLevelLine(row: RowInfo): boolean {
  const printed = (row.printed ?? '').normalize('NFKC').trim();
  return !/^(\([一二三四五六七八九十\d]+\)|\d+[.、]|其中)/.test(printed);
}

/** The printed header of a measure's column (“基本支出”), else the measure token. */
export function columnName(model: TableModel, measure: string): string {
  const col = model.table.columns.find((c) => c.measure === measure);
  return col && col.path.length > 0 ? col.path.join('›') : measure;
}

const TOTAL_MEASURES = ['total', 'expenditure.total', 'amount', 'actual', 'budget'];

function totalRowOf(model: TableModel): RowInfo | undefined {
  return [...model.rows.values()].find((r) => !panelOf(r) && /^(合计|总计)$/.test(labelOf(r) ?? ''));
}

function firstMeasure(model: TableModel, subject: string, measures: string[]): string | undefined {
  const row = model.cells.get(subject);
  return measures.find((m) => row?.has(m));
}

/**
 * The same figure in two tables of one document. `total` is the cell of the detail table, so a
 * tie blames it: the summary is the reference a reader checks the detail against.
 */
export function crossTableEquations(models: TableModel[]): Equation[] {
  const only = (kind: string) => {
    const found = models.filter((m) => m.table.kind === kind && m.rows.size > 0);
    return found.length === 1 ? found[0] : undefined;
  };
  const out: Equation[] = [];
  const summary = only('summary');
  const income = only('income');
  const expenditure = only('expenditure');
  const general = only('general_budget');
  const basic = only('general_budget_basic');
  const approp = only('appropriation_summary');
  const pair = (rule: string, detail: TableModel, dSubject: string, dMeasures: string[], ref: TableModel, rSubject: string, rMeasures: string[]) => {
    const dm = firstMeasure(detail, dSubject, dMeasures);
    const rm = firstMeasure(ref, rSubject, rMeasures);
    if (!dm || !rm) return;
    out.push({ rule, total: term(detail, dSubject, dm), parts: [term(ref, rSubject, rm)], partsLabel: tableName(ref.table) });
  };
  const summaryLine = (model: TableModel, panel: string, re: RegExp) =>
    [...model.rows.values()].find((r) => (panelOf(r) ?? panel) === panel && re.test(labelOf(r) ?? ''));
  if (summary && expenditure) {
    const line = summaryLine(summary, 'expenditure', /^本年支出合计$/);
    const row = totalRowOf(expenditure);
    if (line && row) pair('crosstable.expenditure_total', expenditure, row.key, TOTAL_MEASURES, summary, line.key, TOTAL_MEASURES);
    for (const cls of codeRows(summary, 'function').filter((r) => codeOf(r).length === 3)) {
      if (expenditure.rows.has(cls.key)) pair('crosstable.expenditure_class', expenditure, cls.key, TOTAL_MEASURES, summary, cls.key, TOTAL_MEASURES);
    }
  }
  if (summary && income) {
    const line = summaryLine(summary, 'income', /^本年收入合计$/);
    const row = totalRowOf(income);
    if (line && row) pair('crosstable.income_total', income, row.key, TOTAL_MEASURES, summary, line.key, TOTAL_MEASURES);
  }
  if (basic && general) {
    const row = totalRowOf(general);
    for (const [re, token] of [[/^人员经费(合计)?$/, 'personnel'], [/^公用经费(合计)?$/, 'public']] as const) {
      const line = [...basic.rows.values()].find((r) => re.test(labelOf(r) ?? ''));
      if (row && line) {
        pair('crosstable.basic_expenditure', general, row.key, [`expenditure.basic.${token}`, `basic.${token}`],
          basic, line.key, ['amount', 'actual', 'budget', 'total']);
      }
    }
  }
  if (approp && general) {
    const line = summaryLine(approp, 'expenditure', /^本年支出合计$/);
    const row = totalRowOf(general);
    if (line && row) pair('crosstable.general_budget_total', general, row.key, ['expenditure.total', 'total'], approp, line.key, ['general_budget']);
    for (const cls of codeRows(approp, 'function').filter((r) => codeOf(r).length === 3)) {
      if (general.rows.has(cls.key)) pair('crosstable.general_budget_class', general, cls.key, ['expenditure.total', 'total'], approp, cls.key, ['general_budget']);
    }
  }
  return out;
}

export function tableName(table: { title: string | null; code: string | null; kind: string }): string {
  const title = table.title ?? table.kind;
  return table.code ? `${title} (${table.code})` : title;
}
