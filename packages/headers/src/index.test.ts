import { describe, expect, it } from 'vitest';
import type { DocumentModel, Grid } from '@govdocs/core';
import { alignTables } from './index.js';
import { makeGrid } from './fixtures/make-grid.js';

function doc(grids: Grid[]): DocumentModel {
  return {
    id: `sha256:${'b'.repeat(64)}`,
    source: { path: 'x.pdf', sha256: 'b'.repeat(64), bytes: 1, mediaType: 'application/pdf', url: null },
    pageCount: 2,
    script: 'simplified',
    clues: {},
    blocks: grids.map((grid) => ({ type: 'grid' as const, grid })),
  };
}

describe('alignTables', () => {
  it('reads a headerless continuation grid under the header of the table before it', () => {
    const first = makeGrid(
      `
      科目编码|科目名称|合计|基本支出|项目支出
      201|一般公共服务支出|3.00|2.00|1.00`,
      ['支出决算表', '金额单位：万元'],
    );
    const second = makeGrid(`
      20101|人大事务|3.00|2.00|1.00
      2010101|行政运行|3.00|2.00|`);
    const out = alignTables(doc([first, second])).value;
    expect(out.tables.map((t) => [t.kind, t.title, t.unit])).toEqual([
      ['expenditure', '支出决算表', 'ten_thousand_yuan'],
      ['expenditure', '支出决算表', 'ten_thousand_yuan'],
    ]);
    const cont = out.facts.filter((f) => f.tableId.endsWith('#2'));
    expect(cont.map((f) => `${(f.subject as { code: string }).code} ${f.measure} ${f.value} r${f.source.row}`)).toEqual(
      [
        '20101 total 30000 r0',
        '20101 basic 20000 r0',
        '20101 project 10000 r0',
        '2010101 total 30000 r1',
        '2010101 basic 20000 r1',
      ],
    );
    expect(out.tables[1].cells).toHaveLength(second.cells.length);
  });

  it('does not glue a headerless grid of another width to the table before it', () => {
    const first = makeGrid(
      `
      项目|金额
      合计|1.00`,
      ['部门收入总表'],
    );
    const second = makeGrid(`
      甲|本级|1.00|2.00`);
    const out = alignTables(doc([first, second]));
    expect(out.value.tables[1].kind).toBe('other');
    expect(out.diagnostics.some((d) => d.rule === 'parse.table')).toBe(true);
  });

  it('splits a code printed in the label cell', () => {
    const grid = makeGrid(
      `
      科目|合计|基本支出
      [2010301]行政运行|3.00|3.00
      301 工资福利支出|2.00|2.00
      30101-基本工资|1.00|1.00
      100万元以上设备|1.00|1.00`,
      ['一般公共预算支出表'],
    );
    const out = alignTables(doc([grid])).value;
    expect(out.facts.map((f) => f.subject)).toEqual([
      { scheme: 'function', code: '2010301', name: '行政运行' },
      { scheme: 'function', code: '2010301', name: '行政运行' },
      { scheme: 'economic', code: '301', name: '工资福利支出' },
      { scheme: 'economic', code: '301', name: '工资福利支出' },
      { scheme: 'economic', code: '30101', name: '基本工资' },
      { scheme: 'economic', code: '30101', name: '基本工资' },
      { label: '100万元以上设备' },
      { label: '100万元以上设备' },
    ]);
  });
});
