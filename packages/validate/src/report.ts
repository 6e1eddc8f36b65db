/**
 * Blamed cells → diagnostics a person can act on: which table, which line and column, the printed
 * figure, what the identity expects, and the cell's position.
 */
import { fenToYuan, formatFen, Reporter, type Diagnostic, type DocumentRecord, type Spot } from '@govdocs/core';
import type { Blame } from './localize.js';
import { columnName, tableName, type Equation } from './equations.js';
import type { RowInfo, TableModel } from './model.js';

export function blameDiagnostics(document: DocumentRecord, blames: Blame[]): Diagnostic[] {
  // One fault printed in several columns of one line (合计 under 本年收入 and 本年支出) is one finding.
  const groups = new Map<string, Blame[]>();
  // A detail table off from the summary by the same amount on several lines (合计 and its one
  // class) is one disagreement between the two tables.
  for (const b of blames) {
    const cross = b.equation.rule.startsWith('crosstable.') ? `crosstable>${b.equation.parts[0]!.model.index}` : undefined;
    const key = [b.term.model.index, cross ?? `${b.term.subject}|${b.equation.rule}`, b.actual - b.expected].join('|');
    const list = groups.get(key) ?? [];
    list.push(b);
    groups.set(key, list);
  }
  return [...groups.values()].map((group) => toDiagnostic(document, group));
}

function toDiagnostic(document: DocumentRecord, group: Blame[]): Diagnostic {
  const first = group[0]!;
  const { equation, term, expected, actual } = first;
  const model = term.model;
  const row = model.rows.get(term.subject);
  const columns = group.map((b) => columnName(model, b.term.measure)).join(', ');
  const where = `${tableName(model.table)}, line ${lineName(row)}, column ${columns}`;
  const isTotal = equation.total.slot === term.slot;
  const printed = formatFen(actual);
  const rounding = roundingWords(first);
  let message: string;
  if (equation.rule.startsWith('crosstable.')) {
    const other = equation.parts[0]!;
    const also = group.slice(1).map((b) => `${lineName(model.rows.get(b.term.subject))} (${formatFen(b.actual)} vs ${formatFen(b.expected)})`);
    message = `${tableName(model.table)}, line ${lineName(row)}, column ${columnName(model, term.measure)}: ${printed} disagrees with ${tableName(other.model.table)}, line ${lineName(other.model.rows.get(other.subject))}, which prints ${formatFen(expected)}${rounding}${also.length ? `; the same difference on ${also.join(', ')}` : ''}.`;
  } else if (isTotal) {
    message = `${where}: ${printed} ≠ ${equation.partsLabel}, ${formatFen(expected)}${rounding}.`;
  } else {
    const t = equation.total;
    const totalFen = t.model.cells.get(t.subject)?.get(t.measure)?.fen ?? 0;
    const totalWhere = `${lineName(t.model.rows.get(t.subject))} ${columnName(t.model, t.measure)}`;
    message = `${where}: ${printed}, but it is one of the parts of ${totalWhere} (${formatFen(totalFen)} = ${equation.partsLabel.replace(/^the sum of /, 'the sum of ')}), which leaves ${formatFen(expected)} for it${rounding}.`;
  }
  if (first.alternatives.length > 0) {
    const others = first.alternatives.slice(0, 5).map((t) => `${lineName(t.model.rows.get(t.subject))} ${columnName(t.model, t.measure)}`);
    message += ` The figures fit equally well if instead ${others.join(', ')}${first.alternatives.length > 5 ? ', …' : ''} is wrong.`;
  }
  return new Reporter('validate', document.source.path).report(equation.rule, message, blameSpot(first),
    { severity: 'error', tableId: model.table.id, expected: fenToYuan(expected), actual: fenToYuan(actual) });
}

/**
 * What rounding allows, in words: n parts printed to a unit may differ from their printed total by
 * up to n × half that unit.
 */
function roundingWords(blame: Blame): string {
  const { figures, half } = blame.rounding;
  if (blame.tolerance === 0) return '';
  if (half === null || half === 0) return ` (beyond the ±${formatFen(blame.tolerance)} that rounding its figures allows)`;
  const step = half * 2;
  const unit = step === 100 ? 'whole yuan' : step === 10000 ? '0.01 万元' : step === 1000000 ? 'whole 万元' : `steps of ${formatFen(step)} yuan`;
  return ` (beyond rounding: ${figures} figures printed in ${unit}, each within ±${formatFen(half)}, allow ${figures} × ${formatFen(half)} = ${formatFen(blame.tolerance)})`;
}

/** Identities that fail where which lines are parts of which could not be told: info, not error. */
export function unsureDiagnostics(document: DocumentRecord, examples: Equation[]): Diagnostic[] {
  return examples.map((eq) => {
    const model = eq.total.model;
    const row = model.rows.get(eq.total.subject);
    return new Reporter('validate', document.source.path).report('sum.unchecked',
      `${tableName(model.table)}, line ${lineName(row)}: not checked (${eq.rule}): ${eq.uncertain}. Check the table on the page.`,
      { ...(model.table.pages[0] ? { page: model.table.pages[0] } : {}), ...(row ? { row: row.row } : {}) },
      { tableId: model.table.id, expected: null, actual: null });
  });
}

/** A column group whose identities mostly fail: reported once, as unchecked, not as many errors. */
export function misreadDiagnostics(document: DocumentRecord, examples: Equation[]): Diagnostic[] {
  return examples.map((eq) => {
    const model = eq.total.model;
    const what = eq.rule === 'sum.columns'
      ? `column ${columnName(model, eq.total.measure)} = ${eq.parts.map((p) => columnName(model, p.measure)).join(' + ')}`
      : `column ${columnName(model, eq.total.measure)}, parent = sum of children`;
    return new Reporter('validate', document.source.path).report('sum.unchecked',
      `${tableName(model.table)}: ${what} fails on most lines, so the columns were probably read wrongly; these sums were not checked.`,
      model.table.pages[0] ? { page: model.table.pages[0] } : {}, { tableId: model.table.id, expected: null, actual: null });
  });
}

const ITEM_NAMES: Record<string, string> = {
  'three_public.total': '“三公”经费合计', 'three_public.overseas': '因公出国（境）费',
  'three_public.vehicles': '公务用车购置及运行维护费', 'three_public.vehicles.purchase': '公务用车购置费',
  'three_public.vehicles.operation': '公务用车运行维护费', 'three_public.reception': '公务接待费',
};

export function lineName(row: RowInfo | undefined): string {
  if (!row) return '?';
  const s = row.subject;
  if ('code' in s) return `${s.code} ${s.name}`;
  if ('item' in s) return row.printed ?? ITEM_NAMES[s.item] ?? s.item;
  return s.label;
}

function blameSpot(blame: Blame): Spot {
  const place: Spot = {};
  const src = blame.cell?.fact.source;
  if (src) {
    for (const k of ['page', 'line', 'sheet', 'ref'] as const) if (src[k] !== undefined) (place as unknown as Record<string, unknown>)[k] = src[k];
    place.row = src.row;
    place.col = src.col;
    return place;
  }
  // A blank cell blamed: the row of its line and the column of its measure.
  const model: TableModel = blame.term.model;
  const row = model.rows.get(blame.term.subject);
  if (row) place.row = row.row;
  const col = model.table.columns.find((c) => c.measure === blame.term.measure);
  if (col) place.col = col.col;
  return place;
}
