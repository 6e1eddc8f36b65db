/**
 * Name normalisation before any lookup: full-width → half-width (NFKC), traditional →
 * simplified (opencc-js, t→cn), and no whitespace or stray punctuation inside a name.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** Characters that never belong to a region or department name. */
const NOISE = /[\s\u3000·•・"'“”‘’《》〈〉【】\[\]]/g;

/** Only convert when a character outside common simplified use might be present (cheap test). */
const MAYBE_TRADITIONAL = /[\u4e00-\u9fff]/;

export function simplify(text: string): string {
  return MAYBE_TRADITIONAL.test(text) ? toSimplified(text) : text;
}

/** A name as it is compared: NFKC, simplified, no spaces or quotes. */
export function normalizeName(raw: string): string {
  return simplify(raw.normalize('NFKC')).replace(NOISE, '');
}

/** A line of text as it is scanned: NFKC, simplified, spaces between Han characters removed. */
export function normalizeLine(raw: string): string {
  return simplify(raw.normalize('NFKC'))
    .replace(/(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])/g, '');
}
