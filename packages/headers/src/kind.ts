/**
 * The table kind from its title, never from its number: 公开09表 is “三公” in some provinces and
 * 国有资本经营 in others. Patterns are tried in order, most specific first.
 */
import type { TableKind } from '@govdocs/core';

const KIND_BY_TITLE: [RegExp, TableKind][] = [
  [/绩效(自评|目标|评价)|绩效指标/, 'performance_indicators'],
  [/三公/, 'three_public'],
  [/国有资本经营/, 'state_capital'],
  [/政府性基金/, 'government_fund'],
  [/一般公共预算.*基本支出/, 'general_budget_basic'],
  [/财政拨款收入?支出.*总表|财政拨款收支.*总表/, 'appropriation_summary'],
  [/一般公共预算.*(支出|拨款)/, 'general_budget'],
  [/收入?支出.*总表|收支.*总表|财务收支/, 'summary'],
  [/项目支出(预算|决算)?表/, 'project_expenditure'],
  [/收入(决算|预算)?(总)?表/, 'income'],
  [/支出(决算|预算)?(总)?表/, 'expenditure'],
];

export function kindFromTitle(title: string | null): TableKind | null {
  if (!title) return null;
  for (const [pattern, kind] of KIND_BY_TITLE) if (pattern.test(title)) return kind;
  return null;
}
