/**
 * The table cells that may hold a stated figure, by topic, most specific first: the 合计 line of
 * the table of that kind, the summary tables' lines of that name, the 三公 items, a coded line.
 */
import type { FactRecord, StatementTopic, TableRecord } from '@govdocs/core';
import { UNIT_EXPONENT, parseNumber } from '@govdocs/core';

export interface Cell {
  fact: FactRecord;
  fen: bigint;
  /** One unit of the cell's last printed digit, in fen. */
  unitFen: bigint;
}

type Test = (f: FactRecord) => boolean;

const label = (f: FactRecord) => ('label' in f.subject ? f.subject.label.replace(/[\s：:]/g, '') : '');
const panel = (f: FactRecord) => ('panel' in f.subject ? f.subject.panel : undefined);
const item = (f: FactRecord) => ('item' in f.subject ? f.subject.item : '');
const isTotalRow = (f: FactRecord) => /^(合计|总计|本年(收入|支出)?合计|小计)$/.test(label(f));
/** The measure without the budget/actual wrapper a panel header adds (budget.project → project; budget → ''). */
const core = (f: FactRecord) => f.measure.replace(/^(budget|actual|amount)(\.|$)/, '');
const moneyMeasure = (f: FactRecord) => /^(|total|expenditure\.total|income\.total)$/.test(core(f));

const THREE_PUBLIC: Partial<Record<StatementTopic, string[]>> = {
  'three_public.total': ['three_public.total'],
  'three_public.overseas': ['three_public.overseas'],
  'three_public.vehicles': ['three_public.vehicles'],
  'three_public.vehicle_purchase': ['three_public.vehicles.purchase'],
  'three_public.vehicle_operation': ['three_public.vehicles.operation'],
  'three_public.reception': ['three_public.reception'],
};

/** Tests in order of preference: the cells a reader would look at first come first. */
function tests(topic: StatementTopic, code: string | null): Test[] {
  switch (topic) {
    case 'income.total':
      return [
        (f) => f.tableKind === 'income' && isTotalRow(f) && core(f) === 'total',
        (f) => /^(本年)?收入(合计|总计)$|^收入总计$/.test(label(f)) && panel(f) !== 'expenditure',
        (f) => /^(总计|合计)$/.test(label(f)) && panel(f) === 'income',
      ];
    case 'expenditure.total':
      return [
        (f) => f.tableKind === 'expenditure' && isTotalRow(f) && core(f) === 'total',
        (f) => /^(本年)?支出(合计|总计)$/.test(label(f)),
        (f) => /^(总计|合计)$/.test(label(f)) && panel(f) === 'expenditure',
      ];
    case 'income.fiscal_appropriation':
      return [
        (f) => f.tableKind === 'income' && isTotalRow(f) && core(f) === 'fiscal_appropriation',
        (f) => /^财政拨款(收入)?$|^财政拨款收入合计$/.test(label(f)) && panel(f) !== 'expenditure',
      ];
    case 'expenditure.basic':
    case 'expenditure.project': {
      const m = topic === 'expenditure.basic' ? 'basic' : 'project';
      return [
        (f) => (f.tableKind === 'expenditure' || f.tableKind === 'general_budget') && isTotalRow(f) && core(f) === m,
        (f) => label(f) === (m === 'basic' ? '基本支出' : '项目支出'),
      ];
    }
    case 'general_budget':
      return [
        (f) => f.tableKind === 'general_budget' && isTotalRow(f) && moneyMeasure(f),
        (f) => /^一般公共预算(财政)?(拨款|资金)?(收入|支出)?(合计)?$|^一般公共预算财政拨款(收入|支出)?$/.test(label(f)),
        (f) => f.tableKind === 'appropriation_summary' && core(f) === 'general_budget' && /合计|总计/.test(label(f)),
      ];
    case 'government_fund':
      return [
        (f) => f.tableKind === 'government_fund' && isTotalRow(f) && moneyMeasure(f),
        (f) => /^政府性基金(预算)?(财政)?(拨款|资金)?(收入|支出)?$/.test(label(f)),
      ];
    case 'state_capital':
      return [
        (f) => f.tableKind === 'state_capital' && isTotalRow(f) && moneyMeasure(f),
        (f) => /^国有资本经营(预算)?(财政)?(拨款|资金)?(收入|支出)?$/.test(label(f)),
      ];
    case 'operating_costs':
      return [(f) => core(f) === 'operating_costs' || /^机关运行经费/.test(label(f))];
    case 'function':
      if (!code) return [];
      return [
        (f) => f.tableKind === 'general_budget' && hasCode(f, code) && moneyMeasure(f),
        (f) => f.tableKind === 'expenditure' && hasCode(f, code) && moneyMeasure(f),
        (f) =>
          (f.tableKind === 'appropriation_summary' ||
            f.tableKind === 'government_fund' ||
            f.tableKind === 'state_capital') &&
          hasCode(f, code) &&
          moneyMeasure(f),
        // Summary tables name the 类 lines in words, with amounts under 金额 or the panel's own measure.
        (f) => f.tableKind === 'summary' && hasCode(f, code),
      ];
    default: {
      const items = THREE_PUBLIC[topic];
      if (!items) return [];
      // A table that does not split the vehicles line prints purchase and operation as vehicles lines.
      const loose =
        topic === 'three_public.vehicle_purchase' || topic === 'three_public.vehicle_operation'
          ? ['three_public.vehicles']
          : [];
      return [(f) => items.includes(item(f)), (f) => loose.includes(item(f))];
    }
  }
}

