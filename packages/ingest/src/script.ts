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
 * Converts text to simplified Chinese and tells which script it was in: traditional when
 * conversion changes more than 3 % of its Han characters (simplified text is left nearly as is).
 */
export function toSimplified(text: string): ScriptResult {
  const converted = toSimplifiedRaw(text);
  if (converted === text) return { text, script: 'simplified' };
  let han = 0;
  let changed = 0;
  const a = Array.from(text);
  const b = Array.from(converted);
  if (a.length !== b.length) return { text: converted, script: 'traditional' };
  for (let i = 0; i < a.length; i++) {
    const cp = a[i].codePointAt(0)!;
    if (cp >= 0x3400 && cp <= 0x9fff) {
      han++;
      if (a[i] !== b[i]) changed++;
    }
  }
  return changed > Math.max(2, han * 0.03) ? { text: converted, script: 'traditional' } : { text, script: 'simplified' };
}

/** Simplified form of a short string (a cell): used once a document is known to be traditional. */
export function simplify(text: string): string {
  return toSimplifiedRaw(text);
}
