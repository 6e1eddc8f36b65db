/** A stated change against a table that prints last year's column (d09's 2025年预算数 | 2026年预算数). */
import { describe, expect, it } from 'vitest';
import type { FactRecord } from '@govdocs/core';
import { changeAgainstTable, previousYearFact } from './previous.js';

const fact = (col: number, path: string[], value: number): FactRecord => ({
  documentId: 'd',
  tableId: 't#1',
  tableKind: 'three_public',
  subject: { item: 'three_public.total' },
  measure: 'budget',
  value,
  unit: 'yuan',
  source: { text: (value / 10000).toFixed(2), rowLabel: '合计', columnPath: path, row: 3, col, page: 20 },
});
const last = fact(1, ['2025年预算数', '合计'], 3969700);
const current = fact(2, ['2026年预算数', '合计'], 3944900);
const cell = (f: FactRecord) => ({ fact: f, fen: BigInt(Math.round(f.value * 100)), unitFen: 10000n });

describe('changes against last year’s column', () => {
  it('pairs this year’s column with last year’s of the same header', () => {
    expect(previousYearFact(current, [last, current], 2026)).toBe(last);
    expect(previousYearFact(current, [last, current], 2025)).toBeUndefined();
    expect(
      previousYearFact(fact(3, ['2026年预算数', '项目支出'], 1), [fact(1, ['2025年预算数'], 5), current], 2026),
    ).toBeUndefined();
  });

  it('accepts 较2025年减少2.48万元 and reports 增加, a wrong amount or a wrong percentage', () => {
    const cells = { current: cell(current), last: cell(last) };
    expect(
      changeAgainstTable({ direction: 'decrease', fen: -2480000n, percent: null, unitFen: 100n }, cells),
    ).toBeUndefined();
    expect(
      changeAgainstTable({ direction: 'decrease', fen: -2840000n, percent: null, unitFen: 100n }, cells)?.what,
    ).toBe('amount');
    expect(
      changeAgainstTable({ direction: 'increase', fen: null, percent: 0.62, percentDecimals: 2, unitFen: null }, cells)
        ?.what,
    ).toBe('direction');
    expect(
      changeAgainstTable(
        { direction: 'decrease', fen: null, percent: -0.62, percentDecimals: 2, unitFen: null },
        cells,
      ),
    ).toBeUndefined();
    expect(
      changeAgainstTable({ direction: 'decrease', fen: null, percent: -6.2, percentDecimals: 1, unitFen: null }, cells)
        ?.what,
    ).toBe('percentage');
  });
});
