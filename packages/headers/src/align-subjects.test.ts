import { describe, expect, it } from 'vitest';
import { align, lines } from './fixtures/align-helpers.js';

describe('kind from the header structure when there is no title', () => {
  it.each([
    [
      'income',
      `科目编码|科目名称|本年收入合计|财政拨款收入|事业收入
      201|一般公共服务支出|3.00|3.00|`,
    ],
    [
      'expenditure',
      `科目编码|科目名称|本年支出合计|基本支出|项目支出
      201|一般公共服务支出|3.00|3.00|`,
    ],
    [
      'general_budget',
      `科目编码|科目名称|合计|基本支出||项目支出
      |||人员经费|公用经费|
      201|一般公共服务支出|3.00|2.00|1.00|`,
    ],
    [
      'general_budget_basic',
      `人员经费|||公用经费||
      科目编码|科目名称|金额|科目编码|科目名称|金额
      301|工资福利支出|2.00|302|商品和服务支出|1.00
      30101|基本工资|2.00|30201|办公费|1.00`,
    ],
    [
      'three_public',
      `合计|因公出国（境）费|公务接待费
      3.00|1.00|2.00`,
    ],
    [
      'other',
      `单位名称|单位性质
      某局|行政`,
    ],
  ])('%s', (kind, table) => expect(align(table).table.kind).toBe(kind));
});

describe('context rows inside the grid', () => {
  it('moves a title row and unit/department rows out of the data', () => {
    const { table, facts } = align(`
      收入支出决算总表||
      公开01表||
      部门：某县财政局||金额单位：元
      项目|行次|金额
      合计|1|3.00`);
    expect(table).toMatchObject({
      title: '收入支出决算总表',
      code: '公开01表',
      unit: 'yuan',
      department: '某县财政局',
    });
    expect(lines(facts)).toEqual([':合计 amount 3']);
  });
});

describe('unit and department cells among the header words', () => {
  it('reads them as context and keeps them out of the header paths', () => {
    const { table, facts } = align(
      `
      部门：某县教育局|||金额单位：万元
      项目|2023年预算数|2023年决算数|增减率
      合计|10.00|9.00|-10%`,
      ['“三公”经费支出情况表'],
    );
    expect(table).toMatchObject({ unit: 'ten_thousand_yuan', department: '某县教育局' });
    expect(facts.map((f) => [f.measure, f.value, f.unit])).toEqual([
      ['budget', 100000, 'yuan'],
      ['actual', 90000, 'yuan'],
      ['增减率', -10, 'percent'],
    ]);
  });
});

