/**
 * The words tables label their totals with, for every stage that looks for a total row or column.
 * Each stage takes the words its question needs: a table's own total is 合计 or 总计; 小计 totals
 * only a part of it; a 收支 table totals each side (本年收入合计, 支出总计).
 */

/** The whole table's total. */
export const GRAND_TOTAL_WORDS = ['合计', '总计'] as const;
/** Any total, alone in its cell: the whole table's, or a part's (小计). */
export const TOTAL_WORDS = [...GRAND_TOTAL_WORDS, '小计'] as const;
/** The year's total of one side of a 收支 table. */
export const SIDE_TOTAL_WORDS = ['本年收入合计', '本年支出合计', '收入合计', '支出合计'] as const;
/** Other side totals a header may print: the year's, and each side's grand total with carry-overs. */
export const MORE_SIDE_TOTAL_WORDS = ['本年合计', '收入总计', '支出总计'] as const;

/** Matches a text that is exactly one of the words. */
export function exactlyOneOf(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${words.join('|')})$`);
}
