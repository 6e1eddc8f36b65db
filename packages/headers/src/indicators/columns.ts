/**
 * The header of an indicator table: which column holds each level, the operator, target, unit,
 * actual value, weight, score and note. Headers vary by province (目标指标/业绩指标, 年度指标值/
 * 全年完成值, 分值/权重), so roles are recognised by words, and text dumps that lost their spans
 * (指标值 printed over 符号 | 值 | 单位) are widened to fit their data.
 */
import { noSpaces } from '@govdocs/core';

export type Role =
  | 'level1' | 'level2' | 'level3' | 'operator' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'note'
  | 'project' | 'amount';

/** Header word → role, tried in order (note before actual: 未完成原因; 三级 before 绩效指标). */
const ROLE_WORDS: [RegExp, Role][] = [
  [/^一级(指标)?(名称)?$/, 'level1'],
  [/^二级(指标)?(名称)?$/, 'level2'],
  [/^三级(指标)?(名称)?$/, 'level3'],
  [/偏差|原因|备注|改进措施|^说明$/, 'note'],
  [/^(绩效)?(指标性质|符号|运算符号?|比较符号?|指标方向|指标符号)$/, 'operator'],
  [/^(绩效)?(计量|度量|指标|考核)?单位/, 'unit'],
  [/得分$|^(自评)?评分$|^自评分$/, 'score'],
  [/^(分值|权重|指标分值|指标权重|满分|标准分值?|权重分值?|分数)$/, 'weight'],
  [/实际完成值|实际完成指标值|^(全年|年度|实际)?完成值$|^实际值$|^实际完成$|^业绩指标$|^(实际|指标)?完成情况$|^实际完成数$|^实际结果$/, 'actual'],
  [/(指标值|目标值)$|^(值|数值|年度目标|预期目标|计划值|标准值|目标)$/, 'target'],
  // The project beside its indicators (Beijing's 项目名称 | 项目总额 | … | 一级指标 …; 活动 of a
  // 部门整体 table) and the project's funds (项目总额, 当年财政拨款预算金额, 总计).
  [/^(一级|二级)?项目(名称)?$|^活动(名称)?$/, 'project'],
  [/^(项目总额|项目金额|总计|合计|金额|预算金额|预算数|资金总额|(当年|年度|本年)?(财政拨款)?预算(金额|数))[:：]?$/, 'amount'],
];

/** Words that name the indicator itself when no 三级指标 column exists (目标指标, 绩效指标, 指标名称). */
const NAME_WORDS = /^(目标指标|(绩效)?指标(名称|内容)?|具体指标|考核指标|评价指标|指标项)$/;

/** Header text for matching: NFKC, no spaces, no parenthesised remark (分值（分） → 分值). */
export function headerWord(text: string): string {
  return noSpaces(text.normalize('NFKC'))
    .replace(/\([^)]*\)$/, '')
    .replace(/^\d+[.、]/, '');
}

export function roleOf(text: string): Role | null {
  const w = headerWord(text);
  if (!w) return null;
  for (const [re, role] of ROLE_WORDS) if (re.test(w)) return role;
  return null;
}

export type Roles = Partial<Record<Role, number>>;

/**
 * Roles of one header row (texts by column, spanning cells repeated under each column they
 * cover). The first column of a role wins; a name column (目标指标, 绩效指标) becomes level3
 * only right of the other levels, since 绩效指标 also labels a merged first column.
 */
export function rowRoles(texts: string[]): Roles {
  const roles: Roles = {};
  const names: number[] = [];
  texts.forEach((t, c) => {
    const role = roleOf(t);
    if (role && roles[role] === undefined) roles[role] = c;
    else if (!role && NAME_WORDS.test(headerWord(t))) names.push(c);
  });
  if (roles.level3 === undefined) {
    // Of 绩效指标 (a merged label column) | 指标名称, the name is the one nearest the values.
    const left = Math.max(roles.level1 ?? -1, roles.level2 ?? -1);
    const right = roles.target ?? Infinity;
    const name = names.filter((c) => c > left && c < right).pop() ?? names.find((c) => c > left);
    if (name !== undefined) roles.level3 = name;
  }
  return roles;
}

/** A header row names at least two levels (一级/二级/三级/目标指标), or the indicator, its target and a result. */
export function isIndicatorHeader(roles: Roles): boolean {
  const levels = [roles.level1, roles.level2, roles.level3].filter((c) => c !== undefined).length;
  if (levels >= 2) return true;
  // One name column (指标名称 | 指标值 | 实际完成值 | 得分; 指标名称 | 指标性质 | 指标值 | 计量单位):
  // a target with a result, a sign or a unit makes it a header.
  const beside = [roles.actual, roles.score, roles.weight, roles.operator, roles.unit].some((c) => c !== undefined);
  return levels === 1 && roles.level3 !== undefined && roles.target !== undefined && beside;
}

/** The stage a header tells: a result column (实际完成值, 得分) is a self-assessment, else a target. */
export function stageOf(roles: Roles): 'target' | 'self_assessment' {
  return roles.actual !== undefined || roles.score !== undefined ? 'self_assessment' : 'target';
}

/** A row under the header that names sub-columns (符号 | 值 | 单位（文字描述）): header words, no figures, no levels. */
export function subHeaderRoles(texts: string[], header: Roles): Roles | null {
  const own = texts.map((t, c) => ({ c, t: t.trim() })).filter((x) => x.t);
  if (own.length === 0) return null;
  const levelCols = new Set([header.level1, header.level2, header.level3]);
  if (own.some((x) => levelCols.has(x.c))) return null;
  const roles: Roles = {};
  for (const { c, t } of own) {
    if (/\d/.test(t)) return null;
    const role = roleOf(t);
    if (role?.startsWith('level')) return null;
    if (role && roles[role] === undefined) roles[role] = c;
  }
  return Object.keys(roles).length > 0 ? roles : null;
}

/**
 * Merges a sub-header into the header. When the parent (指标值) does not cover its sub-columns
 * (a text dump that lost its span and the blanks), they push every header right of it along.
 */
export function withSubHeader(header: Roles, sub: Roles, parentCovers: boolean): Roles {
  const subCols = Object.values(sub) as number[];
  const first = Math.min(...subCols);
  const last = Math.max(...subCols);
  const shift = parentCovers ? 0 : last - first;
  const out: Roles = {};
  for (const [role, c] of Object.entries(header) as [Role, number][]) {
    if (c > first) out[role] = c + shift;
    else if (c < first) out[role] = c;
  }
  return { ...out, ...sub };
}

/** Moves every role right of `col` along by `by` columns. */
export function shiftRight(roles: Roles, col: number, by: number): Roles {
  const out: Roles = {};
  for (const [role, c] of Object.entries(roles) as [Role, number][]) out[role] = c > col ? c + by : c;
  return out;
}
