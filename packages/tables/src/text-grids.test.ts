import { describe, expect, it } from 'vitest';
import { CellSchema, type Block, type GridBlock } from '@govdocs/core';
import { findTextGrids } from './text-grids.js';

const lines = (...texts: string[]): Block[] => texts.map((text, i) => ({ type: 'text', text, line: i + 1 }));
const grids = (blocks: Block[]) => blocks.filter((b): b is GridBlock => b.type === 'grid').map((b) => b.grid);

describe('findTextGrids', () => {
  it('reads tab-separated rows and keeps the lines above as context', () => {
    const [grid] = grids(
      findTextGrids(lines('收入决算表', '公开02表', '金额单位：元', '', '科目\t金额', '合计\t1.00')),
    );
    expect(grid.before).toEqual(['收入决算表', '公开02表', '金额单位：元']);
    expect(grid.rowCount).toBe(2);
    expect(grid.cells).toContainEqual({ r: 1, c: 1, rs: 1, cs: 1, text: '1.00', line: 6 });
  });

  it('reads cell-per-line tables with blank lines between rows', () => {
    const [grid] = grids(findTextGrids(lines('\t一级指标', '\t二级指标', '', '\t产出指标', '\t', '\t数量指标')));
    expect(grid.rowCount).toBe(2);
    expect(grid.cells.filter((c) => c.r === 1).map((c) => [c.c, c.text])).toEqual([
      [0, '产出指标'],
      [2, '数量指标'],
    ]);
  });

  it('joins a wrapped cell line that lost its tab to the cell above', () => {
    const [grid, ...rest] = grids(
      findTextGrids(lines('\t效益指标', '\t经济效益', '指标', '\t办公资源循环利用率', '', '\t满意度指标')),
    );
    expect(rest).toEqual([]);
    expect(grid.cells.filter((c) => c.r === 0).map((c) => c.text)).toEqual([
      '效益指标',
      '经济效益指标',
      '办公资源循环利用率',
    ]);
  });

  it('keeps a prose line between tab lines of a tab-row table as text', () => {
    const out = findTextGrids(lines('a\tb', '说明文字', 'c\td'));
    expect(out.map((b) => b.type)).toEqual(['grid', 'text', 'grid']);
  });

  it('splits tab tables at blank lines and keeps prose as text', () => {
    const out = findTextGrids(lines('a\tb', '', 'prose', 'c\td'));
    expect(out.map((b) => b.type)).toEqual(['grid', 'text', 'text', 'grid']);
  });

  it('reads markdown tables without the separator row', () => {
    const [grid] = grids(findTextGrids(lines('| 项目 | 金额 |', '| --- | ---: |', '| 合计 | 5.00 |')));
    expect(grid.rowCount).toBe(2);
    expect(grid.cells.map((c) => c.text)).toEqual(['项目', '金额', '合计', '5.00']);
  });

  it('gives cells no line where the text had none (HTML text), so every cell fits the schema', () => {
    const blocks: Block[] = ['项目\t金额', '合计\t5.00', '\t一级指标', '', '| a | b |'].map((text) => ({
      type: 'text',
      text,
    }));
    const cells = grids(findTextGrids(blocks)).flatMap((g) => g.cells);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell).not.toHaveProperty('line');
      expect(CellSchema.safeParse(cell).success).toBe(true);
    }
  });
});