describe('subjects', () => {
  it('reads economic codes in 基本支出 tables, panel by panel', () => {
    const { table, facts } = align(
      `
      人员经费|||公用经费||
      科目编码|科目名称|金额|科目编码|科目名称|金额
      301|工资福利支出|204.88|302|商品和服务支出|109.87
      30101|基本工资||30201|办公费|19.46
      人员经费合计||204.88|公用经费合计||109.87`,
      ['一般公共预算财政拨款基本支出决算表', '单位：万元'],
    );
    expect(table.kind).toBe('general_budget_basic');
    expect(lines(facts)).toEqual([
      'economic:301 amount 2048800',
      'economic:302 amount 1098700',
      'economic:30201 amount 194600',
      ':人员经费合计 amount 2048800',
      ':公用经费合计 amount 1098700',
    ]);
  });

  it('names a code by the name printed next to it, not by another label column', () => {
    const { facts } = align(
      `
      项目名称|科目编码|科目名称|合计
      信息化运维经费|2010350|事业运行|10.00`,
      ['项目支出表'],
    );
    expect(facts[0].subject).toEqual({ scheme: 'function', code: '2010350', name: '事业运行' });
  });

  it('maps “三公” rows to items and strips ordinals', () => {
    const { facts } = align(
      `
      项目|预算数|决算数
      合计|80.29|76.09
      1.因公出国（境）费|0.00|0.00
      2.公务用车购置及运行维护费|79.23|75.09
      （1）公务用车购置费||
      （2）公务用车运行维护费|79.23|75.09
      3.公务接待费|1.06|1.00
      （1）国内接待费|1.06|1.00
      4.公务用车保有量（辆）||29`,
      ['“三公”经费支出决算表', '金额单位：万元'],
    );
    expect(lines(facts)).toEqual([
      'three_public.total budget 802900',
      'three_public.total actual 760900',
      'three_public.overseas budget 0',
      'three_public.overseas actual 0',
      'three_public.vehicles budget 792300',
      'three_public.vehicles actual 750900',
      'three_public.vehicles.operation budget 792300',
      'three_public.vehicles.operation actual 750900',
      'three_public.reception budget 10600',
      'three_public.reception actual 10000',
      ':国内接待费 budget 10600',
      ':国内接待费 actual 10000',
      ':公务用车保有量（辆） actual 29',
    ]);
    expect(facts.at(-1)?.unit).toBe('count');
  });

  it('reads one-row “三公” tables column by column with measure budget', () => {
    const { table, facts } = align(
      `
      合计|因公出国（境）费|公务用车购置及运行费|||公务接待费
      ||小计|公务用车购置费|公务用车运行费|
      68.87|0.00|64.92|10.86|54.06|3.95`,
      ['一般公共预算“三公”经费支出表', '金额单位：万元'],
    );
    expect(table.kind).toBe('three_public');
    expect(lines(facts)).toEqual([
      'three_public.total budget 688700',
      'three_public.overseas budget 0',
      'three_public.vehicles budget 649200',
      'three_public.vehicles.purchase budget 108600',
      'three_public.vehicles.operation budget 540600',
      'three_public.reception budget 39500',
    ]);
  });
});

describe('numbers and bad input', () => {
  it('skips blanks and dashes, reads 0.00 as 0, negatives, full-width digits and separators', () => {
    const { facts } = align(
      `
      项目|金额
      甲|1,234.50
      乙|—
      丙|0.00
      丁|（12.00）
      戊|１２３`,
      ['某某明细表', '金额单位：元'],
    );
    expect(lines(facts)).toEqual([':甲 amount 1234.5', ':丙 amount 0', ':丁 amount -12', ':戊 amount 123']);
  });

  it('reports a non-number in a value column with its place and reads the rest', () => {
    const { facts, diagnostics } = align(
      `
      科目编码|科目名称|合计|基本支出
      201|一般公共服务支出|1.00|abc`,
      ['部门支出总表'],
    );
    expect(lines(facts)).toEqual(['function:201 total 1']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      rule: 'parse.cell',
      severity: 'warning',
      stage: 'headers',
      place: { file: 't.txt', row: 1, col: 3, line: 11 },
    });
    const none = align(
      `
      科目编码|科目名称|合计
      201|一般公共服务支出|无`,
      ['部门支出总表'],
    );
    expect(none.diagnostics.map((d) => d.severity)).toEqual(['info']);
  });

  it('moves a header printed one column off its data, with a warning', () => {
    const { diagnostics, facts } = align(
      `
      科目编码|科目名称|本年支出||
      ||合计|基本支出|项目支出
      201||一般公共服务支出|3.00|2.00|1.00
      20101||人大事务|3.00|2.00|1.00`,
      ['一般公共预算支出表'],
    );
    expect(diagnostics.map((d) => d.rule)).toEqual(['parse.header']);
    expect(diagnostics[0].message).toMatch(/moved to fit/);
    expect(lines(facts).slice(0, 3)).toEqual([
      'function:201 total 3',
      'function:201 basic 2',
      'function:201 project 1',
    ]);
  });

  it('keeps a table it cannot align as other, with its cells and a parse issue', () => {
    const { table, facts, diagnostics } = align(
      `
      某单位|本级|185.49|134.49
      另一单位|本级|134.52|132.51`,
      ['收入决算表'],
    );
    expect(table.kind).toBe('other');
    expect(table.cells).toHaveLength(8);
    expect(facts).toHaveLength(0);
    expect(diagnostics[0]).toMatchObject({ rule: 'parse.table' });
    expect(diagnostics[0].message).toMatch(/header/);
  });
});
