import { describe, expect, it } from 'vitest';
import { makeDocument, type GridSpec } from './fixtures/grid.js';
import { validateDocument } from './index.js';
import { alarms, expenditure, run, summary } from './fixtures/checks.js';

describe('seed 001 faults', () => {
  it('reports a 合计 wrong in two columns of the 收入决算表 once, and a wrong 人员经费 once', () => {
    const income: GridSpec = {
      kind: 'income',
      title: '收入决算表',
      code: '公开02表',
      measures: ['total', 'fiscal_appropriation'],
      rows: [
        ['合计', '5,566,280.53', '5,566,280.53'],
        ['201 一般公共服务支出', '5,196,228.44', '5,196,228.44'],
        ['20103 政府办公厅（室）及相关机构事务', '5,196,228.44', '5,196,228.44'],
        ['2010350 事业运行', '5,196,228.44', '5,196,228.44'],
        ['208 社会保障和就业支出', '360,052.09', '360,052.09'],
        ['20805 行政事业单位养老支出', '360,052.09', '360,052.09'],
        ['2080505 机关事业单位基本养老保险缴费支出', '360,052.09', '360,052.09'],
      ],
    };
    const summaryTable: GridSpec = {
      kind: 'summary',
      measures: ['amount'],
      rows: [
        ['income:一、一般公共预算财政拨款收入', '5,556,280.53'],
        ['201 一般公共服务支出', '5,196,228.44'],
        ['208 社会保障和就业支出', '360,052.09'],
        ['income:本年收入合计', '5,556,280.53'],
        ['expenditure:本年支出合计', '5,556,280.53'],
        ['income:总计', '5,556,280.53'],
        ['expenditure:总计', '5,556,280.53'],
      ],
    };
    const general: GridSpec = {
      kind: 'general_budget',
      code: '公开05表',
      measures: [
        'income.total',
        'income.basic',
        'income.project',
        'expenditure.total',
        'expenditure.basic',
        'expenditure.basic.personnel',
        'expenditure.basic.public',
        'expenditure.project',
      ],
      rows: [
        [
          '合计',
          '5,556,290.53',
          '4,231,146.10',
          '1,325,134.43',
          '5,556,290.53',
          '4,231,146.10',
          '1,149,493.28',
          '3,081,662.84',
          '1,325,134.43',
        ],
        [
          '201 一般公共服务支出',
          '5,196,228.44',
          '3,871,094.01',
          '1,325,134.43',
          '5,196,228.44',
          '3,871,094.01',
          '789,431.17',
          '3,081,662.84',
          '1,325,134.43',
        ],
        [
          '20103 政府办公厅（室）及相关机构事务',
          '5,196,228.44',
          '3,871,094.01',
          '1,325,134.43',
          '5,196,228.44',
          '3,871,094.01',
          '789,431.17',
          '3,081,662.84',
          '1,325,134.43',
        ],
        [
          '2010309 事业运行',
          '5,196,228.44',
          '3,871,094.01',
          '1,325,134.43',
          '5,196,228.44',
          '3,871,094.01',
          '789,431.17',
          '3,081,662.84',
          '1,325,134.43',
        ],
        ['208 社会保障和就业支出', '360,052.09', '360,052.09', '', '360,052.09', '360,052.09', '', '', ''],
        ['20805 行政事业单位养老支出', '360,052.09', '360,052.09', '', '360,052.09', '360,052.09', '', '', ''],
        [
          '2080505 机关事业单位基本养老保险缴费支出',
          '360,052.09',
          '360,052.09',
          '',
          '360,052.09',
          '360,052.09',
          '',
          '',
          '',
        ],
      ],
    };
    const found = run([summaryTable, income, general], 2022);
    const errors = found.filter((d) => d.severity === 'error');
    const byActual = (a: unknown[], b: unknown[]) => Number(a[1]) - Number(b[1]);
    expect(errors.map((d) => [d.tableId?.slice(-2), d.actual]).sort(byActual)).toEqual([
      ['#3', 1149493.28],
      ['#3', 5556290.53],
      ['#2', 5566280.53],
    ]);
    expect(errors.find((d) => d.actual === 5556290.53)).toMatchObject({
      expected: 5556280.53,
      place: { row: 1, col: 1 },
    });
    expect(errors.find((d) => d.actual === 1149493.28)).toMatchObject({
      expected: 1149483.26,
      place: { row: 1, col: 6 },
    });
    const codes = found.filter((d) => d.rule.startsWith('code.') && d.severity === 'warning');
    expect(codes).toMatchObject([{ rule: 'code.name', actual: '2010309', expected: '2010350', place: { row: 4 } }]);
  });
});

