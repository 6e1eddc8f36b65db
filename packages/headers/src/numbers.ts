/**
 * A value cell's number, exact: money goes string → fen (core/amount.ts) → yuan by the table's
 * unit; counts and percentages keep the number itself.
 */
import { fenToYuan, parseNumber, toFen, toNumber, type TableUnit } from '@govdocs/core';

export type ValueUnit = { kind: 'money'; unit: TableUnit } | { kind: 'count' } | { kind: 'percent' };

export type ReadValue = { value: number; unit: 'yuan' | 'count' | 'percent' } | { error: string };

/** null for blank and dash cells (no fact); `error` when the text is not a number. */
export function readValue(text: string, unit: ValueUnit | null): ReadValue | null {
  const n = parseNumber(text);
  if (n === null) return null;
  if (n === undefined) return { error: 'expected a number' };
  if (n.percent || unit?.kind === 'percent') return { value: toNumber(n), unit: 'percent' };
  if (unit?.kind === 'count') return { value: toNumber(n), unit: 'count' };
  const fen = toFen(n, unit?.kind === 'money' ? unit.unit : 'yuan');
  if (fen === undefined) return { error: 'more precise than a fen or too large to be exact' };
  return { value: fenToYuan(fen), unit: 'yuan' };
}
