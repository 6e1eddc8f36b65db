import { describe, expect, it } from 'vitest';
import type { Cell } from '@govdocs/core';
import { splitRegion, type Region } from './grid.js';

/** A region from rows of strings ('' = empty), no spans. */
function region(rows: string[][]): Region {
  const cells: Cell[] = [];
  for (const [r, row] of rows.entries())
    for (const [c, text] of row.entries()) if (text) cells.push({ r, c, rs: 1, cs: 1, text });
  return { cells, rowCount: rows.length, colCount: Math.max(...rows.map((r) => r.length)) };
}

describe('splitRegion', () => {
  it('moves title, code, 部门/单位 and date rows above the table to context', () => {
    const pieces = splitRegion(
      region([
        ['收入决算表', '', ''],
        ['编制单位：某局', '2023年12月31日', '单位：元'],
        ['项目', '金额', '行次'],
        ['合计', '1.00', '1'],
      ]),
    );
    expect(pieces).toHaveLength(1);
    const grid = pieces[0].type === 'grid' ? pieces[0].grid : null;
    expect(grid?.before).toEqual(['收入决算表', '编制单位：某局', '2023年12月31日', '单位：元']);
    expect(grid?.rowCount).toBe(2);
    expect(grid?.cells[0]).toMatchObject({ r: 0, c: 0, text: '项目' });
  });

  it('keeps a table whole across a blank row between its header and its data', () => {
    const pieces = splitRegion(
      region([
        ['项目', '预算数', '决算数'],
        ['', '', ''],
        ['合计', '2.00', '1.00'],
        ['公务接待费', '2.00', '1.00'],
      ]),
    );
    expect(pieces.map((p) => p.type)).toEqual(['grid']);
    expect(pieces[0].type === 'grid' && pieces[0].grid.rowCount).toBe(4);
  });

  it('starts a new table at a title row, even without a blank row', () => {
    const pieces = splitRegion(
      region([
        ['项目', '金额', ''],
        ['合计', '1.00', ''],
        ['支出决算表', '', ''],
        ['', '', '公开03表'],
        ['项目', '金额', '备注'],
        ['合计', '1.00', ''],
      ]),
    );
    const grids = pieces.flatMap((p) => (p.type === 'grid' ? [p.grid] : []));
    expect(grids).toHaveLength(2);
    expect(grids[1].before).toEqual(['支出决算表', '公开03表']);
  });

  it('reads a lone line as text, not as a table', () => {
    expect(splitRegion(region([['说明：本表无数据。', '', '']]))).toEqual([
      { type: 'text', lines: ['说明：本表无数据。'] },
    ]);
  });
});

describe('notes under a table', () => {
  it('takes a note and its numbered continuation lines out of the table', () => {
    const pieces = splitRegion(
      region([
        ['项目', '金额', '备注'],
        ['合计', '1.00', ''],
        ['注：1.本表为示例数据。', '', ''],
        ['2.金额单位为万元，保留两位小数。', '', ''],
      ]),
    );
    const grid = pieces[0].type === 'grid' ? pieces[0].grid : null;
    expect(grid?.rowCount).toBe(2);
    expect(grid?.after).toEqual(['注：1.本表为示例数据。', '2.金额单位为万元，保留两位小数。']);
  });

  it('keeps a lone label row that is not under a note', () => {
    const pieces = splitRegion(
      region([
        ['项目', '金额', '备注'],
        ['一、基本支出合计说明行', '', ''],
        ['合计', '1.00', ''],
      ]),
    );
    expect(pieces[0].type === 'grid' && pieces[0].grid.rowCount).toBe(3);
  });
});

describe('column slices', () => {
  it('closes up columns no cell starts in (exporters split columns to match widths)', () => {
    const cells: Cell[] = [
      { r: 0, c: 0, rs: 1, cs: 1, text: '项目' },
      { r: 0, c: 1, rs: 1, cs: 2, text: '预算数' },
      { r: 0, c: 3, rs: 1, cs: 1, text: '决算数' },
      { r: 1, c: 0, rs: 1, cs: 1, text: '合计' },
      { r: 1, c: 1, rs: 1, cs: 2, text: '2.00' },
      { r: 1, c: 3, rs: 1, cs: 1, text: '1.00' },
    ];
    const [piece] = splitRegion({ cells, rowCount: 2, colCount: 4 });
    const grid = piece.type === 'grid' ? piece.grid : null;
    expect(grid?.colCount).toBe(3);
    expect(grid?.cells.map((c) => [c.c, c.cs])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });
});
