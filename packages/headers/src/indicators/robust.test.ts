/** Odd grids never crash the indicator reader and give no made-up indicators. */
import { describe, expect, it } from 'vitest';
import type { Cell, Grid } from '@govdocs/core';
import { makeGrid } from '../fixtures/make-grid.js';
import { newIndicatorMemory, readIndicators } from './read.js';

const ctx = { documentId: 'd', tableId: 'd#1', file: 'x.txt' };
const grid = (cells: Cell[], rowCount = 3, colCount = 3): Grid => ({
  cells,
  rowCount,
  colCount,
  pages: [],
  before: [],
  after: [],
});

describe('indicator reader on odd grids', () => {
  it('a header on the last row, an empty grid, a grid of blanks', () => {
    expect(readIndicators(makeGrid('一级指标|二级指标|三级指标|指标值'), ctx).indicators).toEqual([]);
    expect(readIndicators(grid([], 0, 0), ctx).indicators).toEqual([]);
    expect(readIndicators(grid([{ r: 0, c: 0, rs: 1, cs: 1, text: '  ' }]), ctx).indicators).toEqual([]);
  });

  it('cells with bad positions or spans are skipped', () => {
    const cells: Cell[] = [
      { r: 0, c: 0, rs: 1, cs: 1, text: '一级指标' },
      { r: 0, c: 1, rs: 1, cs: 1, text: '三级指标' },
      { r: 0, c: 2, rs: 1, cs: 1, text: '指标值' },
      { r: Number.NaN, c: 0, rs: 1, cs: 1, text: '产出指标' },
      { r: 1, c: -1, rs: 1, cs: 1, text: 'x' },
      { r: 1, c: 0, rs: 0, cs: 0, text: '产出指标' },
      { r: 1, c: 1, rs: 1, cs: 1, text: '甲' },
      { r: 1, c: 2, rs: 1, cs: 1, text: '≥1' },
    ];
    expect(readIndicators(grid(cells), ctx).indicators.map((x) => [x.level1, x.level3, x.targetValue])).toEqual([
      ['产出指标', '甲', 1],
    ]);
  });

  it('a sparse grid too large to lay out is not read', () => {
    const cells: Cell[] = [
      { r: 0, c: 0, rs: 1, cs: 1, text: '一级指标' },
      { r: 5000, c: 5000, rs: 1, cs: 1, text: '二级指标' },
    ];
    expect(readIndicators(grid(cells), ctx, newIndicatorMemory()).indicators).toEqual([]);
  });

  // Speed is a benchmark goal (pnpm bench), not a timed test: this checks the long table reads whole.
  it('a long table of 20,000 rows reads whole', () => {
    const rows = ['一级指标|二级指标|三级指标|指标值|分值|得分'];
    for (let i = 0; i < 20000; i++)
      rows.push(`${i % 100 === 0 ? '产出指标' : ''}|${i % 10 === 0 ? '数量指标' : ''}|指标${i}|≥${i}|1|1`);
    const out = readIndicators(makeGrid(rows.join('\n')), ctx);
    expect(out.indicators).toHaveLength(20000);
    expect(out.indicators[19999]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      level3: '指标19999',
      targetValue: 19999,
    });
  });
});
