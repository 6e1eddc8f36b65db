/**
 * The table kind from its title, never from its number: 公开09表 is “三公” in some provinces and
 * 国有资本经营 in others. Patterns are tried in order, most specific first. Tables CANONICAL.md
 * lists no kind for are mapped where one fits: a 政府采购 or 政府购买服务 table lists planned
 * spending by what is bought (`expenditure`); a 部门预算/财政拨款 基本支出 table is the basic
 * spending by economic class (`general_budget_basic`); a 项目支出…表 variant is `project_expenditure`.
 */
import type { TableKind } from '@govdocs/core';

const KIND_BY_TITLE: [RegExp, TableKind][] = [
  [/绩效(自评|目标|评价|指标)|绩效指标|绩效表/, 'performance_indicators'],
  [/三公/, 'three_public'],
  [/国有资本经营/, 'state_capital'],
  [/政府性基金/, 'government_fund'],
  [/政府采购|政府购买服务|购买服务.*表/, 'expenditure'],
  [/一般公共预算.*基本支出|基本支出(预算|决算)?(明细|情况)?表/, 'general_budget_basic'],
  [/财政拨款收入?支出.*总表|财政拨款收支.*(总表|总体情况表)|^财政拨款收入支出(决算|预算)表/, 'appropriation_summary'],
  [/一般公共预算.*(支出|拨款)/, 'general_budget'],
  [/收入?支出.*总表|收支.*总表|财务收支|收入支出(决算|预算)表|收支(决算|预算)表|收支总体情况表/, 'summary'],
  [/项目支出.*表/, 'project_expenditure'],
  [/收入(决算|预算)?(总)?表|收入(决算|预算)?总体情况表/, 'income'],
  [/支出(决算|预算)?(总)?表|支出(决算|预算)?总体情况表/, 'expenditure'],
];

export function kindFromTitle(title: string | null): TableKind | null {
  if (!title) return null;
  for (const [pattern, kind] of KIND_BY_TITLE) if (pattern.test(title)) return kind;
  return null;
}

/** What the header words and row labels of a table without a recognised title reveal. */
export interface TableShape {
  /** Normalised header words of every column. */
  words: Set<string>;
  /** Panels named income/expenditure side by side. */
  incomeExpenditurePanels: boolean;
  panelCount: number;
  hasCodes: boolean;
  economicCodes: boolean;
  /** Columns or rows naming “三公” items. */
  threePublicItems: number;
  /** Data rows that repeat the 一级指标 / 二级指标 header of an indicator table. */
  indicatorRows: boolean;
}

/** The kind from the header structure, for tables whose title is missing or unknown. */
export function kindFromShape(s: TableShape): TableKind {
  const has = (w: string) => s.words.has(w);
  const any = (re: RegExp) => [...s.words].some((w) => re.test(w));
  if (s.indicatorRows || any(/^(一级指标|二级指标|三级指标|绩效指标|指标值)$/)) return 'performance_indicators';
  // 项目 | 预算数 | 绩效目标 (goals without indicators); 项目名称 | 自评分数 (a list of self-assessment scores).
  if (any(/^(年度|当年|整体)?绩效目标$|^自评(分数|得分)$/)) return 'performance_indicators';
  if (s.threePublicItems >= 2) return 'three_public';
  // 采购项目 | 采购目录 …, 采购类别 | 金额, 采购品目大类 …: a 政府采购 table whose title was not read.
  if (any(/^采购(项目|目录|类别|品目|品目大类|物品名称)$/)) return 'expenditure';
  if (s.incomeExpenditurePanels) return any(/^一般公共预算(财政)?拨款$/) ? 'appropriation_summary' : 'summary';
  if (has('人员经费') && has('公用经费') && s.economicCodes) return 'general_budget_basic';
  if (any(/^(年初|上年)结转和?结余$/) && has('本年收入') && has('本年支出')) return 'general_budget';
  if (has('人员经费') && has('公用经费') && s.hasCodes) return 'general_budget';
  if (any(/^(财政拨款收入|上级补助收入|事业收入|一般公共预算(财政)?拨款收入)$/) && s.hasCodes) return 'income';
  if (has('基本支出') && has('项目支出') && s.hasCodes) return 'expenditure';
  return 'other';
}
