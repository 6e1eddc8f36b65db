import { describe, expect, it } from 'vitest';
import { validateDocument } from './index.js';
import { makeDocument, type GridSpec } from './fixtures/grid.js';

const run = (specs: GridSpec[]) => validateDocument(makeDocument(specs)).diagnostics;
const alarms = (specs: GridSpec[]) => run(specs).filter((d) => d.severity !== 'info' && !d.rule.startsWith('code.'));
const unchecked = (specs: GridSpec[]) => run(specs).filter((d) => d.rule === 'sum.unchecked');
const summary = (rows: string[][], measures = ['amount']): GridSpec => ({
  kind: 'summary',
  title: '部门收支总表',
  measures,
  rows,
});

describe('sum.lines takes a line and its sub-lines once', () => {
  const numbered = (yearTotal: string) =>
    summary([
      ['income:一、财政拨款', '100.00'],
      ['income:一般公共预算', '100.00'],
      ['income:政府性基金预算', '0.00'],
      ['income:二、其他收入', '20.00'],
      ['income:本年收入合计', yearTotal],
      ['income:上年结转结余', '5.00'],
      ['income:收入总计', '125.00'],
    ]);
  it('does not add an unnumbered line under a numbered one to its parent', () => {
    expect(alarms([numbered('120.00')])).toEqual([]);
  });
  it('still reports a year total that its numbered lines do not add up to', () => {
    const found = alarms([numbered('130.00')]);
    expect(found.map((d) => d.rule)).toContain('sum.lines');
    expect(found.find((d) => d.rule === 'sum.lines')).toMatchObject({ actual: 130, expected: 120 });
  });
  it("reads a numbering that starts again under a header total as that total's parts (一、本年支出 over 一、…二、…)", () => {
    const spec = (grand: string) =>
      summary([
        ['expenditure:一、本年支出', '100.00'],
        ['expenditure:一、一般公共服务支出', '70.00'],
        ['expenditure:二、社会保障和就业支出', '30.00'],
        ['expenditure:二、结转下年支出', '5.00'],
        ['expenditure:支出总计', grand],
      ]);
    expect(alarms([spec('105.00')])).toEqual([]);
    expect(alarms([spec('110.00')])).toMatchObject([{ rule: 'balance.carryover', actual: 110, expected: 105 }]);
  });
  it('reads a total printed above its parts (一、本年收入 over （一）…) and the grand total below', () => {
    const spec = (grand: string) =>
      summary([
        ['income:一、本年收入', '100.00'],
        ['income:（一）一般公共预算资金', '90.00'],
        ['income:（二）政府性基金预算资金', '10.00'],
        ['income:二、上年结转', '8.00'],
        ['income:（一）一般公共预算拨款', '8.00'],
        ['income:收入合计', grand],
      ]);
    expect(alarms([spec('108.00')])).toEqual([]);
    expect(alarms([spec('116.00')])).toMatchObject([{ rule: 'balance.carryover', actual: 116, expected: 108 }]);
  });
  it('does not add a 当年收入小计 to the lines above it', () => {
    const spec = summary([
      ['income:一、财政拨款', '17,981.68'],
      ['income:1.一般公共预算', '17,981.68'],
      ['income:三、其他资金', '15.00'],
      ['income:当年收入小计', '17,996.68'],
      ['income:收入合计', '17,996.68'],
    ]);
    expect(alarms([{ ...spec, unit: 'ten_thousand_yuan' }])).toEqual([]);
  });
});

describe('balance.carryover takes 上年结转结余 without its split', () => {
  const spec = (grand: string) =>
    summary([
      ['income:一般公共预算拨款收入', '100.00'],
      ['income:本年收入合计', '100.00'],
      ['income:上年结转结余', '30.00'],
      ['income:财政拨款结转结余', '20.00'],
      ['income:非财政拨款结转结余', '10.00'],
      ['income:收入总计', grand],
    ]);
  it('passes when 收入总计 = 本年收入合计 + 上年结转结余', () => {
    expect(alarms([spec('130.00')])).toEqual([]);
  });
  it('reports a grand total that fits no reading of the lines, naming the carry-over', () => {
    const found = alarms([spec('140.00')]);
    expect(found).toMatchObject([{ rule: 'balance.carryover', actual: 140, expected: 130 }]);
  });
});

