/**
 * Which value columns give facts. A recognised fiscal table's value columns hold its figures. A
 * table that is not one (kind `other`: a list of notices, a contact table, a procurement list on a
 * portal page) gives facts only when its unit or its headers say money (单位：万元, 金额, 预算数,
 * 资金 …), and then only from columns with a header. Columns of identifiers, phone numbers and
 * dates hold no figures, in any table; counts and scores are counts (facts.ts), never yuan.
 */
import type { TableKind, TableUnit } from '@govdocs/core';
import type { ColumnPlan } from './columns.js';
import { isKnownToken, tokenOf } from './measure.js';

/** Header words of columns whose numbers are not figures: identifiers, phone numbers, dates. */
const NOT_A_FIGURE =
  /编号|序号|证号|号码|文号|批号|代码|编码|电话|手机|传真|邮编|联系方式|日期|时间|身份证|^(年份|年度|月份|年月|排名|名次)$/;

/** Header words that say a column holds money. */
const MONEY_WORD =
  /金额|资金|经费|费用?$|预算|决算|收入|支出|拨款|合计|总计|小计|价值|余额|结转|结余|万元|千元|[（(]元[)）]|单位[:：]?元/;

const words = (col: ColumnPlan) => col.path.map((e) => e.word);

/** True when a column's header says it holds money. */
function saysMoney(col: ColumnPlan): boolean {
  return words(col).some((w) => MONEY_WORD.test(w) || isKnownToken(tokenOf(w)));
}

/** The value columns that give facts, out of all value columns of a table of this kind and unit. */
export function figureColumns<T extends { col: ColumnPlan }>(
  measured: T[],
  kind: TableKind,
  unit: TableUnit | null,
): T[] {
  const figures = measured.filter((m) => !words(m.col).some((w) => NOT_A_FIGURE.test(w)));
  if (kind !== 'other') return figures;
  if (unit === null && !figures.some((m) => saysMoney(m.col))) return [];
  return figures.filter((m) => m.col.path.length > 0);
}
