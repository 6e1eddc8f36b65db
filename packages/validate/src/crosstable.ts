/**
 * The same figure in two tables of one document (收支总表 ↔ 收入总表/支出总表, 04表 ↔ 05表, 06表 ↔
 * 05表), compared like with like.
 */
import { exactlyOneOf, GRAND_TOTAL_WORDS, type RuleId } from '@govdocs/core';
import { codeOf, codeRows, labelOf, panelOf, type RowInfo, type TableModel } from './model.js';
import { panelTotals, type Panel } from './lines.js';
import { tableName, term, type Equation } from './equations.js';

const GRAND_TOTAL = exactlyOneOf(GRAND_TOTAL_WORDS);
const TOTAL_MEASURES = ['total', 'expenditure.total', 'amount', 'actual', 'budget'];

function totalRowOf(model: TableModel): RowInfo | undefined {
  return [...model.rows.values()].find((r) => !panelOf(r) && GRAND_TOTAL.test(labelOf(r) ?? ''));
}

/** A table with columns of money carried over (上年结转结余): its 合计/总计 column includes them. */
function hasCarryover(model: TableModel): boolean {
  return model.table.columns.some((c) => c.measure && (/^(carryover|opening)(\.|$)/.test(c.measure) || /结转|结余/.test(c.path.join(''))));
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
  const pair = (rule: RuleId, detail: TableModel, dSubject: string, dMeasures: string[], ref: TableModel, rSubject: string, rMeasures: string[]) => {
    const dm = firstMeasure(detail, dSubject, dMeasures);
    const rm = firstMeasure(ref, rSubject, rMeasures);
    if (!dm || !rm) return;
    out.push({ rule, total: term(detail, dSubject, dm), parts: [term(ref, rSubject, rm)], partsLabel: tableName(ref.table) });
  };
  const yearLine = (model: TableModel, panel: Panel) => panelTotals(model, panel).year?.row;
  if (summary && expenditure) {
    const line = yearLine(summary, 'expenditure');
    const row = totalRowOf(expenditure);
    if (line && row && !hasCarryover(expenditure)) pair('crosstable.expenditure_total', expenditure, row.key, TOTAL_MEASURES, summary, line.key, TOTAL_MEASURES);
    for (const cls of codeRows(summary, 'function').filter((r) => codeOf(r).length === 3)) {
      if (expenditure.rows.has(cls.key)) pair('crosstable.expenditure_class', expenditure, cls.key, TOTAL_MEASURES, summary, cls.key, TOTAL_MEASURES);
    }
  }
  if (summary && income) {
    // Like with like: a 收入总表 whose 总计 includes 上年结转结余 is compared with 收入总计, its
    // 本年收入 column with 本年收入合计.
    const totals = { year: panelTotals(summary, 'income').year?.row, grand: panelTotals(summary, 'income').grand?.row };
    const row = totalRowOf(income);
    if (row && hasCarryover(income)) {
      if (totals.grand) pair('crosstable.income_total', income, row.key, ['total'], summary, totals.grand.key, TOTAL_MEASURES);
      if (totals.year) pair('crosstable.income_total', income, row.key, ['income', 'income.total'], summary, totals.year.key, TOTAL_MEASURES);
    } else if (row && totals.year) {
      pair('crosstable.income_total', income, row.key, [...TOTAL_MEASURES, 'income', 'income.total'], summary, totals.year.key, TOTAL_MEASURES);
    }
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
    const line = yearLine(approp, 'expenditure');
    const row = totalRowOf(general);
    if (line && row) pair('crosstable.general_budget_total', general, row.key, ['expenditure.total', 'total'], approp, line.key, ['general_budget']);
    for (const cls of codeRows(approp, 'function').filter((r) => codeOf(r).length === 3)) {
      if (general.rows.has(cls.key)) pair('crosstable.general_budget_class', general, cls.key, ['expenditure.total', 'total'], approp, cls.key, ['general_budget']);
    }
  }
  return out;
}