describe('sum.unchecked where the parts cannot be told', () => {
  it('stays silent when expenditure is listed twice (by class and by kind) and fits neither list', () => {
    const spec = summary([
      ['201 一般公共服务支出', '120.00'],
      ['expenditure:基本支出', '100.00'],
      ['208 社会保障和就业支出', '30.00'],
      ['expenditure:项目支出', '50.00'],
      ['expenditure:本年支出合计', '170.00'],
    ]);
    expect(alarms([spec])).toEqual([]);
    expect(unchecked([spec])).toMatchObject([{ severity: 'info', message: expect.stringContaining('本年支出合计') }]);
  });
  it('stays silent on a 类 whose branch holds lines without a code', () => {
    const spec: GridSpec = {
      kind: 'general_budget_basic',
      measures: ['total'],
      rows: [
        ['e:301 工资福利支出', '300.00'],
        ['e:30101 基本工资', '100.00'],
        ['津贴补贴', '150.00'],
        ['e:30199 其他工资福利支出', '50.00'],
      ],
    };
    expect(alarms([spec])).toEqual([]);
    expect(unchecked([spec])[0]!.message).toContain('津贴补贴');
  });
  it('stays silent on a line that prints two different figures in columns read as one measure', () => {
    const made = makeDocument([
      {
        kind: 'three_public',
        measures: ['budget'],
        rows: [
          ['@total 合计', '150.00'],
          ['@overseas 因公出国（境）费', '10.00'],
          ['@vehicles 公务用车购置及运行维护费', '20.00'],
          ['@reception 公务接待费', '20.00'],
        ],
      },
    ]);
    // A second figure on the 合计 line, read as the same measure (合计 of 三公 + 会议费 and the 三公 小计).
    const first = made.facts.find((f) => f.source.row === 1)!;
    made.facts.push({ ...first, value: 50, source: { ...first.source, text: '50.00', col: 2 } });
    const found = validateDocument(made).diagnostics;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.find((d) => d.rule === 'sum.unchecked')!.message).toContain('150.00 and 50.00');
  });
  it('does not count a code printed without its class when the total says it is not counted', () => {
    const rows = [
      ['合计', '300.00'],
      ['210 卫生健康支出', '100.00'],
      ['21011 行政事业单位医疗', '100.00'],
      ['71102 事业单位医疗', '100.00'],
      ['221 住房保障支出', '200.00'],
      ['22102 住房改革支出', '200.00'],
    ];
    expect(alarms([{ kind: 'expenditure', measures: ['total'], rows }])).toEqual([]);
  });
  it('stays silent on a 三公 item with no line when other lines were not recognised', () => {
    const spec: GridSpec = {
      kind: 'three_public',
      measures: ['total'],
      rows: [
        ['行政经费', '444.39'],
        ['@total “三公”经费', '4.80'],
        ['@overseas 因公出国（境）支出', '0.00'],
        ['@vehicles 公务用车购置及运行维护支出', '2.50'],
        ['公务接待费支出', '2.30'],
      ],
    };
    expect(alarms([spec])).toEqual([]);
    expect(unchecked([spec])[0]!.message).toContain('公务接待费');
  });
});

describe('crosstable compares like with like', () => {
  const summaryTable = summary([
    ['income:一般公共预算拨款收入', '90.00'],
    ['income:其他收入', '10.00'],
    ['income:本年收入合计', '100.00'],
    ['income:上年结转结余', '5.00'],
    ['income:收入总计', '105.00'],
  ]);
  const income = (total: string, year: string): GridSpec => ({
    kind: 'income',
    title: '部门收入总表',
    measures: ['total', 'income', 'opening'],
    rows: [
      ['合计', total, year, '5.00'],
      ['201 一般公共服务支出', total, year, '5.00'],
    ],
  });
  it('compares a 收入总表 总计 (with 上年结转) with 收入总计, and its 本年收入 with 本年收入合计', () => {
    expect(alarms([summaryTable, income('105.00', '100.00')])).toEqual([]);
  });
  it('reports a 收入总表 whose 本年收入 disagrees with 本年收入合计', () => {
    const found = alarms([summaryTable, income('105.00', '98.00')]);
    expect(found.filter((d) => d.rule === 'crosstable.income_total')).toMatchObject([{ actual: 98, expected: 100 }]);
  });
});

describe('rounding follows the precision each column is printed with', () => {
  const spec = (total: string): GridSpec => ({
    kind: 'expenditure',
    measures: ['total'],
    rows: [
      ['合计', total],
      ['201 一般公共服务支出', '94,995,790'],
      ['20103 政府办公厅（室）及相关机构事务', '94,995,790'],
      ['2010301 行政运行', '50,000,000'],
      ['2010302 一般行政管理事务', '30,000,000'],
      ['2010350 事业运行', '14,995,789'],
    ],
  });
  it('accepts whole-yuan 项 rows that add up to their 款 within n × 0.5 yuan', () => {
    const made = spec('94,995,790');
    made.rows[5] = ['2010350 事业运行', '14,995,789'];
    expect(alarms([made])).toEqual([]);
  });
  it('reports a whole-yuan difference beyond the rounding and says what rounding allows', () => {
    const found = alarms([spec('94,995,800')]);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/whole yuan.*0\.50/);
  });
  it('is exact where the column prints fen', () => {
    const made = spec('94,995,790');
    made.rows = made.rows.map((r) => [r[0]!, `${r[1]}.00`]);
    expect(alarms([made]).length).toBeGreaterThan(0);
  });
});

describe('a subject printed on several lines of a detail table', () => {
  it('adds its columns line by line (预算03表: one line per function × economic code)', () => {
    const spec: GridSpec = {
      kind: 'expenditure',
      measures: ['total', 'basic', 'project'],
      rows: [
        ['2040203 机关服务', '125.12', '125.12', ''],
        ['2040203 机关服务', '54.30', '21.53', '32.77'],
        ['2040203 机关服务', '1.80', '1.80', ''],
      ],
    };
    expect(alarms([spec])).toEqual([]);
    spec.rows[1] = ['2040203 机关服务', '54.30', '21.53', '30.77'];
    expect(alarms([spec])).toMatchObject([{ rule: 'sum.columns', place: { row: 2 } }]);
  });
});

describe('codes outside the national classes', () => {
  it('leave a 合计 unchecked when its top rows are not national codes (a project number read as a code)', () => {
    const spec: GridSpec = {
      kind: 'expenditure',
      measures: ['total'],
      rows: [
        ['合计', '55,425.00'],
        ['95128 助老服务热线', '100.00'],
      ],
    };
    expect(alarms([spec])).toEqual([]);
    expect(unchecked([spec])[0]!.message).toContain('95128');
  });
});
