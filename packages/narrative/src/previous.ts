/**
 * Last year's figure printed beside this year's in a table (2025年预算数 | 2026年预算数): the stated
 * change is checked against the two cells (narrative.change).
 */
import type { FactRecord } from '@govdocs/core';

/** Header words naming another year's column: 2025年预算数, 上年预算数, 上年决算数 (not 上年结转, a carryover). */
function yearOf(path: string[], year: number): 'this' | 'last' | null {
  const text = path.join(' ');
  const years = [...text.matchAll(/(20\d\d)年?/g)].map((m) => Number(m[1]));
  if (years.includes(year - 1)) return 'last';
  if (/上年(预算|决算|执行)/.test(text) && !/结转|结余/.test(text)) return 'last';
  if (years.includes(year)) return 'this';
  return null;
}

const withoutYear = (path: string[]) => path.filter((p) => !/20\d\d|上年|本年/.test(p)).join('›');

/**
 * The cell of the same line that holds last year's figure for the cell `current`: the column whose
 * header differs only by its year, else the one last-year column of that line.
 */
export function previousYearFact(
  current: FactRecord,
  facts: FactRecord[],
  year: number | null,
): FactRecord | undefined {
  if (year === null) return undefined;
  const row = facts.filter(
    (f) => f.tableId === current.tableId && f.source.row === current.source.row && f.unit === 'yuan',
  );
  const last = row.filter((f) => yearOf(f.source.columnPath, year) === 'last');
  if (!last.length || yearOf(current.source.columnPath, year) === 'last') return undefined;
  const key = withoutYear(current.source.columnPath);
  const same = last.find((f) => withoutYear(f.source.columnPath) === key);
  // A lone last-year column is the line's total: it pairs with this year's total only.
  return same ?? (last.length === 1 && /^(|.*(总计|合计|小计))$/.test(key) ? last[0] : undefined);
}

export interface YearCells {
  /** This year's cell (the statement's tableFact) and last year's, as exact fen with their printed units. */
  current: { fact: FactRecord; fen: bigint; unitFen: bigint };
  last: { fact: FactRecord; fen: bigint; unitFen: bigint };
}

/**
 * What is wrong with a stated change against the table's two years, or undefined when it agrees:
 * the amount (within the three printed precisions), the direction, or the percentage (within one
 * unit of its last digit).
 */
export function changeAgainstTable(
  change: {
    direction: string | null;
    fen: bigint | null;
    percent: number | null;
    percentDecimals?: number;
    unitFen: bigint | null;
  },
  cells: YearCells,
): { expected: number; actual: number; what: string } | undefined {
  const diff = cells.current.fen - cells.last.fen;
  if (change.fen !== null && change.unitFen !== null) {
    const off = diff > change.fen ? diff - change.fen : change.fen - diff;
    if (off !== 0n && 2n * off >= cells.current.unitFen + cells.last.unitFen + change.unitFen)
      return { expected: Number(diff) / 100, actual: Number(change.fen) / 100, what: 'amount' };
  }
  const sign = diff > 0n ? 'increase' : diff < 0n ? 'decrease' : 'flat';
  const halfUnits = (cells.current.unitFen + cells.last.unitFen) / 2n;
  const clear = (diff > 0n ? diff : -diff) > halfUnits;
  if (change.direction && clear && change.direction !== sign)
    return {
      expected: Number(diff) / 100,
      actual: change.fen === null ? 0 : Number(change.fen) / 100,
      what: 'direction',
    };
  if (change.percent !== null && cells.last.fen > 0n) {
    const c = Number(cells.current.fen);
    const b = Number(cells.last.fen);
    const dc = Number(cells.current.unitFen) / 2;
    const db = Number(cells.last.unitFen) / 2;
    const low = ((c - dc) / (b + db) - 1) * 100;
    const high = ((c + dc) / Math.max(b - db, 1e-9) - 1) * 100;
    const unit = 10 ** -(change.percentDecimals ?? 0);
    if (change.percent < low - unit - 1e-9 || change.percent > high + unit + 1e-9)
      return { expected: Number(((c / b - 1) * 100).toFixed(2)), actual: change.percent, what: 'percentage' };
  }
  return undefined;
}
