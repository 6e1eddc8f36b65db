import { describe, expect, it } from 'vitest';
import type { DocumentModel, Grid } from '@govdocs/core';
import { IndicatorRecordSchema } from '@govdocs/core';
import { indicatorLine } from '../fixtures/indicator-line.js';
import { makeGrid } from '../fixtures/make-grid.js';
import { alignTables } from '../index.js';
import { newIndicatorMemory, readIndicators } from './read.js';

const ctx = { documentId: `sha256:${'a'.repeat(64)}`, tableId: `sha256:${'a'.repeat(64)}#1`, file: 'x.txt' };

function read(grid: Grid, memory = newIndicatorMemory()) {
  const out = readIndicators(grid, ctx, memory);
  for (const x of out.indicators) IndicatorRecordSchema.parse(x);
  return out;
}

const SELF_EVALUATION = `
项目名称|信息化建设运维经费||||||||
主管部门|某县水务局|||实施单位|某县水务局|||
项目资金（万元）|年初预算数|全年预算数|全年执行数|分值|执行率|得分||
年度资金总额|97.03|97.03|82.72|10.00|85.25|8.53||
一级指标|二级指标|三级指标|指标性质|指标值|度量单位|实际完成值|分值|得分
产出指标|数量指标|运行维护面积|>=|25000|平方米|完成5个区域|5.00|5.00
||保障公务用车数量|≥|32|辆|共保障32辆|10.00|10.00
|质量指标|合格率|>=|95|%|100%合格|5.00|4.50
效益指标|社会效益指标|服务质量提升|定性|提升||提升明显|30.00|28.00
总分|||||||100|97.5`;

