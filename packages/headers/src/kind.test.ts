import { describe, expect, it } from 'vitest';
import { kindFromShape, kindFromTitle, type TableShape } from './kind.js';

describe('kindFromTitle: titles real publishers print', () => {
  it.each([
    ['2026年财政拨款收支总体情况表', 'appropriation_summary'],
    ['收支总体情况表', 'summary'],
    ['收入总体情况表', 'income'],
    ['本年支出总体情况表', 'expenditure'],
    ['部门预算基本支出预算表', 'general_budget_basic'],
    ['财政拨款基本支出表(经济科目)', 'general_budget_basic'],
    ['部门预算项目支出及其他支出预算表', 'project_expenditure'],
    ['2018年政府采购预算表', 'expenditure'],
    ['预算10表政府采购预算明细表', 'expenditure'],
    ['预算11表财政拨款政府购买服务明细表', 'expenditure'],
    [':2026年市级部门项目支出绩效表', 'performance_indicators'],
    ['2026年市级重点专项资金绩效目标表(一级项目)', 'performance_indicators'],
    ['2026年部门整体绩效目标表', 'performance_indicators'],
    ['一般公共预算项目支出情况表(按经济分类科目)', 'general_budget'],
    ['部门“三公”经费和机关运行经费预算表', 'three_public'],
  ])('%s → %s', (title, kind) => expect(kindFromTitle(title)).toBe(kind));

  it('knows nothing of titles that name no table kind', () => {
    expect(kindFromTitle('第四部分公开报表')).toBeNull();
    expect(kindFromTitle(null)).toBeNull();
  });
});

describe('kindFromShape: header words of a table whose title was not read', () => {
  const shape = (words: string[]): TableShape => ({
    words: new Set(words),
    incomeExpenditurePanels: false,
    panelCount: 1,
    hasCodes: false,
    economicCodes: false,
    threePublicItems: 0,
    indicatorRows: false,
  });

  it('项目 | 预算数 | 绩效目标 and 项目名称 | 自评分数 are performance tables', () => {
    expect(kindFromShape(shape(['项目', '预算数(单位:万元)', '绩效目标']))).toBe('performance_indicators');
    expect(kindFromShape(shape(['项目名称', '自评分数']))).toBe('performance_indicators');
  });

  it('采购项目 | 采购目录 … is a 政府采购 table, planned spending', () => {
    expect(kindFromShape(shape(['序号', '科目编码', '采购项目', '采购目录', '预算金额']))).toBe('expenditure');
    expect(kindFromShape(shape(['采购类别', '金额']))).toBe('expenditure');
  });

  it('a list of units or fees stays other', () => {
    expect(kindFromShape(shape(['序号', '单位名称', '备注']))).toBe('other');
    expect(kindFromShape(shape(['序号', '项目名称', '结构内容', '收费标准']))).toBe('other');
  });
});
