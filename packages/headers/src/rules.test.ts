import { describe, expect, it } from 'vitest';
import { isIndexRow } from './rows.js';
import { cleanLabel, normHeader } from './normalize.js';
import { composeCode, functionClassByName, schemeOf, threePublicItem } from './subject.js';
import { tokenOf } from './measure.js';
import { kindFromTitle } from './kind.js';
import { readTableContext } from './context.js';

describe('栏次 rows', () => {
  it.each([
    [['类', '款', '项', '次', '1', '2', '3']],
    [['栏', '次', '1', '栏', '次', '2']],
    [['栏次', '1', '2', '3']],
    [['1', '2', '3', '4']],
    [['**', '1', '2', '3', '4', '5']],
    [['——', '——', '1', '2']],
    [['行次', '1', '2']],
    [['**', '1']],
  ])('%j is a column-index row', (row) => expect(isIndexRow(row)).toBe(true));

  it.each([
    [['合计', '1', '548.82']],
    [['10', '20', '30']],
    [['68.87', '0.00', '64.92']],
    [['一、一般公共预算财政拨款收入', '1', '548.82']],
    [['——', '1', '548.82']],
    [['合计', '—', '1', '2']],
  ])('%j is data', (row) => expect(isIndexRow(row)).toBe(false));
});

describe('labels and header words', () => {
  it.each([
    ['一、一般公共服务支出', '一般公共服务支出'],
    ['（一）支出合计', '支出合计'],
    ['(1) 公务用车购置费', '公务用车购置费'],
    ['1. 因公出国（境）费', '因公出国（境）费'],
    ['2、公务接待费', '公务接待费'],
    ['    行政 运行', '行政运行'],
    ['2021年度预算', '2021年度预算'],
  ])('cleanLabel(%s) = %s', (raw, want) => expect(cleanLabel(raw)).toBe(want));

  it('normalises header words: spaces, trailing column numbers, 其中：', () => {
    expect(normHeader('预算数 1')).toBe('预算数');
    expect(normHeader('收 入')).toBe('收入');
    expect(normHeader('其中：教育收费')).toBe('教育收费');
  });

  it('maps vocabulary words to tokens and keeps unknown words', () => {
    expect(tokenOf('本年收入合计')).toBe('total');
    expect(tokenOf('年初结转和结余')).toBe('opening');
    expect(tokenOf('一般公共预算财政拨款')).toBe('general_budget');
    expect(tokenOf('一般公共预算拨款收入')).toBe('general_budget_appropriation');
    expect(tokenOf('决算统计数')).toBe('actual');
    expect(tokenOf('批复金额(万元)')).toBe('批复金额');
  });

  it.each([
    ['人员经费支出', 'personnel'],
    ['人员支出', 'personnel'],
    ['人员类', 'personnel'],
    ['工资福利支出', 'personnel'],
    ['公用经费支出', 'public'],
    ['日常公用支出', 'public'],
    ['公用类', 'public'],
    ['小计', 'total'],
    ['事业单位经营支出', 'operating'],
    ['财政专户管理资金', 'special_account'],
    ['财政专户拨款', 'special_account'],
    ['单位资金', 'unit_funds'],
    ['其他资金', 'other_funds'],
    ['上年结余、结转', 'carryover'],
    ['上年结转结余', 'carryover'],
    ['决算统计数', 'actual'],
    ['专项业务经费支出', 'project'],
    ['一般公共预算资金', 'general_budget'],
    ['政府性基金', 'government_fund'],
    ['预算数(单位:万元)', 'budget'],
    ['机关运行经费支出', 'operating_costs'],
    ['会议费', 'meeting_fees'],
    ['数量', 'quantity'],
    ['2021年', '2021'],
    ['增减变化情况', 'change'],
    ['资金来源', ''],
  ])('maps the real header %s to %j', (word, token) => {
    expect(tokenOf(word)).toBe(token);
  });
});

describe('subjects', () => {
  it('composes codes from 类/款/项 parts or reads one code', () => {
    expect(composeCode(['201', '03', '50'])).toBe('2010350');
    expect(composeCode(['208', '05', ''])).toBe('20805');
    expect(composeCode(['2010350', '', ''])).toBe('2010350');
    expect(composeCode(['合计'])).toBeNull();
    expect(composeCode(['201', '3'])).toBeNull();
  });

  it('tells economic from function codes', () => {
    expect(schemeOf('30101', null)).toBe('economic');
    expect(schemeOf('2080505', null)).toBe('function');
    expect(schemeOf('50101', 'economic')).toBe('economic');
  });

  it('knows the function classes by current and former names', () => {
    expect(functionClassByName('十九、住房保障支出')).toEqual({ code: '221', name: '住房保障支出' });
    expect(functionClassByName('医疗卫生与计划生育支出')?.code).toBe('210');
    expect(functionClassByName('一般公共预算财政拨款收入')).toBeNull();
  });

  it('names “三公” items and leaves sub-items and counts as labels', () => {
    expect(threePublicItem('2.公务用车购置及运行维护费')).toBe('three_public.vehicles');
    expect(threePublicItem('（2）公务用车运行维护费')).toBe('three_public.vehicles.operation');
    expect(threePublicItem('因公出国（境）费')).toBe('three_public.overseas');
    expect(threePublicItem('（1）国内接待费')).toBeNull();
    expect(threePublicItem('3. 公务用车购置数（辆）')).toBeNull();
  });
});

describe('kind and context', () => {
  it('reads the kind from the title, never from the table number', () => {
    expect(kindFromTitle('国有资本经营预算财政拨款支出决算表')).toBe('state_capital');
    expect(kindFromTitle('一般公共预算“三公”经费支出表')).toBe('three_public');
    expect(kindFromTitle('财政拨款收支总表')).toBe('appropriation_summary');
    expect(kindFromTitle('部门收支总表')).toBe('summary');
    expect(kindFromTitle('收入支出决算表')).toBe('summary');
    expect(kindFromTitle('财政拨款收入支出决算表')).toBe('appropriation_summary');
    expect(kindFromTitle('一般公共预算财政拨款收入支出决算表')).toBe('general_budget');
    expect(kindFromTitle('支出决算表')).toBe('expenditure');
    expect(kindFromTitle('部门基本支出预算表')).toBe('general_budget_basic');
    expect(kindFromTitle('部门项目支出预算表')).toBe('project_expenditure');
  });

  it('strips table numbers from titles', () => {
    expect(readTableContext(['表一：部门收支总表']).title).toBe('部门收支总表');
    expect(readTableContext(['## 2020 年部门整体支出绩效自评表']).title).toBe('2020年部门整体支出绩效自评表');
    expect(readTableContext(['**收入决算表**']).title).toBe('收入决算表');
    expect(readTableContext(['公开01表 收入支出决算总表']).title).toBe('收入支出决算总表');
  });

  it('reads department lines in their usual spellings', () => {
    for (const line of [
      '部门：某县教育局',
      '编制单位：某县教育局',
      '部门名称：某县教育局',
      '单位名称：某县教育局  单位：元',
      '编制部门：某县教育局 金额单位：万元',
    ]) {
      expect(readTableContext([line]).department, line).toBe('某县教育局');
    }
  });

  it('reads title, code, unit and department from the lines above', () => {
    expect(readTableContext(['收入决算表', '公开02表', '金额单位：万元', '编制单位：某县教育局'])).toEqual({
      title: '收入决算表',
      code: '公开02表',
      unit: 'ten_thousand_yuan',
      department: '某县教育局',
    });
  });
});
