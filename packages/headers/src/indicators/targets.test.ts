/**
 * 绩效目标表 layouts on small grids: the project and its funds beside the indicator grid, a table
 * cut by page breaks, one name column, levels run together, indicators listed as text.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentModel, Grid, IndicatorRecord } from '@govdocs/core';
import { IndicatorRecordSchema } from '@govdocs/core';
import { indicatorLine } from '../fixtures/indicator-line.js';
import { makeGrid } from '../fixtures/make-grid.js';
import { alignTables } from '../index.js';
import { newIndicatorMemory, readIndicators, type IndicatorContext } from './read.js';

const ctx: IndicatorContext = {
  documentId: `sha256:${'b'.repeat(64)}`,
  tableId: `sha256:${'b'.repeat(64)}#1`,
  file: 'x.pdf',
};

function read(grid: Grid, unit: IndicatorContext['unit'] = null, memory = newIndicatorMemory()) {
  const out = readIndicators(grid, { ...ctx, unit }, memory);
  for (const x of out.indicators) IndicatorRecordSchema.parse(x);
  return out;
}

/** A 绩效目标表 prints its project's funds and the stage, no actual value or score. */
const brief = (x: IndicatorRecord) =>
  indicatorLine(x, [
    'project',
    'amount',
    'level1',
    'level2',
    'level3',
    'operator',
    'target',
    'targetValue',
    'unit',
    'weight',
    'note',
    'stage',
  ]);

/** A grid on one PDF page: every cell carries the page, as the PDF reader gives them. */
function onPage(grid: Grid, page: number): Grid {
  return { ...grid, pages: [page], cells: grid.cells.map((c) => ({ ...c, page })) };
}

const BEIJING_HEADER = `
项目名称{2x1}|项目总额{2x1}|其中：{1x2}|^|绩效目标{2x1}|一级指标{2x1}|二级指标{2x1}|三级指标{2x1}|绩效指标性质{2x1}|本年绩效指标值{2x1}|绩效度量单位{2x1}
^|^|财政资金|其他资金|^|^|^|^|^|^|^`;

describe('项目支出绩效目标表 with the project beside its indicators', () => {
  it('reads the merged project cell and its 项目总额 (万元 → yuan) onto every indicator, stage target', () => {
    const grid = makeGrid(`${BEIJING_HEADER}
      公安行政管理{3x1}|161,796.229761{3x1}|157,457.387602{3x1}|4,338.842159{3x1}|开展警用装备列装{3x1}|成本指标|经济成本指标|项目总成本||控制在预算之内|
      ^|^|^|^|^|产出指标|数量指标|专用业务设备购置数|≥|37|项
      ^|^|^|^|^|效益指标|社会效益指标|提升群众满意度|定性|优|`);
    expect(read(grid, 'ten_thousand_yuan').indicators.map(brief)).toEqual([
      '公安行政管理|1617962297.61|成本指标|经济成本指标|项目总成本|∅|控制在预算之内|∅|∅|∅|∅|target',
      '公安行政管理|1617962297.61|产出指标|数量指标|专用业务设备购置数|>=|37|37|项|∅|∅|target',
      '公安行政管理|1617962297.61|效益指标|社会效益指标|提升群众满意度|∅|优|∅|∅|∅|∅|target',
    ]);
  });

  it('goes on over page breaks, past the fragment a page break leaves, joining a name cut over rows', () => {
    const first = onPage(
      makeGrid(
        `${BEIJING_HEADER}
      甲项目{2x1}|50{2x1}|50{2x1}||培训{2x1}|产出指标|数量指标|培训次数|≥|10|次
      ^|^|^|^|^|满意度指标|服务对象满意度指标|满意度|≥|95|%`,
        ['预算11表 项目支出绩效目标表', '金额单位：万元'],
      ),
      17,
    );
    // The foot of page 17: the next project's merged cells printed again, no indicator rows.
    const fragment = onPage(
      makeGrid(
        `
      11000022T00000043||通过对学院燃气
      1932-燃气系统日常|138.37|站设备设施进行`,
        ['通过对学院燃气站设备设施进行'],
      ),
      17,
    );
    const next = onPage(
      makeGrid(`
      11000022T00000043|||||||||||
      1932-燃气系统日常|138.37|138.37|||||||||
      运行维护|||||||||||
      |||||产出指标|数量指标|燃气设备巡查次数|≥|365|次
      |||||产出指标|质量指标|燃气正常供应保障率|＝|100|%`),
      18,
    );
    const doc: DocumentModel = {
      id: ctx.documentId,
      source: { path: 'x.pdf', sha256: 'b'.repeat(64), bytes: 1, mediaType: 'application/pdf', url: null },
      pageCount: 18,
      script: 'simplified',
      clues: {},
      blocks: [first, fragment, next].map((grid) => ({ type: 'grid' as const, grid })),
    };
    const out = alignTables(doc).value;
    expect(out.tables.map((t) => t.kind)).toEqual([
      'performance_indicators',
      'performance_indicators',
      'performance_indicators',
    ]);
    expect(
      out.indicators.map((x) => [x.project, x.amount, x.level3, x.operator, x.targetValue, x.source.page]),
    ).toEqual([
      ['甲项目', 500000, '培训次数', '>=', 10, 17],
      ['甲项目', 500000, '满意度', '>=', 95, 17],
      ['11000022T00000043 1932-燃气系统日常运行维护', 1383700, '燃气设备巡查次数', '>=', 365, 18],
      ['11000022T00000043 1932-燃气系统日常运行维护', 1383700, '燃气正常供应保障率', '=', 100, 18],
    ]);
    expect(out.facts).toEqual([]);
  });

  it('a grid under a new title does not go on with the table before it', () => {
    const memory = newIndicatorMemory();
    read(
      onPage(
        makeGrid(`${BEIJING_HEADER}
      甲项目|50|50||培训|产出指标|数量指标|培训次数|≥|10|次`),
        17,
      ),
      'ten_thousand_yuan',
      memory,
    );
    const other = onPage(
      makeGrid(
        `
      |||||产出指标|数量指标|采购数量|≥|3|台`,
        ['预算12表 政府采购预算表'],
      ),
      18,
    );
    expect(read(other, null, memory)).toMatchObject({ indicators: [], claimed: false });
  });
});

