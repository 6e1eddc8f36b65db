/**
 * Exact amounts. Money is parsed from its printed text into integer fen (1 yuan = 100 fen) by
 * string arithmetic, never through floating point, so 3,871,094.01 is exactly 387109401 fen.
 */
import type { TableUnit } from './schemas.js';
import { noSpaces } from './text.js';

/** Yuan per table unit, as a power of ten (万元 = 10^4 yuan). */
export const UNIT_EXPONENT: Record<TableUnit, number> = { yuan: 0, thousand_yuan: 3, ten_thousand_yuan: 4 };

export interface ParsedNumber {
  /** Sign and digits with the decimal point removed: value = digits × 10^-scale. */
  negative: boolean;
  digits: string;
  scale: number;
  /** True when the text ended in % or ％. */
  percent: boolean;
}

const DASHES = /^[-—–－―─~～/／\\]+$/;

/**
 * Reads a printed number: thousands separators (, ， space), full-width digits, 。 or ． as the
 * decimal point, a leading minus or parentheses for negatives, a trailing %. Returns `null` for
 * blank and dash cells (no fact), `undefined` when the text is not a number at all.
 */
export function parseNumber(text: string): ParsedNumber | null | undefined {
  let s = noSpaces(text.normalize('NFKC'));
  if (s === '' || DASHES.test(s)) return null;
  let negative = false;
  let percent = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
  if (s.endsWith('%')) { percent = true; s = s.slice(0, -1); }
  if (s.startsWith('-') || s.startsWith('−')) { negative = !negative; s = s.slice(1); }
  else if (s.startsWith('+')) s = s.slice(1);
  s = s.replace(/。/g, '.').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const [int = '', frac = ''] = s.split('.');
  const digits = (int + frac).replace(/^0+(?=\d)/, '') || '0';
  return { negative, digits, scale: frac.length, percent };
}

/** The parsed number as a JS number (for counts and percentages, and for JSON output). */
export function toNumber(n: ParsedNumber): number {
  const v = Number(shiftDecimal(n.digits, -n.scale));
  return n.negative && v !== 0 ? -v : v;
}

/**
 * Money in fen for a number printed in `unit`. Returns undefined when the value has more
 * precision than a fen (e.g. 0.001 元), which callers report instead of rounding silently.
 */
export function toFen(n: ParsedNumber, unit: TableUnit): number | undefined {
  const exp = UNIT_EXPONENT[unit] + 2 - n.scale;
  let digits = n.digits;
  if (exp >= 0) digits = digits + '0'.repeat(exp);
  else {
    const cut = digits.slice(digits.length + exp);
    if (/[1-9]/.test(cut)) return undefined;
    digits = digits.slice(0, digits.length + exp) || '0';
  }
  const v = Number(digits);
  if (!Number.isSafeInteger(v)) return undefined;
  return n.negative && v !== 0 ? -v : v;
}

/** Fen to yuan for output: 387109401 → 3871094.01 (the shortest decimal JSON gives is exact). */
export function fenToYuan(fen: number): number {
  return Number(shiftDecimal(String(Math.abs(fen)), -2)) * (fen < 0 ? -1 : 1);
}

/** Yuan (as written in JSON) to fen, rounding away float noise: 0.1 + 0.2 style errors vanish. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Formats fen as 5,196,228.44 for messages. */
export function formatFen(fen: number): string {
  const neg = fen < 0;
  const s = String(Math.abs(fen)).padStart(3, '0');
  const int = s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}.${s.slice(-2)}`;
}

function shiftDecimal(digits: string, exp: number): string {
  if (exp >= 0) return digits + '0'.repeat(exp);
  const pad = digits.padStart(-exp + 1, '0');
  return `${pad.slice(0, pad.length + exp)}.${pad.slice(pad.length + exp)}`;
}
