/**
 * 绩效目标表 of real disclosures (../shared/real), after ingest → tables → headers. Counts were
 * checked against the text of the pages (`pdftotext -raw`: d11 prints 年度指标值 1,771 times, once
 * per indicator); spot checks were read off the page. Skipped when ../shared/real is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IndicatorRecordSchema, type IndicatorRecord } from '@govdocs/core';
import { ingest } from '@govdocs/ingest';
import { detectTables } from '@govdocs/tables';
import { alignTables } from '../index.js';

const real = new URL('../../../../../shared/real/docs/', import.meta.url).pathname;
const has = (name: string) => existsSync(real + name);

async function read(name: string) {
  const path = real + name;
  const doc = (await ingest({ path, bytes: new Uint8Array(readFileSync(path)) })).value!;
  const out = alignTables(detectTables(doc).value).value;
  for (const x of out.indicators) IndicatorRecordSchema.parse(x);
  return out;
}

const on = (list: IndicatorRecord[], page: number) => list.filter((x) => x.source.page === page);
const pick = (x: IndicatorRecord) => ({
  project: x.project,
  amount: x.amount,
  level1: x.level1,
  level2: x.level2,
  level3: x.level3,
  operator: x.operator,
  target: x.target,
  targetValue: x.targetValue,
  unit: x.unit,
  note: x.note,
  stage: x.stage,
});

describe.skipIf(!has('d11.pdf'))(
  'd11: 140 pages of 项目支出绩效目标表, indicators listed in one cell per project',
  () => {
    it('gives every indicator, as targets, with its project and funds', { timeout: 300_000 }, async () => {
      const { indicators, tables, facts } = await read('d11.pdf');
      expect(indicators).toHaveLength(1771);
      expect(new Set(indicators.map((x) => x.stage))).toEqual(new Set(['target']));
      expect(tables.every((t) => t.kind === 'performance_indicators')).toBe(true);
      expect(facts).toEqual([]);
      expect(new Set(indicators.map((x) => x.project)).size).toBeGreaterThan(200);

      const p70 = on(indicators, 70);
      expect(p70).toHaveLength(12);
      expect(pick(p70[6])).toEqual({
        project: '土壤与固体废物污染防治经费',
        amount: 1425700,
        level1: '产出指标',
        level2: '数量指标',
        level3: '现场辐射安全技术帮扶核技术利用单位数量',
        operator: '>=',
        target: '30',
        targetValue: 30,
        unit: '家',
        note: '实施周期指标值：≥60家',
        stage: 'target',
      });
      expect(pick(on(indicators, 1)[1])).toMatchObject({
        project: '广州市镇（街）园区环保监督检查员经费（越秀区）',
        amount: 2380000,
        level2: '质量指标',
        level3: '环境应急事件响应率',
        target: '100',
        targetValue: 100,
        unit: '%',
      });
    });
  },
);

describe.skipIf(!has('d08.pdf'))('d08: Beijing 项目支出绩效目标表 over 15 pages and 部门整体支出绩效目标表', () => {
  it('reads the table through its page breaks, with the project beside each indicator', {
    timeout: 300_000,
  }, async () => {
    const { indicators, tables } = await read('d08.pdf');
    expect(indicators).toHaveLength(451);
    expect(tables.filter((t) => t.kind === 'other').map((t) => t.title)).toEqual([]);
    expect(pick(on(indicators, 20).find((x) => x.level3 === '警犬防病医疗成本')!)).toEqual({
      project: '11000022T00000043 2024-警犬实训课程装备用具购置',
      amount: 1970390,
      level1: '成本指标',
      level2: '经济成本指标',
      level3: '警犬防病医疗成本',
      operator: '<=',
      target: '29.16',
      targetValue: 29.16,
      unit: '万元',
      note: null,
      stage: 'target',
    });
    // 部门整体: 活动 | 产出指标数量指标培训工作完成率 | ≥ | 95 | %
    expect(pick(on(indicators, 32)[0])).toMatchObject({
      project: '经常性业务费',
      level1: '产出指标',
      level2: '数量指标',
      level3: '培训工作完成率',
      operator: '>=',
      targetValue: 95,
      unit: '%',
    });
  });
});

describe.skipIf(!has('d09.pdf'))('d09: 重庆 部门整体绩效目标表 and 市级一般性项目绩效目标表', () => {
  it('names each indicator by its 指标名称 and keeps the printed weight', { timeout: 300_000 }, async () => {
    const { indicators } = await read('d09.pdf');
    expect(indicators).toHaveLength(21);
    expect(pick(on(indicators, 22)[0])).toMatchObject({
      project: null,
      level3: '市政府门户网站优化整改次数',
      operator: '>=',
      targetValue: 4,
      unit: '次',
      stage: 'target',
    });
    expect(on(indicators, 22)[0].weight).toBe(10);
    expect(on(indicators, 24).map((x) => [x.project, x.amount])).toContainEqual([
      '市政府办公厅业务及日常运行项目',
      85341700,
    ]);
  });
});
