/**
 * Facts only where there is money: a table that is not a recognised fiscal table gives facts only
 * from columns whose header says money; identifiers, phone numbers and dates never give facts.
 */
import { describe, expect, it } from 'vitest';
import { alignGrid } from './align.js';
import { makeGrid } from './fixtures/make-grid.js';

const ctx = { documentId: `sha256:${'c'.repeat(64)}`, tableId: `sha256:${'c'.repeat(64)}#1`, file: 't.html' };
const align = (table: string, before: string[] = []) => alignGrid(makeGrid(table, before), ctx);
const lines = (table: string, before: string[] = []) =>
  align(table, before).facts.map((f) => `${f.source.rowLabel} ${f.measure} ${f.value} ${f.unit}`);

describe('tables that are not fiscal tables', () => {
  it('a list of notices gives no facts from its 编号 or 日期 columns', () => {
    const { table, facts } = align(`
      标题|编号|发布日期
      关于2026年部门预算公开的通知|20251125016|20251125
      关于2025年部门决算公开的通知|20250827004|20250827`);
    expect(table.kind).toBe('other');
    expect(facts).toEqual([]);
    expect(table.columns.every((c) => c.measure === null)).toBe(true);
  });

  it('a contact table gives no facts from its 电话 column', () => {
    expect(
      lines(`
      单位|电话
      市委宣传部|8988066
      市财政局|8581619`),
    ).toEqual([]);
  });

  it('a column without any header gives no facts', () => {
    expect(
      lines(`
      项目|
      1783-教师业务培训费|50`),
    ).toEqual([]);
  });

  it('a table of scores alone gives no facts', () => {
    expect(
      lines(`
      项目名称|自评分数
      质量抽检和试验检测管理|100
      聘请专家人员经费|96.53`),
    ).toEqual([]);
  });

  it('a money table that is not a fiscal table gives its figures, in its unit; its counts and scores stay counts', () => {
    expect(
      lines(
        `
      采购项目|数量|预算金额|自评分数
      办公设备|3|12.50|95`,
        ['政府采购预算表', '单位：万元'],
      ),
    ).toEqual(['办公设备 quantity 3 count', '办公设备 budget 125000 yuan', '办公设备 自评分数 95 count']);
    expect(
      lines(`
      项目|预算数（单位：万元）
      云客服服务外包项目|252.28`),
    ).toEqual(['云客服服务外包项目 budget 2522800 yuan']);
  });
});

describe('fiscal tables', () => {
  it('an identifier column of a recognised table gives no facts; its money columns do', () => {
    const { table, facts } = align(
      `
      项目名称|项目编号|合计|基本支出|项目支出
      办公楼维修|20240017|5.00||5.00`,
      ['项目支出表', '单位：元'],
    );
    expect(table.kind).not.toBe('other');
    expect(facts.map((f) => `${f.measure} ${f.value}`)).toEqual(['total 5', 'project 5']);
  });
});
