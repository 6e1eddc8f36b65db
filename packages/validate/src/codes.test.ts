import { describe, expect, it } from 'vitest';
import { validateDocument } from './index.js';
import { nationalName, matchName, isKnownCode } from './classification.js';
import { makeDocument, type GridSpec } from './fixtures/grid.js';

const income = (rows: string[][]): GridSpec => ({ kind: 'income', title: '收入决算表', measures: ['total'], rows });
const codeFindings = (rows: string[][], year = 2023) =>
  validateDocument(makeDocument([income(rows)], year)).diagnostics.filter((d) => d.rule.startsWith('code.'));

describe('national classification', () => {
  it('names codes by year where the name changed', () => {
    expect(nationalName('function', '20805', 2018)).toBe('行政事业单位离退休');
    expect(nationalName('function', '20805', 2023)).toBe('行政事业单位养老支出');
    expect(nationalName('function', '210', 2017)).toBe('医疗卫生与计划生育支出');
    expect(nationalName('function', '2010350')).toBe('事业运行');
    expect(nationalName('economic', '30217')).toBe('公务接待费');
    expect(nationalName('function', '2010309')).toBe('参事事务');
    expect(nationalName('function', '2010397')).toBeUndefined();
  });
  it('tells current, outdated and different names apart', () => {
    expect(matchName('function', '20805', '行政事业单位养老支出', 2023)).toBe('current');
    expect(matchName('function', '20805', '行政事业单位离退休支出', 2023)).toBe('outdated');
    expect(matchName('function', '201', '一般公共预算支出', 2023)).toBe('different');
    expect(matchName('economic', '30303', '退职(役)费', 2023)).toBe('current');
    expect(isKnownCode('function', '21011')).toBe(true);
  });
});

const clean = [
  ['201 一般公共服务支出', '10.00'],
  ['20103 政府办公厅（室）及相关机构事务', '10.00'],
  ['2010350 事业运行', '10.00'],
];

describe('code checks', () => {
  it('are silent on national codes with their national names', () => {
    expect(codeFindings(clean)).toEqual([]);
  });
  it('warn about a misprinted code whose name belongs to a sibling (2010309 事业运行)', () => {
    const rows = clean.map((r) => [...r]);
    rows[2] = ['2010309 事业运行', '10.00'];
    expect(codeFindings(rows)).toMatchObject([
      { rule: 'code.name', severity: 'warning', expected: '2010350', actual: '2010309', place: { row: 3, col: 0 } },
    ]);
  });
  it('warn about a known code printed with another name', () => {
    const rows = clean.map((r) => [...r]);
    rows[0] = ['201 一般公共预算支出', '10.00'];
    expect(codeFindings(rows)).toMatchObject([
      { rule: 'code.name', severity: 'warning', expected: '一般公共服务支出' },
    ]);
  });
  it('note a former name as info only', () => {
    const rows = [
      ['208 社会保障和就业支出', '5.00'],
      ['20805 行政事业单位离退休', '5.00'],
      ['2080501 行政单位离退休', '5.00'],
    ];
    expect(codeFindings(rows, 2023)).toMatchObject([{ rule: 'code.outdated', severity: 'info' }]);
    expect(codeFindings(rows, 2018)).toEqual([]);
  });
  it('give info for a code not in the list', () => {
    const rows = [
      ['213 农林水支出', '5.00'],
      ['21301 农业农村', '5.00'],
      ['2130177 某地方项目', '5.00'],
    ];
    expect(codeFindings(rows)).toMatchObject([{ rule: 'code.unknown', severity: 'info', actual: '2130177' }]);
  });
  it('use the document itself: a name printed with another code in a sibling table', () => {
    const a = income([
      ['213 农林水支出', '5.00'],
      ['21301 农业农村', '5.00'],
      ['2130188 某专项', '5.00'],
    ]);
    const b: GridSpec = {
      kind: 'expenditure',
      measures: ['total'],
      rows: [
        ['213 农林水支出', '5.00'],
        ['21301 农业农村', '5.00'],
        ['2130177 某专项', '5.00'],
      ],
    };
    const c: GridSpec = { ...b, kind: 'general_budget' };
    const found = validateDocument(makeDocument([a, b, c])).diagnostics.filter((d) => d.severity === 'warning');
    expect(found).toMatchObject([
      { rule: 'code.name', actual: '2130188', expected: '2130177', tableId: expect.stringMatching(/#1$/) },
    ]);
  });
  it('warn about a 项 listed without its 款 when the table lists 款 rows', () => {
    const rows = [
      ['201 一般公共服务支出', '20.00'],
      ['20103 政府办公厅（室）及相关机构事务', '10.00'],
      ['2010350 事业运行', '10.00'],
      ['2010101 行政运行', '10.00'],
    ];
    const found = codeFindings(rows).filter((d) => d.rule === 'code.hierarchy');
    expect(found).toMatchObject([{ severity: 'warning', expected: '20101', actual: '2010101' }]);
    expect(codeFindings(clean).filter((d) => d.rule === 'code.hierarchy')).toEqual([]);
  });
});

describe('code names before 2019', () => {
  it('are only noted when govdocs does not know the name', () => {
    const rows = [
      ['207 文化体育与传媒支出', '5.00'],
      ['20701 某旧款名称', '5.00'],
    ];
    const found = codeFindings(rows, 2017).filter((d) => d.rule === 'code.name');
    expect(found).toMatchObject([{ severity: 'info' }]);
    expect(codeFindings(rows, 2023).filter((d) => d.rule === 'code.name')).toMatchObject([
      { severity: 'warning', actual: '某旧款名称' },
    ]);
  });
});

describe('lines every 款 has', () => {
  const rows = (line: string) => [
    ['220 自然资源海洋气象等支出', '5.00'],
    ['22005 气象事务', '5.00'],
    [line, '5.00'],
  ];
  it('are national under a listed 款, listed or not (行政运行, 事业运行, 其他…支出)', () => {
    for (const line of [
      '2200501 行政运行',
      '2200550 事业运行',
      '2200599 其他气象事务支出',
      '2200502 一般行政管理事务',
    ]) {
      expect(codeFindings(rows(line)).filter((d) => d.rule === 'code.unknown')).toEqual([]);
    }
  });
  it('are still unknown with another name, or on another line', () => {
    expect(codeFindings(rows('2200501 气象预报'))).toMatchObject([{ rule: 'code.unknown', actual: '2200501' }]);
    expect(codeFindings(rows('2200504 气象服务'))).toMatchObject([{ rule: 'code.unknown', actual: '2200504' }]);
  });
  it('include the lines real disclosures printed as unknown before', () => {
    for (const code of ['2040604', '2010607', '2010608', '2014004', '2013901', '50201', '30312']) {
      expect(
        isKnownCode(
          (code.length === 5 && code.startsWith('5')) || code.startsWith('3') ? 'economic' : 'function',
          code,
        ),
      ).toBe(true);
    }
  });
});
