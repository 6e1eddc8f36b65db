/**
 * Reading the cells of one indicator row: comparison operators (≥90, 大于等于90, 30人次以上),
 * numbers with a unit glued on (≥50次, 100%), weights printed in a level name (督查暗访（3分）).
 */
import { noSpaces, parseNumber, toNumber } from '@govdocs/core';
import type { IndicatorRecord } from '@govdocs/core';

export type Operator = NonNullable<IndicatorRecord['operator']>;

/** Operator words and signs, longest first so 大于等于 wins over 大于 and >= over >. */
const PREFIX_OPERATORS: [string, Operator][] = [
  ['大于或等于', '>='], ['小于或等于', '<='], ['大于等于', '>='], ['小于等于', '<='], ['不低于', '>='], ['不少于', '>='],
  ['不小于', '>='], ['不高于', '<='], ['不超过', '<='], ['不多于', '<='], ['不大于', '<='], ['至少', '>='], ['最多', '<='],
  ['>=', '>='], ['=>', '>='], ['<=', '<='], ['=<', '<='], ['≥', '>='], ['≧', '>='], ['⩾', '>='], ['≤', '<='], ['≦', '<='], ['⩽', '<='],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['多于', '>'], ['小于', '<'], ['低于', '<'], ['少于', '<'], ['等于', '='],
  ['>', '>'], ['<', '<'], ['=', '='],
];

/** Operators written after the number: 30人次以上, 5%以内. */
const SUFFIX_OPERATORS: [RegExp, Operator][] = [
  [/(?:及|或)?以上$/, '>='], [/(?:及|或)?以下$/, '<='], [/以内$/, '<='],
];

/** Normalises full-width signs (＞＝ → >=) without touching Chinese words. */
function plain(text: string): string {
  return noSpaces(text.normalize('NFKC')).replace(/＝/g, '=');
}

/** The operator a cell of its own holds (指标性质 / 符号 columns), or null for 定量/定性/文字描述. */
export function operatorOf(text: string): Operator | null {
  const s = plain(text);
  for (const [sign, op] of PREFIX_OPERATORS) if (s === sign) return op;
  return null;
}

export interface Target {
  operator: Operator | null;
  /** The target as printed, without its operator and glued-on unit when it is a number. */
  target: string | null;
  value: number | null;
  unit: string | null;
}

/** A unit glued to a number: 次, 人次, 平方米, %, 万元, 个/年. Words such as 月底前完成 are not units. */
const UNIT = /^(?:%|‰|[\u4e00-\u9fffA-Za-z²³/·]{1,4})$/;
const NOT_UNIT = /[前后内底完成达到以及或的]/;

/**
 * Reads a printed target: ≥90 → >= 90; 大于等于95% → >= 95 %; 30人次以上 → >= 30 人次;
 * 合理 → no operator, no value, target 合理.
 */
export function readTarget(printed: string): Target {
  let s = plain(printed);
  if (!s) return { operator: null, target: null, value: null, unit: null };
  let operator: Operator | null = null;
  for (const [sign, op] of PREFIX_OPERATORS) {
    if (s.startsWith(sign) && s.length > sign.length) { operator = op; s = s.slice(sign.length); break; }
  }
  if (!operator) {
    for (const [re, op] of SUFFIX_OPERATORS) {
      if (re.test(s) && /\d/.test(s)) { operator = op; s = s.replace(re, ''); break; }
    }
  }
  const m = /^([-+]?\d[\d,]*(?:\.\d+)?)(.*)$/.exec(s);
  if (m) {
    const rest = m[2];
    const unit = rest === '' ? null : UNIT.test(rest) && !NOT_UNIT.test(rest) ? rest : undefined;
    const n = parseNumber(m[1]);
    if (unit !== undefined && n) return { operator, target: m[1].replace(/,/g, ''), value: toNumber(n), unit };
  }
  // Not a number (with a unit): the words are the target; an operator word stays in them.
  return { operator: operator && /\d/.test(s) ? operator : null, target: printed.trim(), value: null, unit: null };
}

/** A weight or score cell: 5.00, 3分, 10％ → the number; blank or dash → null; words → undefined. */
export function readScore(text: string): number | null | undefined {
  const s = plain(text).replace(/分$/, '');
  const n = parseNumber(s);
  if (n === null) return null;
  if (n === undefined) return undefined;
  return toNumber(n);
}

/** A level name with a weight printed in it: 组织开展督查暗访（3分） → name and 3; 数量指标（6） → 6. */
export function splitWeight(name: string): { name: string; weight: number | null } {
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[）)]\s*$/.exec(name);
  if (!m || !m[1]) return { name, weight: null };
  return { name: m[1], weight: Number(m[2]) };
}
