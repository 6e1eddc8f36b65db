/**
 * Bytes to text for text dumps and web pages: BOM first, then a declared charset, then
 * detection between UTF-8 and the Chinese legacy encodings (GB18030 ⊃ GBK ⊃ GB2312, Big5).
 */

export interface Decoded {
  text: string;
  encoding: string;
}

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'utf-8': 'utf-8', utf8: 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', 'utf-16': 'utf-16le',
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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const charset = normaliseCharset(declared);
  if (charset) {
    // A declared charset can lie (a page saved as UTF-8 still says gb2312): trust it only if valid UTF-8 is not the better reading.
    if (charset !== 'utf-8' && isValidUtf8(bytes) && hasMultibyte(bytes)) return { text: utf8(bytes), encoding: 'utf-8' };
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

/** Common Chinese characters score low; replacement chars, private use and rare CJK score high. */
const COMMON = new Set('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞');

/** Frequent traditional forms, so correctly decoded Big5 text scores as low as simplified text. */
const COMMON_TRADITIONAL = new Set('這們個國來時說會對發於學後過種業動還從當經現實與開點問為體長見關頭義無機間東門車產將結書進樣應幾號電話論員總條處萬麼並區專邊氣計設準題際隊級導務報權決難聯類預算決支財政撥款收項目單位費資產務負債計劃績效評價縣市區鄉鎮歲總額營運維護購買補貼獎勵保險醫療衛生農業環節規劃設備網絡辦標準');

function decodeCost(text: string): number {
  let cost = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\ufffd') cost += 20;
    else if (cp >= 0xe000 && cp <= 0xf8ff) cost += 10;
    else if (cp >= 0x4e00 && cp <= 0x9fff) cost += COMMON.has(ch) || COMMON_TRADITIONAL.has(ch) ? 0 : 1;
    else if (cp >= 0x3400 && cp <= 0x4dbf) cost += 5;
  }
  return cost;
}
