/**
 * The facts of one table re-assembled as a grid of money cells keyed by what the row is about
 * (subject) and what the column is (measure). Keys by subject rather than grid row because
 * side-by-side layouts (基本支出表's three 经济分类 panels) put several subjects on one grid row.
 */
import {
  parseNumber,
  toNumber,
  yuanToFen,
  UNIT_EXPONENT,
  type FactRecord,
  type Subject,
  type TableRecord,
  type TableUnit,
} from '@govdocs/core';

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
  /**
   * The label cell as printed on the page, ordinal and all (“（一）一般公共预算拨款”, “其中：…”):
   * headers strip ordinals from `printed`, but they tell which lines are parts of which.
   */
  text: string | null;
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
  /**
   * Slots printed more than once on one line with different figures (a 合计 column and a 小计
   * column both read as the 三公 total): which one the identity means cannot be told.
   */
  ambiguous: Map<string, string[]>;
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

/**
 * Whether `total − Σ parts` (`difference`, fen) is within what rounding allows. Each printed figure
 * may be off by up to half a unit of its last digit; `tolerance` is the sum of those halves over
 * the total and its parts: n whole-yuan parts and their whole-yuan total may differ by
 * (n + 1) × 0.5 yuan.
 */
export function withinRounding(difference: number, tolerance: number): boolean {
  return Math.abs(difference) <= tolerance;
}

/** Rates, shares and changes are not amounts that add up, whatever unit they were read in. */
const NOT_MONEY = /率|%|％|比重|占比|比例|增减|增长|变动|行次|栏次/;

/** Builds one model per table from the document's money facts. */
export function buildModels(tables: TableRecord[], facts: FactRecord[]): TableModel[] {
  const fallbackUnit = usualUnit(tables);
  const models = tables.map(
    (table, index): TableModel => ({
      table,
      index,
      unit: table.unit ?? fallbackUnit,
      rows: new Map(),
      cells: new Map(),
      measures: new Set(),
      repeatedCodes: false,
      ofWhich: new Set(
        table.columns
          .filter((c) => c.measure && c.path.some((p) => /^其中/.test(p.trim())))
          .map((c) => c.measure as string),
      ),
      ambiguous: new Map(),
    }),
  );
  const byId = new Map(models.map((m) => [m.table.id, m]));
  const money = facts.filter(
    (fact) => byId.has(fact.tableId) && fact.unit === 'yuan' && !NOT_MONEY.test(fact.source.columnPath.join('')),
  );
  const scales = columnScales(money);
  for (const fact of money) {
    const model = byId.get(fact.tableId)!;
    addFact(model, fact, scales.get(`${fact.tableId}|${fact.source.col}`));
  }
  return models;
}

/**
 * The decimals each printed column shows (the most any of its figures shows): a 元 column printed
 * in whole yuan was rounded to the yuan, whatever a lone figure such as “0” shows.
 */
function columnScales(facts: FactRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const fact of facts) {
    const parsed = parseNumber(fact.source.text);
    if (!parsed) continue;
    const key = `${fact.tableId}|${fact.source.col}`;
    out.set(key, Math.max(out.get(key) ?? 0, parsed.scale));
  }
  return out;
}

function addFact(model: TableModel, fact: FactRecord, scale: number | undefined): void {
  let key = subjectKey(fact.subject);
  const known = model.rows.get(key);
  const summary = model.table.kind.includes('summary');
  if (known && known.row !== fact.source.row && !summary) {
    // A detail table that prints one subject on several lines (预算03表: one line per function ×
    // economic code) keeps each line apart, so its columns are added up line by line.
    if ('code' in fact.subject) model.repeatedCodes = true;
    key = `${key}@${fact.source.row}`;
  }
  if (!model.rows.has(key)) {
    model.rows.set(key, {
      key,
      subject: fact.subject,
      row: fact.source.row,
      printed: fact.source.rowLabel,
      text: labelText(model.table, fact),
    });
  }
  const row = model.cells.get(key) ?? new Map<string, MoneyCell>();
  model.cells.set(key, row);
  const slot = slotKey(model.index, key, fact.measure);
  const first = row.get(fact.measure);
  // A subject printed twice (the 04表 repeats 一般公共预算财政拨款 under 年初结转) keeps its first line.
  if (first) {
    if (first.fact.source.row === fact.source.row && yuanToFen(fact.value) !== first.fen) {
      const texts = model.ambiguous.get(slot) ?? [first.fact.source.text];
      model.ambiguous.set(slot, [...texts, fact.source.text]);
    }
    return;
  }
  row.set(fact.measure, {
    slot,
    fen: yuanToFen(fact.value),
    tolerance: cellTolerance(fact.source.text, model.unit, fact.value, scale),
    fact,
  });
  model.measures.add(fact.measure);
}

const cellsByRow = new WeakMap<TableRecord, Map<number, TableRecord['cells']>>();

/** The table's cells of one grid row, sorted by column; indexed once per table. */
export function rowCells(table: TableRecord, r: number): TableRecord['cells'] {
  let index = cellsByRow.get(table);
  if (!index) {
    index = new Map();
    for (const cell of table.cells) {
      const list = index.get(cell.r) ?? [];
      list.push(cell);
      index.set(cell.r, list);
    }
    for (const list of index.values()) list.sort((a, b) => a.c - b.c);
    cellsByRow.set(table, index);
  }
  return index.get(r) ?? [];
}

/** The printed label of a fact's line: the nearest cell left of its figure that is not a number. */
function labelText(table: TableRecord, fact: FactRecord): string | null {
  const cells = rowCells(table, fact.source.row).filter((c) => c.c < fact.source.col);
  for (let i = cells.length - 1; i >= 0; i--) {
    const text = cells[i]!.text.trim();
    if (text !== '' && parseNumber(text) === undefined) return text;
  }
  return null;
}

/**
 * A 元 table is exact to the fen. A table in a larger unit rounds each printed cell to its last
 * digit (0.01 万元 = 100 yuan, so ±50 yuan). The unit a figure was converted with is read from the
 * fact itself (value ÷ printed number) when it can be, so a table whose unit line was missed but
 * whose figures were scaled by the document's unit is still judged by that unit.
 */
export function cellTolerance(text: string, unit: TableUnit | null, value?: number, columnScale?: number): number {
  const parsed = parseNumber(text);
  const scale = Math.max(columnScale ?? 0, parsed ? parsed.scale : 2);
  let exponent = unit ? UNIT_EXPONENT[unit] : 0;
  if (parsed && value !== undefined && value !== 0) {
    const printed = toNumber(parsed);
    if (printed !== 0) exponent = Math.max(0, Math.round(Math.log10(Math.abs(value / printed))));
  }
  // Figures in yuan printed to the fen are exact; whole yuan were rounded to the yuan. With no unit
  // known at all, only the printed digits count.
  if (exponent === 0 && unit !== null && scale >= 2) return 0;
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
