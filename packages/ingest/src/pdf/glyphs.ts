/**
 * Glyph text normalisation for PDF text. Fonts in exported disclosures often map ideographs to
 * look-alike code points: Kangxi radicals (⼀ U+2F00), CJK radicals supplement (⻔ U+2ED4),
 * compatibility ideographs (U+F900…), enclosed forms, ligatures. Those are folded to the
 * ideographs a reader sees. Full-width punctuation (：（）) is kept as printed, so PDF text reads
 * like the same document's DOCX or XLSX text.
 */

/**
 * CJK Radicals Supplement code points that have no Unicode decomposition but stand for an
 * ordinary ideograph. Source: the character names in the Unicode Character Database
 * (UnicodeData.txt, block 2E80..2EFF), e.g. U+2ED4 CJK RADICAL C-SIMPLIFIED GATE → 门.
 */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '\u2E8C': '小',
  '\u2E8D': '小',
  '\u2E95': '彐',
  '\u2E97': '心',
  '\u2E98': '扌',
  '\u2E99': '攵',
  '\u2E9B': '旡',
  '\u2E9D': '月',
  '\u2E9E': '歺',
  '\u2EA0': '民',
  '\u2EA3': '灬',
  '\u2EA4': '爫',
  '\u2EA7': '牛',
  '\u2EA8': '犭',
  '\u2EA9': '王',
  '\u2EAA': '疋',
  '\u2EAB': '罒',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EAE': '竹',
  '\u2EB2': '罒',
  '\u2EB3': '罒',
  '\u2EB7': '羊',
  '\u2EB9': '耂',
  '\u2EBB': '聿',
  '\u2EBC': '月',
  '\u2EBE': '艹',
  '\u2EBF': '艹',
  '\u2EC0': '艹',
  '\u2EC1': '虎',
  '\u2EC2': '衤',
  '\u2EC3': '覀',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECA': '足',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ECD': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '长',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EDF': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEB': '斉',
  '\u2EEC': '齐',
  '\u2EED': '歯',
  '\u2EEE': '齿',
  '\u2EEF': '竜',
  '\u2EF0': '龙',
  '\u2EF1': '龜',
  '\u2EF2': '亀',
  '\u2EF3': '龟',
};

/** Code point ranges folded with NFKC: radicals, compatibility ideographs, enclosed CJK, ligatures. */
const NFKC_RANGES: [number, number][] = [
  [0x2f00, 0x2fdf], // Kangxi radicals
  [0x3200, 0x33ff], // enclosed CJK letters, CJK compatibility
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfb00, 0xfb06], // Latin ligatures (ﬁ)
  [0xff10, 0xff19], // full-width digits
  [0x2f800, 0x2fa1f], // CJK compatibility ideographs supplement
  [0x00a0, 0x00a0], // no-break space
  [0x3000, 0x3000], // ideographic space
];

const NEEDS_WORK =
  /[\u00a0\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufb00-\ufb06\uff10-\uff19\u{2f800}-\u{2fa1f}\u0000-\u001f\u00ad\u200b-\u200d\ufeff]/u;

export function normalizeGlyphs(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (RADICALS_SUPPLEMENT[ch]) out += RADICALS_SUPPLEMENT[ch];
    else if (NFKC_RANGES.some(([a, b]) => cp >= a && cp <= b)) out += ch.normalize('NFKC');
    else if (cp < 0x20 || cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0xfeff) continue;
    else out += ch;
  }
  return out;
}

/** Han ideographs and CJK punctuation: no space is written between two of them. */
export function isCjk(ch: string): boolean {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u{20000}-\u{2fa1f}]/u.test(ch);
}

/** Characters drawn about one em wide; the rest are taken as half an em. */
export function isWide(ch: string): boolean {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(
    ch,
  );
}
