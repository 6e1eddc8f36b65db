/**
 * Name normalisation before any lookup: full-width → half-width (NFKC), traditional →
 * simplified (opencc-js, t→cn), and no whitespace or stray punctuation inside a name.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** Characters that never belong to a region or department name. */
const NOISE = /[\s\u3000·•・"'“”‘’《》〈〉【】[\]]/g;

/** Only convert when a character outside common simplified use might be present (cheap test). */
const MAYBE_TRADITIONAL = /[\u4e00-\u9fff]/;

export function simplify(text: string): string {
  return MAYBE_TRADITIONAL.test(text) ? toSimplified(text) : text;
}

/**
 * A name as it is compared: NFKC, no spaces or quotes. Not converted to simplified here: some
 * official simplified names keep characters opencc would change (乾安县 → 干安县), so callers
 * try the name as written first and `simplify` it only when that fails.
 */
export function normalizeName(raw: string): string {
  return raw.normalize('NFKC').replace(NOISE, '');
}

/**
 * A line of text as it is scanned: NFKC, spaces between Han characters removed. Traditional
 * documents are converted by ingest; lines are not converted again for the reason above.
 */
export function normalizeLine(raw: string): string {
  return raw.normalize('NFKC').replace(/(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])/g, '');
}
