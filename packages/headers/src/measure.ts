/**
 * The measure of a value column: its header path mapped word by word with the vocabulary of
 * CANONICAL.md and joined with dots, after the panel-header drop, keep-group and collapse rules.
 */
import { exactlyOneOf, MORE_SIDE_TOTAL_WORDS, SIDE_TOTAL_WORDS, TOTAL_WORDS } from '@govdocs/core';
import type { HeaderBlock, HeaderElement } from './header.js';
import { hasSubHeaders } from './header.js';

const VOCABULARY: [RegExp, string][] = [
  [exactlyOneOf([...TOTAL_WORDS, ...SIDE_TOTAL_WORDS, ...MORE_SIDE_TOTAL_WORDS]), 'total'],
  [/^本年收入$/, 'income'],
  [/^本年支出$/, 'expenditure'],
  [/^年初结转和?结余$/, 'opening'],
  [/^(年末|结转下年)结转和?结余$|^结转下年(资金)?$/, 'closing'],
  [/^基本支出(结转)?$/, 'basic'],
  [/^(项目支出(结转和?结余)?|项目支出总数|专项业务经费(支出)?)$/, 'project'],
  [/^(人员经费(支出)?|人员支出|人员类|工资福利支出)$/, 'personnel'],
  [/^((日常)?公用经费(支出)?|(日常)?公用支出|公用类)$/, 'public'],
  [/^(本年)?财政拨款(收入)?$/, 'fiscal_appropriation'],
  [/^财政拨款结转(和?结余)?$/, 'carryover'],
  [/^一般公共预算(财政)?拨款收入$/, 'general_budget_appropriation'],
  [/^政府性基金预算(财政)?拨款收入$/, 'government_fund_appropriation'],
  [/^国有资本经营预算(财政)?拨款收入$/, 'state_capital_appropriation'],
  [/^上级补助收入$/, 'superior_subsidy'],
  [/^事业收入$/, 'business_income'],
  [/^教育收费$/, 'education_fees'],
  [/^(事业单位)?经营收入$/, 'operating_income'],
  [/^对?附属单位上缴收入$/, 'affiliated_remittance'],
  [/^(其他收入|其他专户收入(拨款)?)$/, 'other_income'],
  [/^(上年结转|上年结转和?结余(资金)?|上年结余、?结转)$/, 'carryover'],
  [/^上缴上级支出$/, 'remit_superior'],
  [/^(事业单位)?经营支出$/, 'operating'],
  [/^对附属单位补助支出$/, 'subsidy_affiliated'],
  [/^(一般)?公共预算(财政)?(拨款)?(支出|资金)?$/, 'general_budget'],
  [/^政府性基金(预算)?(财政)?(拨款)?(支出|资金)?$/, 'government_fund'],
  [/^国有资本经营预算(财政)?(拨款)?(支出|资金)?$/, 'state_capital'],
  [/^财政专户(管理资金|拨款|资金)(收入)?$/, 'special_account'],
  [/^单位资金$/, 'unit_funds'],
  [/^其他资金(收入)?$/, 'other_funds'],
  [/^(预算数|预算金额|预算|当年预算|本年预算|编制预算|年初预算)$/, 'budget'],
  [/^(决算数|决算统计数|决算金额|决算)$/, 'actual'],
  [/^(项目)?金额$/, 'amount'],
  // Tokens added for real headers beyond CANONICAL.md's table (listed in README.md).
  [/^数量$/, 'quantity'],
  [/^机关运行经费(支出)?(预算数?|决算数?)?$/, 'operating_costs'],
  [/^会议费$/, 'meeting_fees'],
  [/^培训费$/, 'training_fees'],
  [/^(增减|增减额|增减变化|增减变化情况|增减情况|比上年增减)$/, 'change'],
  [/^扣除基建项目后(预算数)?$/, 'excluding_capital_construction'],
  [/^单位预留机动经费$/, 'contingency'],
  [/^用事业基金弥补收支差额$/, 'business_fund_offset'],
  [/^专项资金列入部门预算(的)?项目$/, 'special_funds'],
];

/** Group words that name no measure of their own: 资金来源 over 一般公共预算资金 | 其他资金. */
const NO_MEASURE = /^(资金来源|资金性质)$/;

/** A year printed as a column group (2021年 | 2022年 | 增减变化情况): the year itself is the token. */
const YEAR = /^((?:19|20)\d{2})年度?$/;

/** The token of one header word; unknown words keep their printed form (dots removed). */
export function tokenOf(word: string): string {
  // A unit printed as its own header row ((元), 万元) is a unit, not a measure word.
  if (/^[（(]?(单位[:：]?)?(万元|千元|元|%|％)[)）]?$/.test(word)) return '';
  // 预算数（单位：万元）: the unit in brackets is the column's unit, the word before it the measure.
  const bare = word.replace(/\./g, '').replace(/[（(][^）)]*(单位|万元|千元|元|%)[^）)]*[）)]$/, '') || word;
  if (NO_MEASURE.test(bare)) return '';
  const year = YEAR.exec(bare);
  if (year) return year[1];
  for (const [pattern, token] of VOCABULARY) if (pattern.test(bare)) return token;
  return bare;
}

/** Vocabulary tokens are known measures; anything else is a kept word. */
export function isKnownToken(token: string): boolean {
  return VOCABULARY.some(([, t]) => t === token);
}

export interface MeasureInput {
  path: HeaderElement[];
  block: HeaderBlock;
  /** Grid columns of the panel's value columns. */
  panelValueCols: number[];
}

export function measureOf({ path, block, panelValueCols }: MeasureInput): string {
  const lo = Math.min(...panelValueCols);
  const hi = Math.max(...panelValueCols);
  const kept = path.filter((el) => !(el.c0 <= lo && el.c1 >= hi && hasSubHeaders(block, el)));
  const tokens: string[] = [];
  kept.forEach((el, i) => {
    const token = tokenOf(el.word);
    if (!token) return;
    // 事业收入 › 小计 is the group itself (keep-group); a bare 小计 is a total.
    if (el.word === '小计' && i > 0) return;
    // 人员经费 / 公用经费 are always under basic, printed or not.
    if ((token === 'personnel' || token === 'public') && tokens[tokens.length - 1] !== 'basic') tokens.push('basic');
    if (tokens[tokens.length - 1] === token) return;
    tokens.push(token);
  });
  // Collapse: a group one column wide whose only child is its total. Its own total
  // (本年收入 › 本年收入合计) is that total alone; a bare 合计 (年末结转和结余 › 合计) is the group.
  const group = kept[kept.length - 2];
  const child = kept[kept.length - 1];
  if (tokens.length >= 2 && tokens[tokens.length - 1] === 'total' && group && group.c0 === group.c1) {
    if (child.word.startsWith(group.word)) tokens.splice(tokens.length - 2, 1);
    else tokens.pop();
  }
  return tokens.join('.') || 'amount';
}