describe('readIndicators', () => {
  it('reads one indicator per row with the project name; the funds block and the total are not indicators', () => {
    const out = read(makeGrid(SELF_EVALUATION));
    expect(out.indicators.map((x) => indicatorLine(x))).toEqual([
      '信息化建设运维经费|产出指标|数量指标|运行维护面积|>=|25000|25000|平方米|完成5个区域|5|5|∅',
      '信息化建设运维经费|产出指标|数量指标|保障公务用车数量|>=|32|32|辆|共保障32辆|10|10|∅',
      '信息化建设运维经费|产出指标|质量指标|合格率|>=|95|95|%|100%合格|5|4.5|∅',
      '信息化建设运维经费|效益指标|社会效益指标|服务质量提升|∅|提升|∅|∅|提升明显|30|28|∅',
    ]);
    expect(out.indicators[1].source).toEqual({ row: 6, line: 16 });
  });

  it('levels under merged cells (spans) inherit the merged text', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|指标值
      产出指标{3x1}|数量指标{2x1}|甲|≥1
      ^|^|乙|≥2
      ^|时效指标|丙|≤12个月
      效益指标|社会效益指标|丁|提高`);
    expect(read(grid).indicators.map((x) => [x.level1, x.level2, x.level3])).toEqual([
      ['产出指标', '数量指标', '甲'],
      ['产出指标', '数量指标', '乙'],
      ['产出指标', '时效指标', '丙'],
      ['效益指标', '社会效益指标', '丁'],
    ]);
  });

  it('a level never inherits across a new parent; a row naming only its 二级指标 is that indicator', () => {
    const grid = makeGrid(`
      一级指标|权重|二级指标|三级指标|年度指标值|全年完成值|自评得分
      投入管理指标|30|预算编审管理（3）|按规定填报||100%|3
      ||预算执行管理（4）|||100%|4
      产出指标|25|数量指标（6）|组织开展督查暗访（3分）|≥50次|60|3`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '∅|投入管理指标|预算编审管理|按规定填报|∅|∅|∅|∅|100%|∅|3|∅',
      '∅|投入管理指标|预算执行管理|预算执行管理|∅|∅|∅|∅|100%|4|4|∅',
      '∅|产出指标|数量指标|组织开展督查暗访|>=|50|50|次|60|3|3|∅',
    ]);
  });

  it('目标指标 / 目标值 / 业绩指标 headers; several project tables in one grid, each with its own title and name', () => {
    const grid = makeGrid(`
      项目支出绩效自评表
      项目名称：|项目甲|年度：|2023
      一级指标|二级指标|目标指标|目标值|业绩指标|完成率
      投入与管理|投入管理|预算编制合理性|合理|100%|100%
      ||预算执行率|=100|100|100
      |资产管理
      产出指标|数量指标|帮扶对象|30人次以上|100%|100%
      项目支出绩效自评表
      项目名称：|项目乙|年度：|2023
      一级指标|二级指标|目标指标|目标值|业绩指标|完成率
      满意度指标|满意度指标|群众满意度|98%|98%|100%`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '项目甲|投入与管理|投入管理|预算编制合理性|∅|合理|∅|∅|100%|∅|∅|∅',
      '项目甲|投入与管理|投入管理|预算执行率|=|100|100|∅|100|∅|∅|∅',
      '项目甲|产出指标|数量指标|帮扶对象|>=|30|30|人次|100%|∅|∅|∅',
      '项目乙|满意度指标|满意度指标|群众满意度|∅|98|98|%|98%|∅|∅|∅',
    ]);
  });

  it('a text dump that lost the span of 指标值 over 符号 | 值 | 单位 is widened to its data; 文字描述 targets sit in the unit column', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|绩效指标描述|指标值|指标值确定依据
      ||||符号|值|单位（文字描述）
      产出指标|数量指标|制作宣传品数量|宣传品|>=|60000.00|份|工作计划
      效果指标|生态效益指标|空气质量指标|变化|文字描述||变好|工作计划`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '∅|产出指标|数量指标|制作宣传品数量|>=|60000.00|60000|份|∅|∅|∅|∅',
      '∅|效果指标|生态效益指标|空气质量指标|∅|变好|∅|∅|∅|∅|∅|∅',
    ]);
  });

  it('a sub-header under a parent whose span a dump kept as blank cells moves nothing', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|指标值|||实际完成值|得分
      |||符号|值|单位||
      产出指标|数量指标|宣传品数量|>=|600|份|650份|10`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '∅|产出指标|数量指标|宣传品数量|>=|600|600|份|650份|∅|10|∅',
    ]);
  });

  it('a sub-header may hold words without a role; a bare 指标 column right of the levels names the indicator', () => {
    const grid = makeGrid(`
      一级指标|二级指标|指标|指标值|||完成值
      |||符号|值|依据|
      产出指标|数量指标|培训场次|>=|12|计划|15`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '∅|产出指标|数量指标|培训场次|>=|12|12|∅|15|∅|∅|∅',
    ]);
  });

  it('a unit column the header does not name (data wider than the header) is found by its words', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|绩效指标描述|指标值|指标值确定依据
      产出指标|数量指标|设备购置数量|新增设备|≥6|个|年度工作计划
      |质量指标|政府采购率（%）|采购率|≥100|百分比|年度工作计划`);
    expect(read(grid).indicators.map((x) => [x.level3, x.operator, x.targetValue, x.unit])).toEqual([
      ['设备购置数量', '>=', 6, '个'],
      ['政府采购率（%）', '>=', 100, '百分比'],
    ]);
  });

  it('a two-row header takes 实际完成值 / 分值 / 得分 / 偏差原因 from its upper row', () => {
    const grid = makeGrid(`
      绩效指标|||年度指标值|||实际完成值|分值|得分|偏差原因分析及改进措施
      一级指标|二级指标|三级指标|指标性质|指标值|度量单位||||
      |||||||90.00|86.00|
      产出指标|数量指标|智慧门锁|=|11|套|已完成安装|5.00|5.00|
      效益指标|可持续影响指标|系统正常使用年限|=|5|年|已使用|15.00|14.00|进一步提升`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '∅|产出指标|数量指标|智慧门锁|=|11|11|套|已完成安装|5|5|∅',
      '∅|效益指标|可持续影响指标|系统正常使用年限|=|5|5|年|已使用|15|14|进一步提升',
    ]);
  });

  it('a row printed shifted left (leading blanks lost) is moved so its number lands in the score column', () => {
    const grid = makeGrid(`
      一级指标|权重|二级指标|三级指标|年度指标值|全年完成值|自评得分|偏差及原因分析
      产出指标|25|时效指标（5）|信息报送（2分）|按要求|已报送|2|
      成本指标（6）|资金使用合规性（6分）|合规|合规|6|||`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '∅|产出指标|时效指标|信息报送|∅|按要求|∅|∅|已报送|2|2|∅',
      '∅|产出指标|成本指标|资金使用合规性|∅|合规|∅|∅|合规|6|6|∅',
    ]);
  });

  it('a row with a blank score is not moved', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|指标值|实际完成值|分值|得分
      产出指标|数量指标|甲|10|10|5.00|`);
    expect(read(grid).indicators.map((x) => [x.level1, x.level3, x.weight, x.score])).toEqual([
      ['产出指标', '甲', 5, null],
    ]);
  });

  it('a table cut at a blank line goes on in the next grid; a grid with its own title does not', () => {
    const memory = newIndicatorMemory();
    const first = makeGrid(`
      项目名称|项目甲|||
      一级指标|二级指标|三级指标|指标值|得分
      产出指标|数量指标|甲|≥1|5`);
    const second = makeGrid(`
      效益指标|社会效益指标|乙|提高|5
      ||丙|≥90%|4
      其他需要说明的事项
      总分||||14
      备注：涉密部门和涉密信息按保密规定不公开
      注：本表金额单位为万元`);
    const other = makeGrid(
      `
      采购项目|品目|数量|单价|金额
      办公设备|电脑|2|5000|10000`,
      ['部门政府采购预算表'],
    );
    expect(read(first, memory).indicators.map((x) => x.level3)).toEqual(['甲']);
    expect(read(second, memory).indicators.map((x) => `${x.project} ${x.level1} ${x.level3} ${x.score}`)).toEqual([
      '项目甲 效益指标 乙 5',
      '项目甲 效益指标 丙 4',
    ]);
    expect(read(other, memory).indicators).toEqual([]);
  });

  it('the project named in a grid of its own carries to the indicator grid after it; a 部门整体 table has none', () => {
    const memory = newIndicatorMemory();
    read(makeGrid(`项目编码|434-0303|项目名称|网络安全改造`), memory);
    const indicators = makeGrid(`
      一级指标|二级指标|三级指标|指标值
      产出指标|数量指标|设备数量|≥6台`);
    expect(read(indicators, memory).indicators.map((x) => [x.project, x.unit])).toEqual([['网络安全改造', '台']]);
    const whole = makeGrid(
      `
      一级指标|二级指标|三级指标|指标值
      产出指标|数量指标|信息数量|≥450篇`,
      ['2020年部门整体支出绩效自评表'],
    );
    expect(read(whole, memory).indicators.map((x) => x.project)).toEqual([null]);
  });

  it('the 项目名称 column of a project list does not name the project of a later indicator table', () => {
    const memory = newIndicatorMemory();
    read(
      makeGrid(`
      项目名称|项目类型|合计|基本支出|项目支出
      办公楼维修|一次性项目|10.00||10.00`),
      memory,
    );
    const out = read(
      makeGrid(`一级指标|二级指标|三级指标|指标值
产出指标|数量指标|甲|≥1`),
      memory,
    );
    expect(out.indicators.map((x) => x.project)).toEqual([null]);
  });

  it('a score that is not a number gives a parse issue with its position and no score', () => {
    const out = read(
      makeGrid(`
      一级指标|二级指标|三级指标|指标值|得分
      产出指标|数量指标|甲|≥1|优`),
    );
    expect(out.indicators.map((x) => x.score)).toEqual([null]);
    expect(out.diagnostics.map((d) => [d.rule, d.place.row, d.place.col, d.place.line])).toEqual([
      ['parse.indicator', 1, 4, 11],
    ]);
  });

  it('a header with one name column (指标名称 | 指标值 | 实际完成值 | 得分) is an indicator header too', () => {
    const grid = makeGrid(`
      序号|指标名称|指标值|实际完成值|得分
      1|培训人次|≥200人次|230人次|10`);
    expect(read(grid).indicators.map((x) => indicatorLine(x))).toEqual([
      '∅|∅|∅|培训人次|>=|200|200|人次|230人次|∅|10|∅',
    ]);
  });

  it('figures printed under the 总分 row are not read as the last indicator', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|指标值|分值|得分
      产出指标|数量指标|甲|≥1|10|10
      总分|||总分值|总得分|
      ||||100.00|97.75`);
    expect(read(grid).indicators.map((x) => x.level3)).toEqual(['甲']);
  });

  it('a remark merged across the value columns is not an indicator', () => {
    const grid = makeGrid(`
      一级指标|二级指标|三级指标|指标值|实际完成值|分值|得分
      产出指标|数量指标|甲|≥1|1|10|10
      其他需要说明的事项{1x3}|^|^|无{1x4}|^|^|^
      备注：涉密信息不公开{1x7}|^|^|^|^|^|^`);
    expect(read(grid).indicators.map((x) => x.level3)).toEqual(['甲']);
  });

  it('a grid without an indicator header gives nothing', () => {
    const grid = makeGrid(`
      科目编码|科目名称|合计
      201|一般公共服务支出|3.00`);
    expect(read(grid).indicators).toEqual([]);
  });
});

