/** Odd grids never crash the stage: every grid gives a table record, whatever its cells. */
import { describe, expect, it } from 'vitest';
import { FactRecordSchema, TableRecordSchema, type Cell, type Grid } from '@govdocs/core';
import { alignGrid } from './align.js';

const WORDS = [
  '合计',
  '小计',
  '本年支出',
  '基本支出',
  '人员经费',
  '收入',
  '支出',
  '项目',
  '行次',
  '栏次',
  '类',
  '款',
  '项',
  '1',
  '2',
  '201',
  '20103',
  '2010350',
  '一、一般公共服务支出',
  '—',
  '',
  '0.00',
  '1,234.56',
  '(12.00)',
  'abc',
  '金额单位：万元',
  '部门：某局',
  '收入决算表',
  '注：说明',
  '%',
  '三公',
  '公务接待费',
];

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomGrid(rand: () => number): Grid {
  const rows = 1 + Math.floor(rand() * 8);
  const cols = 1 + Math.floor(rand() * 7);
  const cells: Cell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (rand() < 0.3) continue;
      const text = WORDS[Math.floor(rand() * WORDS.length)];
      // Spans may overlap, run past the grid or be 0: readers produce such things.
      cells.push({ r, c, rs: Math.floor(rand() * 3), cs: Math.floor(rand() * 3), text });
    }
  }
  return { cells, rowCount: rows, colCount: cols, pages: [], before: rand() < 0.5 ? ['支出决算表'] : [], after: [] };
}

const ID = `sha256:${'c'.repeat(64)}`;

describe('odd grids', () => {
  it('align without throwing and keep every cell', () => {
    const rand = random(42);
    for (let i = 0; i < 2000; i++) {
      const grid = randomGrid(rand);
      const out = alignGrid(grid, { documentId: ID, tableId: `${ID}#${i + 1}`, file: 'f' });
      expect(out.table.cells).toHaveLength(grid.cells.length);
      for (const f of out.facts) expect(FactRecordSchema.safeParse(f).error).toBeUndefined();
      expect(TableRecordSchema.safeParse(out.table).error).toBeUndefined();
    }
  });

  it('keeps a sparse grid reaching far out without laying it out', () => {
    const grid: Grid = {
      cells: [
        { r: 0, c: 0, rs: 1, cs: 1, text: '合计' },
        { r: 1_048_575, c: 16_383, rs: 1, cs: 1, text: '1.00' },
      ],
      rowCount: 2,
      colCount: 2,
      pages: [],
      before: [],
      after: [],
    };
    const out = alignGrid(grid, { documentId: ID, tableId: `${ID}#1`, file: 'f' });
    expect(out.table.kind).toBe('other');
    expect(out.table.cells).toHaveLength(2);
    expect(out.diagnostics[0].rule).toBe('parse.table');
  });

  it('handles an empty grid', () => {
    const out = alignGrid(
      { cells: [], rowCount: 0, colCount: 0, pages: [], before: [], after: [] },
      { documentId: 'd', tableId: 'd#1', file: 'f' },
    );
    expect(out.table.kind).toBe('other');
    expect(out.facts).toEqual([]);
  });
});