describe('sum.columns without a 基本支出 subtotal', () => {
  it('adds 人员经费 + 公用经费 + 项目支出 up to 合计', () => {
    const spec = (total: string): GridSpec => ({
      kind: 'general_budget',
      measures: ['total', 'basic.personnel', 'basic.public', 'project'],
      rows: [
        ['合计', total, '50.00', '30.00', '20.00'],
        ['201 一般公共服务支出', '100.00', '50.00', '30.00', '20.00'],
      ],
    });
    expect(alarms([spec('100.00')])).toEqual([]);
    expect(alarms([spec('101.00')])).toMatchObject([{ expected: 100, actual: 101 }]);
  });
});

describe('misread columns', () => {
  it('reports one info instead of an error per line when a column group fails on most lines', () => {
    // The third column is really 公用经费, misread as 项目支出: total ≠ basic + “project” everywhere.
    const rows = [
      ['合计', '300.00', '200.00', '60.00'],
      ['201 一般公共服务支出', '300.00', '200.00', '60.00'],
      ['20103 政府办公厅（室）及相关机构事务', '300.00', '200.00', '60.00'],
      ['2010350 事业运行', '300.00', '200.00', '60.00'],
    ];
    const found = run([expenditure(rows)]);
    expect(found.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(found).toMatchObject([{ rule: 'sum.unchecked', severity: 'info' }]);
  });
});

describe('tables with one section per unit', () => {
  it('do not sum the code hierarchy when codes repeat', () => {
    const rows = [
      ['合计', '30.00', '30.00', ''],
      ['201 一般公共服务支出', '10.00', '10.00', ''],
      ['2010301 行政运行', '10.00', '10.00', ''],
      ['201 一般公共服务支出', '20.00', '20.00', ''],
      ['2010350 事业运行', '20.00', '20.00', ''],
    ];
    expect(alarms([expenditure(rows)])).toEqual([]);
  });
});

describe('summary sub-lines printed without ordinals', () => {
  it('are taken as the breakdown of the line above them', () => {
    const spec = (personnel: string): GridSpec => ({
      kind: 'summary',
      measures: ['amount'],
      rows: [
        ['income:一般公共预算拨款收入', '100.00'],
        ['expenditure:基本支出', '80.00'],
        ['expenditure:人员经费', personnel],
        ['expenditure:公用经费', '30.00'],
        ['expenditure:项目支出', '20.00'],
        ['income:本年收入合计', '100.00'],
        ['expenditure:本年支出合计', '100.00'],
      ],
    });
    expect(alarms([spec('50.00')])).toEqual([]);
    expect(alarms([spec('55.00')]).length).toBeGreaterThan(0);
  });
});

describe('crosstable: 财政拨款收支总表 against the 一般公共预算 table', () => {
  const approp: GridSpec = {
    kind: 'appropriation_summary',
    measures: ['total', 'general_budget'],
    rows: [
      ['201 一般公共服务支出', '100.00', '100.00'],
      ['expenditure:本年支出合计', '100.00', '100.00'],
    ],
  };
  const general = (v: string): GridSpec => ({
    kind: 'general_budget',
    measures: ['expenditure.total'],
    rows: [
      ['合计', v],
      ['201 一般公共服务支出', v],
    ],
  });
  it('passes when the class lines and totals agree', () => {
    expect(alarms([approp, general('100.00')])).toEqual([]);
  });
  it('reports the general-budget table once when it disagrees', () => {
    const found = alarms([approp, general('120.00')]);
    expect(found).toHaveLength(1);
    expect(found[0]!.rule).toMatch(/^crosstable\.general_budget_/);
    expect(found[0]!.tableId).toMatch(/#2$/);
  });
});

describe('crosstable: income and class lines', () => {
  const summaryTable = summary('300.00', '300.00');
  const incomeTable = (v: string): GridSpec => ({
    kind: 'income',
    title: '收入决算表',
    measures: ['total', 'fiscal_appropriation'],
    rows: [
      ['合计', v, v],
      ['201 一般公共服务支出', v, v],
    ],
  });
  it('passes when the income table agrees with 本年收入合计', () => {
    expect(alarms([summaryTable, incomeTable('300.00')])).toEqual([]);
  });
  it('reports the income table when it disagrees (crosstable.income_total)', () => {
    const found = alarms([summaryTable, incomeTable('290.00')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'crosstable.income_total',
      tableId: expect.stringMatching(/#2$/),
      expected: 300,
      actual: 290,
    });
  });
  it('compares the summary class lines with the expenditure class rows (crosstable.expenditure_class)', () => {
    const exp = (cls: string): GridSpec => expenditure([['201 一般公共服务支出', cls, cls, '']]);
    expect(alarms([summaryTable, exp('300.00')])).toEqual([]);
    expect(alarms([summaryTable, exp('280.00')])).toMatchObject([
      { rule: 'crosstable.expenditure_class', actual: 280, expected: 300 },
    ]);
  });
});

describe('balance.carryover', () => {
  const spec = (grand: string): GridSpec => ({
    kind: 'summary',
    measures: ['amount'],
    rows: [
      ['income:一、财政拨款收入', '100.00'],
      ['income:本年收入合计', '100.00'],
      ['income:年初结转和结余', '20.00'],
      ['income:总计', grand],
    ],
  });
  it('passes when 总计 = 本年收入合计 + 年初结转和结余', () => {
    expect(alarms([spec('120.00')])).toEqual([]);
  });
  it('reports a 总计 that does not include the carry-over', () => {
    expect(alarms([spec('100.00')])).toMatchObject([{ rule: 'balance.carryover', expected: 120, actual: 100 }]);
  });
});

describe('a component column misread on every line where it is printed', () => {
  it('is reported once as unchecked, even when lines without it hold', () => {
    // “project” is really 公用经费: wherever it is printed, total ≠ basic + project.
    const rows = [
      ['合计', '400.00', '300.00', '60.00'],
      ['201 一般公共服务支出', '200.00', '100.00', '60.00'],
      ['20103 政府办公厅（室）及相关机构事务', '200.00', '100.00', '60.00'],
      ['2010350 事业运行', '200.00', '100.00', '60.00'],
      ['208 社会保障和就业支出', '100.00', '100.00', ''],
      ['20805 行政事业单位养老支出', '100.00', '100.00', ''],
      ['2080501 行政单位离退休', '50.00', '50.00', ''],
      ['2080502 事业单位离退休', '50.00', '50.00', ''],
      ['210 卫生健康支出', '100.00', '100.00', ''],
      ['21011 行政事业单位医疗', '100.00', '100.00', ''],
      ['2101101 行政单位医疗', '50.00', '50.00', ''],
      ['2101102 事业单位医疗', '50.00', '50.00', ''],
    ];
    const found = run([expenditure(rows)]);
    expect(found.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(found.filter((d) => d.rule === 'sum.unchecked')).toHaveLength(1);
  });
});

describe('columns that are not amounts', () => {
  it('rates and changes are left out of sums', () => {
    const spec: GridSpec = {
      kind: 'other',
      measures: ['budget', '增长率'],
      rows: [
        ['201 一般公共服务支出', '300.00', '12.50'],
        ['20103 政府办公厅（室）及相关机构事务', '300.00', '12.50'],
        ['2010350 事业运行', '200.00', '10.00'],
        ['2010301 行政运行', '100.00', '20.00'],
      ],
    };
    expect(alarms([spec])).toEqual([]);
  });
});

describe('tolerance follows the unit the figures were converted with', () => {
  it('judges a table whose unit line was missed by the scale of its facts', () => {
    const made = makeDocument([
      expenditure(
        [
          ['合计', '548.83', '548.83', ''],
          ['208 社会保障和就业支出', '23.97', '23.97', ''],
          ['213 农林水支出', '524.85', '524.85', ''],
        ],
        'ten_thousand_yuan',
      ),
    ]);
    const unitless = { ...made, tables: made.tables.map((t) => ({ ...t, unit: null })) };
    expect(validateDocument(unitless).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const yuanTable = makeDocument([
      expenditure([
        ['合计', '548.83', '548.83', ''],
        ['208 社会保障和就业支出', '23.97', '23.97', ''],
        ['213 农林水支出', '524.85', '524.85', ''],
      ]),
    ]);
    expect(validateDocument(yuanTable).diagnostics.filter((d) => d.severity !== 'info')).toHaveLength(1);
  });
});
