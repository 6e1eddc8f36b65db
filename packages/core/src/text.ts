/** Text normalisation shared by every stage. */

/** NFKC (full-width → half-width digits and punctuation, CJK compatibility and radicals → unified). */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

const HAN = '\\u2e80-\\u2fdf\\u3005-\\u3007\\u3021-\\u3029\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}（）()、，：:“”])[\\s\\u3000]+(?=[${HAN}（）()、，：:“”])`, 'g');

/** Removes whitespace between Chinese characters (新 平 县 → 新平县), keeps it between Latin words. */
export function squeezeHanSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_HAN, '');
}

/** Trims, collapses runs of whitespace and removes it between Han characters. */
export function cleanText(text: string): string {
  return squeezeHanSpaces(text.replace(/[\s\u3000]+/g, ' ').trim());
}

/** Removes every kind of whitespace (\s covers the ideographic space U+3000 and U+00A0). */
export function noSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/** What went wrong, as text for a message: an Error's message, or the thrown value itself. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when the text holds at least one Han character. */
export function hasHan(text: string): boolean {
  return new RegExp(`[${HAN}]`).test(text);
}
