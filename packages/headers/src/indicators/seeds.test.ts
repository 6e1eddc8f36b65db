/**
 * Indicator spot checks against the real seed documents: values read by eye from the text,
 * checked after ingest → tables → headers. Skipped when ../shared/seeds is not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndicatorRecordSchema, type IndicatorRecord } from '@govdocs/core';
import { ingest } from '@govdocs/ingest';
import { detectTables } from '@govdocs/tables';
import { alignTables } from '../index.js';

const seeds = new URL('../../../../../shared/seeds/', import.meta.url).pathname;
const seedFile = (prefix: string) =>
  existsSync(seeds) ? readdirSync(seeds).find((f) => f.startsWith(prefix)) : undefined;

async function indicatorsOf(prefix: string) {
  const path = join(seeds, seedFile(prefix)!);
  const doc = (await ingest({ path, bytes: new Uint8Array(readFileSync(path)) })).value!;
  const out = alignTables(detectTables(doc).value).value;
  for (const x of out.indicators) IndicatorRecordSchema.parse(x);
  return out;
}

function pick(list: IndicatorRecord[], level3: string): IndicatorRecord {
  const found = list.filter((x) => x.level3 === level3);
  expect(found.length, `indicator ${level3}`).toBeGreaterThan(0);
  return found[0];
}

const fields = (x: IndicatorRecord) => ({
  project: x.project,
  level1: x.level1,
  level2: x.level2,
  operator: x.operator,
  target: x.target,
  targetValue: x.targetValue,
  unit: x.unit,
  actual: x.actual,
  weight: x.weight,
  score: x.score,
});

describe.skipIf(!seedFile('002_'))('seed 002 (峨边, cell per line, 目标指标/目标值/业绩指标)', () => {
  it('reads both project tables of the grid with their names', async () => {
    const { indicators } = await indicatorsOf('002_');
    const projects = [...new Set(indicators.map((x) => x.project))];
    expect(projects).toEqual(['2023年县级衔接资金“两不愁三保障”及乡村建设治理临时补短项目', '重点工作保障推进经费']);
    expect(fields(pick(indicators, '帮扶对象'))).toEqual({
      project: projects[0],
      level1: '产出指标',
      level2: '数量指标',
      operator: '>=',
      target: '30',
      targetValue: 30,
      unit: '人次',
      actual: '100%',
      weight: null,
      score: null,
    });
    const rate = indicators.filter((x) => x.level3 === '预算执行率');
    expect(rate.map((x) => [x.project, x.level1, x.level2, x.operator, x.targetValue])).toEqual([
      [projects[0], '投入与管理', '投入管理', '=', 100],
      [projects[1], '投入与管理', '投入管理', '=', 100],
    ]);
    expect(fields(pick(indicators, '保证政府常务会议和各类重要会议的顺利召开'))).toMatchObject({
      targetValue: 850,
      unit: '场次',
    });
    expect(pick(indicators, '合同管理完备性')).toMatchObject({ level2: '实施管理', operator: null, target: '完备' });
    // 资产管理 and 质量指标 rows name a level with nothing under it: no indicator.
    expect(indicators.some((x) => x.level3 === '资产管理' || x.level3 === '质量指标')).toBe(false);
  });
});

describe.skipIf(!seedFile('003_'))('seed 003 (新乐, 绩效目标表 with 符号 | 值 | 单位 sub-columns)', () => {
  it('reads the project indicator tables', async () => {
    const { indicators } = await indicatorsOf('003_');
    expect(fields(pick(indicators, '专业设备购置数量（台/件/辆/套）'))).toEqual({
      project: '电子政府系统网络安全改造',
      level1: '产出指标',
      level2: '数量指标',
      operator: '>=',
      target: '6',
      targetValue: 6,
      unit: '个',
      actual: null,
      weight: null,
      score: null,
    });
    expect(fields(pick(indicators, '采购总成本控制率（%）'))).toMatchObject({
      level2: '成本指标',
      operator: '<=',
      targetValue: 100,
      unit: '百分比',
    });
    expect(fields(pick(indicators, '制作宣传品数量'))).toMatchObject({
      project: '大气办工作经费',
      operator: '>=',
      targetValue: 60000,
      unit: '份',
    });
    expect(fields(pick(indicators, '空气质量指标'))).toMatchObject({
      level1: '效果指标',
      operator: null,
      target: '变好',
      unit: null,
    });
  });
});

describe.skipIf(!seedFile('004_'))('seed 004 (浏阳, 部门整体支出绩效自评表, weights in the names)', () => {
  it('reads every indicator row, weights from the names, the shifted row and the rows after the blank line', async () => {
    const out = await indicatorsOf('004_');
    const { indicators } = out;
    expect(indicators).toHaveLength(20);
    expect(new Set(indicators.map((x) => x.project))).toEqual(new Set([null]));
    expect(fields(pick(indicators, '组织开展督查暗访'))).toEqual({
      project: null,
      level1: '产出指标',
      level2: '数量指标',
      operator: '>=',
      target: '50',
      targetValue: 50,
      unit: '次',
      actual: '60',
      weight: 3,
      score: 3,
    });
    expect(fields(pick(indicators, '资金使用合规性'))).toMatchObject({
      level1: '产出指标',
      level2: '成本指标',
      target: '合规',
      weight: 6,
      score: 6,
    });
    expect(fields(pick(indicators, '建议提案办理满意率'))).toMatchObject({
      level1: '效益指标',
      operator: '>=',
      targetValue: 90,
      unit: '%',
      actual: '94.9%',
      weight: 10,
      score: 10,
    });
    expect(pick(indicators, '预算执行管理')).toMatchObject({ level1: '投入管理指标', weight: 4, score: 3 });
    expect(indicators.reduce((sum, x) => sum + (x.score ?? 0), 0)).toBe(99);
    expect(out.tables.map((t) => t.kind)).toEqual(['performance_indicators', 'performance_indicators']);
  });
});

describe.skipIf(!seedFile('001_'))('seed 001 (新平, two-row headers)', () => {
  it('reads the 部门整体 table and the project tables with 实际完成值, 分值 and 得分', async () => {
    const { indicators } = await indicatorsOf('001_');
    expect(fields(pick(indicators, '上报政务信息数量'))).toMatchObject({
      project: null,
      operator: '>=',
      targetValue: 450,
      unit: '篇',
      actual: '完成450篇以上',
    });
    expect(fields(pick(indicators, '使用人员满意度'))).toEqual({
      project: '周转用房维修及门禁系统建设项目经费',
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      operator: '=',
      target: '90',
      targetValue: 90,
      unit: '%',
      actual: '完成90%以上',
      weight: 10,
      score: 9,
    });
  });
});