describe('one name column', () => {
  it('绩效指标 (a merged label) | 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重: the name is 指标名称; the weight is kept', () => {
    const grid = makeGrid(`
      绩效指标{3x1}|指标名称|指标性质|指标值|计量单位|指标权重(%)|是否核心
      ^|市政府网络可用率|≥|99.5|%|5|否
      ^|部门预决算按时公开率|＝|100|%|5|否`);
    expect(read(grid).indicators.map(brief)).toEqual([
      '∅|∅|∅|∅|市政府网络可用率|>=|99.5|99.5|%|5|∅|target',
      '∅|∅|∅|∅|部门预决算按时公开率|=|100|100|%|5|∅|target',
    ]);
  });

  it('项目名称 | 当年财政拨款预算金额 | 当年绩效目标 | 指标名称 …: the project and its funds come from their columns', () => {
    const grid = makeGrid(`
      序号|项目名称|当年财政拨款预算金额|当年绩效目标|指标名称|指标性质|指标值|计量单位|指标权重(%)
      1{2x1}|业务及日常运行项目{2x1}|8,534.17{2x1}|完成各项业务工作{2x1}|咨询一次性解答率|≥|70|%|15
      ^|^|^|^|年度预算执行率|=|100|%|10`);
    expect(read(grid, 'ten_thousand_yuan').indicators.map((x) => [x.project, x.amount, x.level3, x.weight])).toEqual([
      ['业务及日常运行项目', 85341700, '咨询一次性解答率', 15],
      ['业务及日常运行项目', 85341700, '年度预算执行率', 10],
    ]);
  });

  it('部门整体 table: 活动 | 绩效指标 with the levels run together', () => {
    const grid = makeGrid(`
      活动|绩效指标|指标性质|指标值|度量单位
      经常性业务费|产出指标数量指标培训工作完成率|≥|95|%
      经常性业务费|效益指标可持续影响指标改革强警、科技兴警|定性|优|`);
    expect(read(grid).indicators.map(brief)).toEqual([
      '经常性业务费|∅|产出指标|数量指标|培训工作完成率|>=|95|95|%|∅|∅|target',
      '经常性业务费|∅|效益指标|可持续影响指标|改革强警、科技兴警|∅|优|∅|∅|∅|∅|target',
    ]);
  });

  it('a key/value row whose value is blank does not name a project (项目名称 | | 主管部门 | )', () => {
    const grid = makeGrid(`
      项目名称|||主管部门|
      一级指标|二级指标|三级指标|指标值|单位
      产出指标|数量指标|检查次数|≥4|`);
    expect(read(grid).indicators.map((x) => x.project)).toEqual([null]);
  });
});

describe('stage', () => {
  it('a table with result columns (实际完成值, 得分) is a self-assessment', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分
      产出指标|数量指标|培训人数|≥80人|85人|10|10`);
    expect(read(grid).indicators.map((x) => [x.stage, x.actual, x.score])).toEqual([['self_assessment', '85人', 10]]);
  });
});

describe('indicators listed as text in a 绩效指标 cell', () => {
  const grid = makeGrid(`
    项目名称（资金使用单位）|总计：|财政拨款|财政专户拨款|其他资金|绩效目标|绩效指标
    合计：|37,367.86|35,790.09||1,577.77||
    广州市生态环境局|12,887.86|12,887.86||||
    环保监督检查员经费（越秀区）|238.00|238.00|||通过开展检查员队伍建设|1.1－产出指标，11－数量指标，专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、2－效益指标，22－社会效益，信访投诉办结率；实施周期指标值：≥90%，年度指标值：≥90%;`);

  it('one indicator per item, with the project and its 总计; unit and total rows give none', () => {
    expect(read(grid, 'ten_thousand_yuan').indicators.map(brief)).toEqual([
      '环保监督检查员经费（越秀区）|2380000|产出指标|数量指标|专职环保员数量|∅|≦核定人数|∅|∅|∅|实施周期指标值：≦核定人数|target',
      '环保监督检查员经费（越秀区）|2380000|效益指标|社会效益|信访投诉办结率|>=|90|90|%|∅|实施周期指标值：≥90%|target',
    ]);
  });

  it('the table is claimed as an indicator table and gives no facts', () => {
    const doc: DocumentModel = {
      id: ctx.documentId,
      source: { path: 'x.pdf', sha256: 'b'.repeat(64), bytes: 1, mediaType: 'application/pdf', url: null },
      pageCount: 1,
      script: 'simplified',
      clues: {},
      blocks: [
        { type: 'grid', grid: { ...grid, before: ['某局2026年项目支出绩效目标表（含转移支付项目）', '单位：万元'] } },
      ],
    };
    const out = alignTables(doc).value;
    expect(out.tables[0].kind).toBe('performance_indicators');
    expect(out.indicators).toHaveLength(2);
    expect(out.facts).toEqual([]);
  });
});
