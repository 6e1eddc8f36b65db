/**
 * Money and percentages as printed in prose: 938.99万元, 37,151.47 万元, 25万元, 9,389,939.00元,
 * 1.2亿元, 57.14%. Amounts are exact integers of fen; the precision is what the printed digits allow.
 */

export interface MoneyMention {
  /** Offsets of the printed figure (number and unit) in the sentence. */
  start: number;
  end: number;
  printed: string;
  /** Exact amount in fen. */
  fen: bigint;
  /** One unit of the last printed digit, in fen (at least 1): figures agree when they differ by less than half of it. */
  unitFen: bigint;
}

export interface PercentMention {
  start: number;
  end: number;
  value: number;
  /** Digits after the decimal point. */
  decimals: number;
}

const UNIT_EXPONENT: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/**
 * Full-width digits, decimal points and percent signs as ASCII, whitespace next to Chinese text
 * dropped (`307.82 万元` → `307.82万元`), so figures read alike in every document.
 */
export function normalizeSentence(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)[．。](?=\d)/g, '.')
    .replace(/％/g, '%')
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .replace(/(?<=\d) (?=[%.,])|(?<=[.,]) (?=\d)/g, '')
    .trim();
}

const MONEY = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(亿元|万元|千元|元)/g;
const PERCENT = /(?<![\d.])(\d+)(?:\.(\d+))?%/g;

export function moneyMentions(sentence: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const m of sentence.matchAll(MONEY)) {
    const int = m[1]!.replace(/,/g, '');
    const frac = m[2] ?? '';
    const exponent = UNIT_EXPONENT[m[3]!]! + 2 - frac.length;
    const digits = BigInt(int + frac);
    const fen = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits / 10n ** BigInt(-exponent);
    // Below a fen (0.001元) the figure is kept to the fen.
    const unitFen = exponent >= 0 ? 10n ** BigInt(exponent) : 1n;
    out.push({ start: m.index!, end: m.index! + m[0].length, printed: m[0], fen, unitFen });
  }
  return out;
}

export function percentMentions(sentence: string): PercentMention[] {
  return [...sentence.matchAll(PERCENT)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    value: Number(`${m[1]}.${m[2] ?? '0'}`),
    decimals: (m[2] ?? '').length,
  }));
}

/** Printed precision in yuan: 938.99万元 → 100, 25万元 → 10000, 9,389,939.00元 → 0.01. */
export function precisionYuan(m: MoneyMention): number {
  return fenToYuanNumber(m.unitFen);
}

/** Whether two amounts agree within half a unit of the coarser printed precision (exact in fen). */
export function agrees(a: bigint, b: bigint, unitFen: bigint): boolean {
  const diff = a > b ? a - b : b - a;
  return diff === 0n || 2n * diff < unitFen;
}

export function fenToYuanNumber(fen: bigint): number {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const value = Number(`${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
  return negative ? -value : value;
}

/** Yuan as JSON carries it (a fact's value) to exact fen. */
export function yuanToFen(yuan: number): bigint {
  return BigInt(Math.round(yuan * 100));
}

/** 5,196,228.44 for messages. */
export function formatYuan(fen: bigint): string {
  const negative = fen < 0n;
  const s = String(negative ? -fen : fen).padStart(3, '0');
  return `${negative ? '-' : ''}${s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${s.slice(-2)}`;
}
