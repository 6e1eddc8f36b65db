/** Statements from single sentences taken from the real disclosures of ../shared/real. */
import { describe, expect, it } from 'vitest';
import { extractDrafts, type Draft } from './extract.js';
import { toSentences } from './sentences.js';
import { fenToYuanNumber, moneyMentions, precisionYuan } from './figures.js';
import { resolveFunction } from './subjects.js';

function read(text: string, fiscalYear = 2024, finalAccount = false): Draft[] {
  return extractDrafts(toSentences(text.split('\n').map((t, i) => ({ text: t, line: i + 1 }))), {
    fiscalYear,
    finalAccount,
    basis: finalAccount ? 'actual' : 'budget',
  });
}

const brief = (d: Draft) => ({
  topic: d.topic,
  yuan: fenToYuanNumber(d.money.fen),
  printed: d.money.printed,
  change: d.change && {
    against: d.change.against,
    direction: d.change.direction,
    yuan: d.change.fen === null ? null : fenToYuanNumber(d.change.fen),
    percent: d.change.percent,
  },
});

describe('figures', () => {
  it('reads 万元, 元 and 亿元 exactly, with the printed precision', () => {
    const [a, b, c, d] = moneyMentions('938.99万元、9,389,939.00元、25万元和1.2亿元');
    expect([a, b, c, d].map((m) => fenToYuanNumber(m!.fen))).toEqual([9389900, 9389939, 250000, 120000000]);
    expect([a, b, c, d].map((m) => precisionYuan(m!))).toEqual([100, 0.01, 10000, 10000000]);
  });
});

describe('totals (d01 p6, d03 p17, d16 p19)', () => {
  it('tells income, 财政拨款 and the other sources apart, and the change that follows', () => {
    const [total, fiscal, business] = read(
      '2024年，上海市普陀区人民政府万里街道办事处收入预算15621.11万元，其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元；事业收入0.00万元。',
    );
    expect(brief(total!)).toMatchObject({ topic: 'income.total', yuan: 156211100, change: null });
    expect(brief(fiscal!)).toMatchObject({
      topic: 'income.fiscal_appropriation',
      change: { against: '2023年预算', direction: 'decrease', yuan: -8767500, percent: null },
    });
    expect(business!.topic).toBe('other');
  });

  it('reads 本年支出合计, 基本支出 and 项目支出, ignoring shares', () => {
    const drafts = read(
      '本年支出合计 307.82 万元，其中：基本支出 105.58 万元，占34.30%；项目支出 202.24 万元，占 65.70%。',
    );
    expect(drafts.map((d) => [d.topic, d.money.printed, d.change])).toEqual([
      ['expenditure.total', '307.82万元', null],
      ['expenditure.basic', '105.58万元', null],
      ['expenditure.project', '202.24万元', null],
    ]);
  });

  it('takes 收、支总计 as the income total, with amount and percentage of its change', () => {
    const [d] = read(
      '国家信访局 2024 年度收、支总计 22066.59 万元，与 2023 年相比，收、支总计各增加 5834.37 万元，增长 35.74%。',
    );
    expect(brief(d!)).toEqual({
      topic: 'income.total',
      yuan: 220665900,
      printed: '22066.59万元',
      change: { against: '2023年', direction: 'increase', yuan: 58343700, percent: 35.74 },
    });
  });
});

describe('类/款/项 named in words (d01 p6, d16 p17)', () => {
  it('resolves the line to its code, and folds the previous year into the change', () => {
    const drafts = read(
      '1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。',
    );
    expect(drafts).toHaveLength(1);
    const d = drafts[0]!;
    expect(resolveFunction(d.names!, new Map(), 2024)).toEqual({
      scheme: 'function',
      code: '2010507',
      name: '专项普查活动',
    });
    expect(brief(d)).toMatchObject({
      topic: 'function',
      yuan: 257700,
      change: { against: '2023年当年预算执行数', direction: 'decrease', yuan: -343600, percent: -57.14 },
    });
    expect(d.purpose).toBe('主要用于专项普查活动');
    expect(d.reason).toBe('项目调整');
  });

  it('reads a 类 named with （类） after its name and a list of 类 by name', () => {
    const [d] = read(
      '2.教育（类）支出 180.03 万元，主要用于国家信访局及所属单位开支的教育培训支出，比 2023 年度决算数增加 47.92 万元，增长 36.27%。',
      2024,
      true,
    );
    expect(resolveFunction(d!.names!, new Map(), 2024).code).toBe('205');
    expect(d!.change).toMatchObject({ against: '2023年度决算数', direction: 'increase', percent: 36.27 });
    const list = read(
      '按功能分类支出划分为一般公共服务支出 10685.56 万元，占比73.33%；教育支出 180.03 万元，占比 1.24%。',
    );
    expect(list.map((x) => [x.topic, x.names])).toEqual([
      ['function', ['一般公共服务支出']],
      ['function', ['教育支出']],
    ]);
  });

  it('keeps a final account’s budget figure out of the statements, as what the actual is compared with', () => {
    const drafts = read(
      '一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。',
      2024,
      true,
    );
    expect(drafts.map(brief)).toEqual([
      {
        topic: 'general_budget',
        yuan: 3078200,
        printed: '307.82万元',
        change: { against: '一般公共预算财政拨款支出年初预算', direction: 'increase', yuan: 3078200, percent: null },
      },
    ]);
  });
});

describe('三公 items and 持平 (d01 p32)', () => {
  it('reads each item and the flat comparisons', () => {
    const drafts = read(
      '（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元，主要原因是购置公务用车。其中：公务用车购置费25万元，比2023年预算增加25万元，主要原因是购置公务用车；公务用车运行费21.56万元，比2023年预算持平，主要原因是公务车用车运行费保持不变。\n（三）公务接待费1.35万元。比2023年预算持平，主要原因是公务接待费保持不变。',
    );
    expect(drafts.map((d) => [d.topic, d.money.printed, d.change?.direction ?? null])).toEqual([
      ['three_public.vehicles', '46.56万元', 'increase'],
      ['three_public.vehicle_purchase', '25万元', 'increase'],
      ['three_public.vehicle_operation', '21.56万元', 'flat'],
      ['three_public.reception', '1.35万元', 'flat'],
    ]);
    expect(drafts[3]!.reason).toBe('公务接待费保持不变');
    expect(precisionYuan(drafts[1]!.money)).toBe(10000);
  });
});

describe('what is not a stated figure', () => {
  it('skips thresholds and table rows read as text', () => {
    expect(read('部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。')).toEqual([]);
    expect(read('成本指标每本刊物印刷成本≤1.4元1.4元20 20')).toEqual([]);
  });

  it('keeps 万元 and 元 apart: 1.35元 is a hundredth of a 万元 figure', () => {
    const [d] = read('（三）公务接待费1.35元，比2023年预算持平。');
    expect(fenToYuanNumber(d!.money.fen)).toBe(1.35);
    expect(precisionYuan(d!.money)).toBe(0.01);
  });
});
