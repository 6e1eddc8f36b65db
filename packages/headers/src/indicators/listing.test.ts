import { describe, expect, it } from 'vitest';
import { splitRunTogether } from './levels.js';
import { readListing } from './listing.js';

describe('readListing (indicators listed as text in one cell)', () => {
  it('reads each numbered item: coded levels, the indicator, the year value as target, the others kept', () => {
    const text =
      '1.1－产出指标，11－数量指标，项目专职环保员数\n量；实施周期指标值：≦核定人数，年度指标值：≦\n核定人数；2、1－产出指标，12－质量指标，环境应急事件响应率；实施周期指标值：100%，年度指标值：100%;' +
      '3、2－效益指标，22－社会效益，辖区内污染源巡查率；实施周期指标值：≥80%，年度指标值：≥ 80%;';
    expect(readListing(text)).toEqual([
      {
        level1: '产出指标',
        level2: '数量指标',
        level3: '项目专职环保员数量',
        target: '≦核定人数',
        others: ['实施周期指标值：≦核定人数'],
      },
      {
        level1: '产出指标',
        level2: '质量指标',
        level3: '环境应急事件响应率',
        target: '100%',
        others: ['实施周期指标值：100%'],
      },
      {
        level1: '效益指标',
        level2: '社会效益',
        level3: '辖区内污染源巡查率',
        target: '≥ 80%',
        others: ['实施周期指标值：≥80%'],
      },
    ]);
  });

  it('numbering that restarts, a value with commas and a full stop, an item after an empty value', () => {
    const text =
      '1、1－产出指标，12－质量指标，队伍管理规范化；实施周期指标值：考察是否符合规范，合规得满分。年度指标值：是；1、1－产出指标，13－时效指标，支付及时率；' +
      '实施周期指标值：100%，年度指标值：6、1－产出指标，12－质量指标，报告通过评审。实施周期指标值：通过，年度指标值：通过';
    const items = readListing(text);
    expect(items.map((x) => [x.level2, x.level3, x.target])).toEqual([
      ['质量指标', '队伍管理规范化', '是'],
      ['时效指标', '支付及时率', null],
      ['质量指标', '报告通过评审', '通过'],
    ]);
    expect(items[0].others).toEqual(['实施周期指标值：考察是否符合规范，合规得满分']);
  });

  it('a label followed straight by its sign (》90%) still ends the name', () => {
    const [x] = readListing('1、3－满意度指标，31－服务对象满意度，人员满意度；实施周期指标值》90%，年度指标值》90%;');
    expect(x).toMatchObject({ level1: '满意度指标', level3: '人员满意度', target: '》90%' });
  });

  it('prose, goals and plain numbers are not listings', () => {
    expect(readListing('通过开展检查员队伍建设，有利于强化落实属地责任。')).toEqual([]);
    expect(readListing('1、提高办事效率；2、加强管理。')).toEqual([]);
    expect(readListing('12,887.86')).toEqual([]);
    expect(readListing('')).toEqual([]);
  });
});

describe('splitRunTogether (levels printed in one cell)', () => {
  it('splits the standard 一级 and 二级 names off the indicator', () => {
    expect(splitRunTogether('产出指标数量指标培训工作完成率')).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      level3: '培训工作完成率',
    });
    expect(splitRunTogether('满意度指标服务对象满意度指标群众对社会治安稳定满意度')).toEqual({
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      level3: '群众对社会治安稳定满意度',
    });
    expect(splitRunTogether('成本指标经济成本指标项目总成本')).toEqual({
      level1: '成本指标',
      level2: '经济成本指标',
      level3: '项目总成本',
    });
  });

  it('leaves alone a name that does not start with a level, or is only levels', () => {
    expect(splitRunTogether('市政府网络可用率')).toBeNull();
    expect(splitRunTogether('产出指标数量指标')).toBeNull();
  });
});