describe('alignTables with indicator tables', () => {
  it('writes the indicators and marks an untitled indicator grid as performance_indicators', () => {
    const doc: DocumentModel = {
      id: ctx.documentId,
      source: { path: 'x.txt', sha256: 'a'.repeat(64), bytes: 1, mediaType: 'text/plain', url: null },
      pageCount: 1,
      script: 'simplified',
      clues: {},
      blocks: [
        { type: 'grid', grid: makeGrid(SELF_EVALUATION, ['项目支出绩效自评表']) },
        { type: 'grid', grid: makeGrid(`一级指标|二级指标|三级指标|指标值\n产出指标|数量指标|甲|≥1`) },
      ],
    };
    const out = alignTables(doc).value;
    expect(out.tables.map((t) => t.kind)).toEqual(['performance_indicators', 'performance_indicators']);
    expect(out.tables[0].title).toBe('项目支出绩效自评表');
    expect(out.facts).toEqual([]);
    expect(out.indicators.map((x) => `${x.tableId.split('#')[1]} ${x.level3}`)).toEqual([
      '1 运行维护面积',
      '1 保障公务用车数量',
      '1 合格率',
      '1 服务质量提升',
      '2 甲',
    ]);
  });

  it('a title printed as the first single-cell row inside the grid makes the kind', () => {
    const doc: DocumentModel = {
      id: ctx.documentId,
      source: { path: 'x.txt', sha256: 'a'.repeat(64), bytes: 1, mediaType: 'text/plain', url: null },
      pageCount: 1,
      script: 'simplified',
      clues: {},
      blocks: [
        {
          type: 'grid',
          grid: makeGrid(
            `部门整体支出绩效自评表\n部门名称|某县财政局||\n一级指标|二级指标|三级指标|指标值\n产出指标|数量指标|甲|≥1`,
          ),
        },
      ],
    };
    const out = alignTables(doc).value;
    expect(out.tables.map((t) => [t.kind, t.title])).toEqual([['performance_indicators', '部门整体支出绩效自评表']]);
    expect(out.indicators.map((x) => [x.project, x.level3])).toEqual([[null, '甲']]);
  });
});
