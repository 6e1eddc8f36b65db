/**
 * Fitting a header to its data: a header printed one or two columns off (row labels under 合计)
 * is moved by the offset that fits best.
 */
import { planColumns, type ColumnPlan } from './columns.js';
import { buildHeader, shiftHeader, type HeaderBlock } from './header.js';
import type { Layout } from './layout.js';
import { isKnownToken, tokenOf } from './measure.js';
import type { RowPlan } from './rows.js';

/**
 * Header and column roles. A header printed shifted against its data (row labels under 合计)
 * is moved by the offset that puts no row labels under measure words and the most value
 * columns under known measure words; without such an offset it stays as printed.
 */
export function fitHeader(layout: Layout, plan: RowPlan): { block: HeaderBlock; columns: ColumnPlan[]; shift: number } {
  const block = buildHeader(layout, plan);
  const index = [...plan.index];
  const columns = planColumns(layout, block, plan.data, index);
  if (!misalignedColumn(columns)) return { block, columns, shift: 0 };
  let best = { block, columns, shift: 0, score: 0 };
  for (const k of [1, -1, 2, -2]) {
    const moved = shiftHeader(block, k, layout.cols);
    const cols = planColumns(layout, moved, plan.data, index);
    if (misalignedColumn(cols)) continue;
    const score = fitScore(cols, columns);
    if (score > best.score) best = { block: moved, columns: cols, shift: k, score };
  }
  return best;
}

/**
 * How well a header fits its data: value columns under known measure words count for it; value
 * columns under label words (名称, 编码) or under nothing, and label/code columns turned into
 * value columns by the move, count against it.
 */
function fitScore(cols: ColumnPlan[], asPrinted: ColumnPlan[]): number {
  let score = 0;
  for (const c of cols) {
    if (c.role !== 'value' || c.filled === 0) continue;
    const last = c.words[c.words.length - 1];
    if (last && isKnownToken(tokenOf(last))) score++;
    if (!last || c.words.some((w) => /名称|编码|代码|^项目$|^科目$/.test(w))) score -= 2;
    const before = asPrinted[c.col]?.role;
    if (before === 'label' || before === 'code') score -= 2;
  }
  return score;
}

/** A label or code column under a measure header (年初结转和结余 › 合计): header and data disagree. */
export function misalignedColumn(columns: ColumnPlan[]): ColumnPlan | null {
  return (
    columns.find(
      (c) =>
        (c.role === 'label' || c.role === 'code') &&
        c.words.length > 0 &&
        isKnownToken(tokenOf(c.words[c.words.length - 1])),
    ) ?? null
  );
}
