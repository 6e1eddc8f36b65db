/**
 * The facts of one table re-assembled as a grid of money cells keyed by what the row is about
 * (subject) and what the column is (measure). Keys by subject rather than grid row because
 * side-by-side layouts (基本支出表's three 经济分类 panels) put several subjects on one grid row.
 */
import { parseNumber, toNumber, yuanToFen, UNIT_EXPONENT, type FactRecord, type Subject, type TableRecord, type TableUnit } from '@govdocs/core';

export interface MoneyCell {
  slot: string;
  fen: number;
  /** Half a unit of the last printed digit, in fen: what rounding may have moved this cell. */
  tolerance: number;
  fact: FactRecord;
}

export interface RowInfo {
  key: string;
  subject: Subject;
  /** First grid row the subject was seen on (reading order). */
  row: number;
  /** The printed row label, when headers kept it. */
  printed: string | null;
}

export interface TableModel {
  table: TableRecord;
  index: number;
  /** The unit rounding follows: the table's own, else the document's usual one, else null (unknown). */
  unit: TableUnit | null;
  rows: Map<string, RowInfo>;
  /** subject key → measure → cell. A missing entry is a blank cell. */
  cells: Map<string, Map<string, MoneyCell>>;
  measures: Set<string>;
  /** Measures of “其中” columns: parts of their group, never additive components. */
  ofWhich: Set<string>;
  /**
   * A code printed on two lines (a table with one section per 单位): parents and children cannot
   * be paired, so the code hierarchy is not summed.
   */
  repeatedCodes: boolean;
}

export function subjectKey(subject: Subject): string {
  if ('code' in subject) return `${subject.scheme}:${subject.code}`;
  if ('item' in subject) return `item:${subject.item}`;
  return `label:${subject.panel ?? ''}:${normalizeLabel(subject.label)}`;
}

export function normalizeLabel(label: string): string {
  return label.normalize('NFKC').replace(/[\s"“”]/g, '');
}

export function slotKey(tableIndex: number, subject: string, measure: string): string {
  return `${tableIndex}|${subject}|${measure}`;
}

/** Rates, shares and changes are not amounts that add up, whatever unit they were read in. */
const NOT_MONEY = /率|%|％|比重|占比|比例|增减|增长|变动|行次|栏次/;

/** Builds one model per table from the document's money facts. */
export function buildModels(tables: TableRecord[], facts: FactRecord[]): TableModel[] {
  const fallbackUnit = usualUnit(tables);
  const models = tables.map((table, index): TableModel => ({
    table, index, unit: table.unit ?? fallbackUnit, rows: new Map(), cells: new Map(), measures: new Set(), repeatedCodes: false,
    ofWhich: new Set(table.columns.filter((c) => c.measure && c.path.some((p) => /^其中/.test(p.trim()))).map((c) => c.measure as string)),
  }));
  const byId = new Map(models.map((m) => [m.table.id, m]));
  for (const fact of facts) {
    const model = byId.get(fact.tableId);
    if (!model || fact.unit !== 'yuan' || NOT_MONEY.test(fact.source.columnPath.join(''))) continue;
    addFact(model, fact);
  }
  return models;
}

function addFact(model: TableModel, fact: FactRecord): void {
  const key = subjectKey(fact.subject);
  const known = model.rows.get(key);
  if (!known) {
    model.rows.set(key, { key, subject: fact.subject, row: fact.source.row, printed: fact.source.rowLabel });
  } else if (known.row !== fact.source.row && 'code' in fact.subject && !model.table.kind.includes('summary')) {
    model.repeatedCodes = true;
  }
  const row = model.cells.get(key) ?? new Map<string, MoneyCell>();
  model.cells.set(key, row);
  // A subject printed twice (the 04表 repeats 一般公共预算财政拨款 under 年初结转) keeps its first line.
  if (row.has(fact.measure)) return;
  row.set(fact.measure, {
    slot: slotKey(model.index, key, fact.measure),
    fen: yuanToFen(fact.value),
    tolerance: cellTolerance(fact.source.text, model.unit, fact.value),
    fact,
  });
  model.measures.add(fact.measure);
}

/**
 * A 元 table is exact to the fen. A table in a larger unit rounds each printed cell to its last
 * digit (0.01 万元 = 100 yuan, so ±50 yuan). The unit a figure was converted with is read from the
 * fact itself (value ÷ printed number) when it can be, so a table whose unit line was missed but
 * whose figures were scaled by the document's unit is still judged by that unit.
 */
export function cellTolerance(text: string, unit: TableUnit | null, value?: number): number {
  const parsed = parseNumber(text);
  const scale = parsed ? parsed.scale : 2;
  let exponent = unit ? UNIT_EXPONENT[unit] : 0;
  if (parsed && value !== undefined && value !== 0) {
    const printed = toNumber(parsed);
    if (printed !== 0) exponent = Math.max(0, Math.round(Math.log10(Math.abs(value / printed))));
  }
  // Figures in yuan are exact, unless no unit is known at all: then only the printed digits count.
  if (exponent === 0 && unit !== null) return 0;
  const fenExponent = exponent + 2 - scale; // fen per unit of the last printed digit = 10^fenExponent
  return fenExponent >= 0 ? 10 ** fenExponent / 2 : 0;
}

function usualUnit(tables: TableRecord[]): TableUnit | null {
  const counts = new Map<TableUnit, number>();
  for (const t of tables) if (t.unit) counts.set(t.unit, (counts.get(t.unit) ?? 0) + 1);
  let best: TableUnit | null = null;
  for (const [unit, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = unit;
  return best;
}

export function cellOf(model: TableModel, subject: string, measure: string): MoneyCell | undefined {
  return model.cells.get(subject)?.get(measure);
}

/** Rows whose subject is a classification code of a scheme. */
export function codeRows(model: TableModel, scheme: 'function' | 'economic'): RowInfo[] {
  return [...model.rows.values()].filter((r) => 'code' in r.subject && r.subject.scheme === scheme);
}

export function codeOf(row: RowInfo): string {
  return 'code' in row.subject ? row.subject.code : '';
}

export function labelOf(row: RowInfo): string | null {
  return 'label' in row.subject ? normalizeLabel(row.subject.label) : null;
}

export function panelOf(row: RowInfo): string | undefined {
  return 'label' in row.subject ? row.subject.panel : undefined;
}
