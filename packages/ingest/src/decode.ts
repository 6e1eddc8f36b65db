/**
 * Bytes to text for text dumps and web pages: BOM first, then a declared charset, then
 * detection between UTF-8 and the Chinese legacy encodings (GB18030 ⊃ GBK ⊃ GB2312, Big5).
 */
import { readFileSync } from 'node:fs';

export interface Decoded {
  text: string;
  encoding: string;
}

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16': 'utf-16le',
};

export function normaliseCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const known = ALIASES[name.trim().toLowerCase()];
  if (known) return known;
  try {
    // Any other label the WHATWG Encoding Standard knows (shift_jis, windows-1252, …).
    return new TextDecoder(name.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** The charset a web page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m?.[1];
}

/** Share of characters that could not be decoded (U+FFFD), 0..1. */
export function undecodableShare(text: string): number {
  if (!text.length) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / text.length;
}

export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const charset = normaliseCharset(declared);
  if (charset) {
    // A declared charset can lie (a page saved as UTF-8 still says gb2312): trust it only if valid UTF-8 is not the better reading.
    if (charset !== 'utf-8' && isValidUtf8(bytes) && hasMultibyte(bytes))
      return { text: utf8(bytes), encoding: 'utf-8' };
    // Pages declaring gb2312 are sometimes Big5 (and the other way round): keep the declared reading unless the other is far cleaner.
    if (charset === 'gb18030' || charset === 'big5') return chooseLegacy(bytes, charset);
    // A page saying UTF-8 whose bytes are not UTF-8 was saved in a legacy encoding (often by a crawler).
    if (charset === 'utf-8' && !isValidUtf8(bytes)) return detectLegacy(bytes);
    return { text: new TextDecoder(charset).decode(bytes), encoding: charset };
  }
  if (isValidUtf8(bytes)) return { text: utf8(bytes), encoding: 'utf-8' };
  return detectLegacy(bytes);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** GB18030 vs Big5: decode with both and keep the one with fewer replacement and rare characters. */
function detectLegacy(bytes: Uint8Array): Decoded {
  const candidates = ['gb18030', 'big5'].map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes);
    return { text, encoding, cost: decodeCost(text) };
  });
  candidates.sort((a, b) => a.cost - b.cost);
  return { text: candidates[0].text, encoding: candidates[0].encoding };
}

function chooseLegacy(bytes: Uint8Array, declared: string): Decoded {
  const other = declared === 'big5' ? 'gb18030' : 'big5';
  const mine = new TextDecoder(declared).decode(bytes);
  const theirs = new TextDecoder(other).decode(bytes);
  const mineCost = decodeCost(mine);
  return decodeCost(theirs) * 2 < mineCost ? { text: theirs, encoding: other } : { text: mine, encoding: declared };
}

/** Characters that cost nothing in decodeCost (data/README.md says where the lists come from); read on first use. */
let common: Set<string> | undefined;

function commonCharacters(): Set<string> {
  if (!common) {
    const read = (file: string) =>
      readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8').replace(/\s+/g, '');
    // Frequent simplified characters, and frequent traditional forms so that correctly decoded Big5 text scores as low as simplified text.
    common = new Set(read('common-simplified.txt') + read('common-traditional.txt'));
  }
  return common;
}

/** Common Chinese characters score low; replacement chars, private use and rare CJK score high. */
function decodeCost(text: string): number {
  const known = commonCharacters();
  let cost = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\ufffd') cost += 20;
    else if (cp >= 0xe000 && cp <= 0xf8ff) cost += 10;
    else if (cp >= 0x4e00 && cp <= 0x9fff) cost += known.has(ch) ? 0 : 1;
    else if (cp >= 0x3400 && cp <= 0x4dbf) cost += 5;
  }
  return cost;
}
