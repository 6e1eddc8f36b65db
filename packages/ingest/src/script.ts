/**
 * 繁體 → 简体. Traditional input is converted before any later stage reads it, so names,
 * headers and codes are matched in one script; the document records that it was traditional.
 */
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

function toSimplifiedRaw(text: string): string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(text);
}

export interface ScriptResult {
  text: string;
  script: 'simplified' | 'traditional';
}

/**
 * Converts text to simplified Chinese and tells which script it was in: traditional when more than
 * 3 % of its Han characters (and at least 3) have a different simplified form. Characters are
 * judged one by one (phrase rules could change lengths and shift positions); simplified text is
 * left exactly as is, so a 著 or 乾 in a simplified document is not rewritten.
 */
export function toSimplified(text: string): ScriptResult {
  let han = 0;
  let changed = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x3400 || cp > 0x9fff) continue;
    han++;
    if (simplifiedChar(ch) !== ch) changed++;
  }
  if (changed > Math.max(2, han * 0.03)) return { text: toSimplifiedRaw(text), script: 'traditional' };
  return { text, script: 'simplified' };
}

const charCache = new Map<string, string>();

function simplifiedChar(ch: string): string {
  let out = charCache.get(ch);
  if (out === undefined) {
    out = toSimplifiedRaw(ch);
    charCache.set(ch, out);
  }
  return out;
}

/** Simplified form of a short string (a cell): used once a document is known to be traditional. */
export function simplify(text: string): string {
  return toSimplifiedRaw(text);
}
