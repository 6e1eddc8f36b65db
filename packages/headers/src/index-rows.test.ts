/**
 * 栏次 rows (column numbers printed under the header: "栏次 | 1 | 2", "** | 1 | 2", "—— | 1 | 2",
 * 行次) are never facts, in any table and whatever its unit: in a 万元 table they would become
 * 10,000 / 20,000 yuan facts and false sum alarms.
 */
import { describe, expect, it } from 'vitest';
import { alignGrid } from './align.js';
import { makeGrid } from './fixtures/make-grid.js';

const ctx = { documentId: `sha256:${'b'.repeat(64)}`, tableId: `sha256:${'b'.repeat(64)}#1`, file: 't.txt' };
const align = (table: string, before: string[]) => alignGrid(makeGrid(table, before), ctx);
const values = (table: string, before: string[]) =>
  align(table, before).facts.map((f) => `${f.source.rowLabel} ${f.measure} ${f.value}`);

describe('栏次 rows give no facts', () => {
  it.each(['**', '——', '栏次', '行次', ''])('under a header, labelled %j, in a 万元 table', (mark) => {
    const got = values(
      `
      功能分类科目名称|合计|基本支出|项目支出
      ${mark}|1|2|3
      合计|10.00|4.00|6.00
      行政运行|10.00|4.00|6.00`,
      ['一般公共预算支出预算表', '单位：万元'],
    );
    expect(got).toEqual([
      '合计 total 100000',
      '合计 basic 40000',
      '合计 project 60000',
      '行政运行 total 100000',
      '行政运行 basic 40000',
      '行政运行 project 60000',
    ]);
  });

  it('an empty table keeps no 栏次 fact (本表无数据)', () => {
    const { facts } = align(
      `
      功能分类科目名称|项目支出
      **|1
      合计|`,
      ['国有资本经营预算支出预算表', '单位：万元'],
    );
    expect(facts).toEqual([]);
  });

  it('a 栏次 row repeated on a table continued over a page is not data', () => {
    const got = values(
      `
      项目|行次|金额
      栏次|**|1
      一、财政拨款收入|1|5.00
      项目|行次|金额
      栏次|**|1
      二、事业收入|2|3.00`,
      ['收入预算表', '单位：万元'],
    );
    expect(got).toEqual(['财政拨款收入 amount 50000', '事业收入 amount 30000']);
  });
});