function hasCode(f: FactRecord, code: string): boolean {
  return 'scheme' in f.subject && f.subject.scheme === 'function' && f.subject.code === code;
}

export interface CellGroup {
  cells: Cell[];
  /** Cells that may hold the figure but may as well hold another (a vehicles line for its purchase part): agreement links them, disagreement proves nothing. */
  loose: boolean;
}

/**
 * Candidate cells for a topic, preferred first, each with its exact amount and printed precision.
 * Columns of another year (2025年预算数, 上年决算数) never hold this year's figure.
 */
export function candidateCells(
  topic: StatementTopic,
  code: string | null,
  facts: FactRecord[],
  tables: Map<string, TableRecord>,
  year: number | null,
  basis: 'budget' | 'actual',
): CellGroup[] {
  const money = moneyOf(facts, year, basis);
  const loose = topic === 'three_public.vehicle_purchase' || topic === 'three_public.vehicle_operation';
  return tests(topic, code).map((test, i) => ({
    cells: money.filter(test).map((fact) => toCell(fact, tables.get(fact.tableId))),
    loose: loose && i > 0,
  }));
}

/** A document's money facts of this year and basis, worked out once per document, not once per statement. */
const moneyCache = new WeakMap<FactRecord[], Map<string, FactRecord[]>>();

function moneyOf(facts: FactRecord[], year: number | null, basis: 'budget' | 'actual'): FactRecord[] {
  let byKey = moneyCache.get(facts);
  if (!byKey) moneyCache.set(facts, (byKey = new Map()));
  const key = `${year} ${basis}`;
  let money = byKey.get(key);
  if (!money) {
    money = facts.filter((f) => f.unit === 'yuan' && !otherYear(f, year) && !otherBasis(f, basis));
    byKey.set(key, money);
  }
  return money;
}

/** A budget column (预算数) never holds an actual figure, nor an actual column (决算数, 实际) a budget's. */
function otherBasis(f: FactRecord, basis: 'budget' | 'actual'): boolean {
  const path = `${f.measure} ${f.source.columnPath.join(' ')}`;
  const actual = /actual|决算|实际|执行/.test(path);
  const budget = /budget|预算/.test(path) && !actual;
  return basis === 'actual' ? budget : actual;
}

function otherYear(f: FactRecord, year: number | null): boolean {
  const path = f.source.columnPath.join(' ');
  if (/上年|上一年|去年|增减|变动|比上年/.test(path)) return true;
  return year !== null && [...path.matchAll(/(20\d\d)年?/g)].some((m) => Number(m[1]) !== year);
}

export function toCell(fact: FactRecord, table: TableRecord | undefined): Cell {
  const fen = BigInt(Math.round(fact.value * 100));
  const parsed = parseNumber(fact.source.text);
  const exponent = (table?.unit ? UNIT_EXPONENT[table.unit] : 0) + 2 - (parsed ? parsed.scale : 2);
  return { fact, fen, unitFen: exponent > 0 ? 10n ** BigInt(exponent) : 1n };
}
