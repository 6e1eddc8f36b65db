import { describe, expect, it } from 'vitest';
import type { GridSpec } from './fixtures/grid.js';
import { alarms, cleanExpenditure, expenditure, summary } from './fixtures/checks.js';

describe('sum.children', () => {
  it('passes when each parent is the sum of its children', () => {
    expect(alarms([expenditure(cleanExpenditure)])).toEqual([]);
  });
  it('reports the 项 row whose figure breaks both its row and its column, once', () => {
    const rows = cleanExpenditure.map((r) => [...r]);
    rows[4] = ['2010350 事业运行', '190.00', '80.00', '100.00'];
    const found = alarms([expenditure(rows)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'sum.columns',
      severity: 'error',
      expected: 180,
      actual: 190,
      place: { row: 5, col: 1 },
    });
    expect(found[0]!.message).toContain('2010350');
  });
  it('reports a 款 row that is not the sum of its 项 rows', () => {
    const rows = cleanExpenditure.map((r) => [...r]);
    rows[2] = ['20103 政府办公厅（室）及相关机构事务', '310.00', '200.00', '100.00'];
    const found = alarms([expenditure(rows)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.children', expected: 300, actual: 310, place: { row: 3, col: 1 } });
    expect(found[0]!.message).toContain('sum of its 项 rows');
  });
});

describe('sum.total_row', () => {
  it('reports a 合计 row that differs from the sum of its 类 rows, with both figures', () => {
    const rows = cleanExpenditure.map((r) => [...r]);
    rows[0] = ['合计', '9,300.00', '200.00', '100.00'];
    const found = alarms([expenditure(rows)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'sum.total_row',
      expected: 300,
      actual: 9300,
      place: { file: 'test/doc.txt', row: 1, col: 1, line: 2 },
    });
    expect(found[0]!.message).toContain('9,300.00');
    expect(found[0]!.message).toContain('300.00');
    expect(found[0]!.message).toContain('支出决算表');
  });
  it('checks 人员经费合计 and 公用经费合计 of a 基本支出 table against their classes', () => {
    const basic = (personnel: string): GridSpec => ({
      kind: 'general_budget_basic',
      measures: ['amount'],
      rows: [
        ['e:301 工资福利支出', '100.00'],
        ['e:30101 基本工资', '100.00'],
        ['e:303 对个人和家庭的补助', '20.00'],
        ['e:30305 生活补助', '20.00'],
        ['e:302 商品和服务支出', '50.00'],
        ['e:30201 办公费', '50.00'],
        ['人员经费合计', personnel],
        ['公用经费合计', '50.00'],
      ],
    });
    expect(alarms([basic('120.00')])).toEqual([]);
    expect(alarms([basic('121.00')])).toMatchObject([{ rule: 'sum.total_row', expected: 120, actual: 121 }]);
  });
});

describe('sum.columns', () => {
  it('reports a total column that is not basic + project', () => {
    const rows = [
      ['合计', '300.00', '200.00', '100.00'],
      ['201 一般公共服务支出', '300.00', '200.00', '100.00'],
      ['20103 政府办公厅（室）及相关机构事务', '300.00', '200.00', '100.00'],
      ['2010301 行政运行', '300.00', '200.00', '90.00'],
    ];
    const found = alarms([expenditure(rows)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ expected: 100, actual: 90, place: { row: 4, col: 3 } });
  });
  it('checks basic = personnel + public and blames the unsupported component', () => {
    const spec = (personnel: string): GridSpec => ({
      kind: 'general_budget',
      measures: [
        'expenditure.total',
        'expenditure.basic',
        'expenditure.basic.personnel',
        'expenditure.basic.public',
        'expenditure.project',
      ],
      rows: [
        ['合计', '400.00', '300.00', personnel, '100.00', '100.00'],
        ['201 一般公共服务支出', '300.00', '200.00', '100.00', '100.00', '100.00'],
        ['208 社会保障和就业支出', '100.00', '100.00', '', '', ''],
      ],
    });
    // 208 prints 基本支出 without its 人员/公用 split: unknown, not zero, so no alarm.
    expect(alarms([spec('200.00')])).toEqual([]);
    const found = alarms([spec('210.00')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'sum.columns', expected: 200, actual: 210, place: { row: 1, col: 3 } });
  });
  it('does not add up columns the vocabulary does not know, nor “其中” columns', () => {
    const income: GridSpec = {
      kind: 'income',
      measures: [
        'total',
        'fiscal_appropriation',
        'business_income',
        'business_income.education_fees',
        '用事业基金弥补收支差额',
      ],
      rows: [['合计', '150.00', '100.00', '20.00', '5.00', '30.00']],
    };
    expect(alarms([income])).toEqual([]);
  });
});

describe('sum.items (三公)', () => {
  const threePublic = (total: string, operation: string): GridSpec => ({
    kind: 'three_public',
    measures: ['budget', 'actual'],
    rows: [
      ['@total 合计', total, '76.09'],
      ['@overseas 因公出国（境）费', '0.00', '0.00'],
      ['@vehicles 公务用车购置及运行维护费', '79.23', '75.09'],
      ['@vehicles.purchase 公务用车购置费', '', ''],
      ['@vehicles.operation 公务用车运行维护费', operation, '75.09'],
      ['@reception 公务接待费', '1.06', '1.00'],
    ],
  });
  it('passes when total = overseas + vehicles + reception and vehicles = purchase + operation', () => {
    expect(alarms([threePublic('80.29', '79.23')])).toEqual([]);
  });
  it('reports a wrong 三公 total and a wrong vehicle split', () => {
    expect(alarms([threePublic('81.29', '79.23')])).toMatchObject([
      { rule: 'sum.items', expected: 80.29, actual: 81.29 },
    ]);
    expect(alarms([threePublic('80.29', '78.23')])).toMatchObject([
      { rule: 'sum.items', expected: 79.23, actual: 78.23 },
    ]);
  });
});

describe('summary tables', () => {
  it('pass when lines add up and both sides balance', () => {
    expect(alarms([summary('300.00', '300.00')])).toEqual([]);
  });
  it('report a 本年收入合计 that is not the sum of the income lines', () => {
    const found = alarms([summary('310.00', '310.00', '310.00')]);
    expect(found.map((d) => d.rule)).toContain('sum.lines');
  });
  it('report unbalanced 总计 (balance family)', () => {
    const found = alarms([summary('300.00', '300.00', '301.00')]);
    expect(found).toHaveLength(1);
    expect(found[0]!.rule).toMatch(/^balance\./);
    expect(found[0]).toMatchObject({ expected: 300, actual: 301 });
  });
});

describe('crosstable', () => {
  it('names the table that disagrees with the summary', () => {
    const rows = cleanExpenditure.map((r) => [...r]);
    const found = alarms([
      summary('300.00', '300.00'),
      {
        ...expenditure(rows),
        rows: rows.slice(0, 2).concat([['20103 政府办公厅（室）及相关机构事务', '300.00', '200.00', '100.00']]),
      },
    ]);
    expect(found).toEqual([]);
    const wrong = expenditure([
      ['合计', '330.00', '', ''],
      ['208 社会保障和就业支出', '330.00', '', ''],
    ]);
    const diags = alarms([summary('300.00', '300.00'), wrong]);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      rule: 'crosstable.expenditure_total',
      tableId: expect.stringMatching(/#2$/),
      actual: 330,
      expected: 300,
    });
    expect(diags[0]!.message).toContain('收入支出决算总表');
  });
  it('compares 人员经费合计 of the basic table with the general-budget 合计 row', () => {
    const general = (personnel: string): GridSpec => ({
      kind: 'general_budget',
      measures: ['expenditure.total', 'expenditure.basic', 'expenditure.basic.personnel', 'expenditure.basic.public'],
      rows: [['合计', '150.00', '150.00', personnel, '50.00']],
    });
    const basic: GridSpec = {
      kind: 'general_budget_basic',
      measures: ['amount'],
      rows: [
        ['人员经费合计', '100.00'],
        ['公用经费合计', '50.00'],
      ],
    };
    expect(alarms([general('100.00'), basic])).toEqual([]);
    const found = alarms(
      [
        general('100.10'),
        {
          ...basic,
          rows: [
            ['人员经费合计', '100.10'],
            ['公用经费合计', '50.00'],
          ],
        },
      ].reverse(),
    );
    expect(found).toHaveLength(1);
  });
});

describe('万元 tolerance', () => {
  const rows = (total: string) => [
    ['合计', total, '503.72', '45.10'],
    ['208 社会保障和就业支出', '23.97', '23.97', ''],
    ['20805 行政事业单位养老支出', '23.97', '23.97', ''],
    ['2080501 行政单位离退休', '23.97', '23.97', ''],
    ['213 农林水支出', '524.85', '479.75', '45.10'],
    ['21303 水利', '524.85', '479.75', '45.10'],
    ['2130301 行政运行', '121.24', '76.14', '45.10'],
    ['2130302 一般行政管理事务', '403.62', '403.62', ''],
  ];
  it('accepts sums within (n+1) × 50 yuan', () => {
    expect(alarms([expenditure(rows('548.83'), 'ten_thousand_yuan')])).toEqual([]);
  });
  it('reports a difference beyond the rounding', () => {
    expect(alarms([expenditure(rows('549.82'), 'ten_thousand_yuan')])).toMatchObject([
      { rule: 'sum.total_row', actual: 5498200, expected: 5488200 },
    ]);
  });
  it('is exact to the fen in 元 tables', () => {
    const yuanRows = [
      ['合计', '100.01', '100.00', ''],
      ['201 一般公共服务支出', '100.00', '100.00', ''],
    ];
    expect(alarms([expenditure(yuanRows)])).toHaveLength(1);
  });
});
