/**
 * A small XML scanner for the parts of a DOCX: it reads one tag at a time into a reused record
 * (no DOM, no per-character strings), decodes the five XML entities and character references,
 * and skips comments, processing instructions, DOCTYPE. Skipping a whole element (run
 * properties, a deleted run) is one or two indexOf calls, which is where most of a DOCX's bytes are.
 * Entities beyond the predefined five are left as written: a DOCX never declares any, and not
 * expanding them means no entity-expansion bomb.
 */

export const OPEN = 1;
export const EMPTY = 2; // self-closing <x/>
export const CLOSE = 3;
export const CDATA = 4;
export const OTHER = 5; // comment, processing instruction, DOCTYPE

/** One tag as read; the scanner overwrites the same record for every tag. */
export interface Tag {
  type: number;
  /** Qualified name as written (OPEN, EMPTY, CLOSE). */
  name: string;
  /** Where the attributes are in the source (OPEN, EMPTY), or the CDATA text. */
  start: number;
  stop: number;
  /** Index just after the tag's '>'. */
  end: number;
}

export class XmlError extends Error {
  constructor(
    what: string,
    readonly offset: number,
  ) {
    super(`${what} (at character ${offset})`);
    this.name = 'XmlError';
  }
}

export function newTag(): Tag {
  return { type: 0, name: '', start: 0, stop: 0, end: 0 };
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** True for the character right after a tag name: space, '/', '>'. */
export function endsName(c: number): boolean {
  return c === GT || c === SLASH || isSpace(c);
}

/** Reads the tag whose '<' is at `lt` into `tag`. */
export function readTag(xml: string, lt: number, tag: Tag): void {
  const next = xml.charCodeAt(lt + 1);
  if (next === SLASH) return readCloseTag(xml, lt, tag);
  if (next === 63 /* ? */) return skipTo(xml, lt, '?>', 'processing instruction', tag);
  if (next === 33 /* ! */) {
    if (xml.startsWith('!--', lt + 1)) return skipTo(xml, lt, '-->', 'comment', tag);
    if (xml.startsWith('![CDATA[', lt + 1)) {
      const close = xml.indexOf(']]>', lt + 9);
      if (close < 0) throw new XmlError('a CDATA section is never closed', lt);
      tag.type = CDATA;
      tag.start = lt + 9;
      tag.stop = close;
      tag.end = close + 3;
      return;
    }
    return skipDoctype(xml, lt, tag);
  }
  let i = lt + 1;
  while (i < xml.length && !endsName(xml.charCodeAt(i))) i++;
  if (i === lt + 1) throw new XmlError("a '<' that starts no tag", lt);
  const nameEnd = i;
  i = tagEnd(xml, i, lt);
  const empty = xml.charCodeAt(i - 1) === SLASH;
  tag.type = empty ? EMPTY : OPEN;
  tag.name = xml.slice(lt + 1, nameEnd);
  tag.start = nameEnd;
  tag.stop = empty ? i - 1 : i;
  tag.end = i + 1;
}

/** Index of the '>' ending a start tag, stepping over quoted attribute values (which may hold '>'). */
export function tagEnd(xml: string, from: number, lt: number): number {
  let i = from;
  for (;;) {
    if (i >= xml.length) throw new XmlError('a tag is never closed with >', lt);
    const c = xml.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOTE || c === APOSTROPHE) {
      const close = xml.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close < 0) throw new XmlError('an attribute value is never closed', i);
      i = close + 1;
    } else if (c === LT) {
      throw new XmlError("a '<' inside a tag", i);
    } else {
      i++;
    }
  }
}

function readCloseTag(xml: string, lt: number, tag: Tag): void {
  const gt = xml.indexOf('>', lt + 2);
  if (gt < 0) throw new XmlError('an end tag is never closed with >', lt);
  let nameEnd = lt + 2;
  while (nameEnd < gt && !isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
  tag.type = CLOSE;
  tag.name = xml.slice(lt + 2, nameEnd);
  tag.end = gt + 1;
}

function skipTo(xml: string, lt: number, terminator: string, what: string, tag: Tag): void {
  const close = xml.indexOf(terminator, lt + 2);
  if (close < 0) throw new XmlError(`a ${what} is never closed`, lt);
  tag.type = OTHER;
  tag.end = close + terminator.length;
}

/** <!DOCTYPE ...> with an optional [internal subset]; its declarations are not applied. */
function skipDoctype(xml: string, lt: number, tag: Tag): void {
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) depth--;
    else if (c === GT && depth <= 0) {
      tag.type = OTHER;
      tag.end = i + 1;
      return;
    }
  }
  throw new XmlError('a <! declaration is never closed', lt);
}

/**
 * Index of the '<' of the end tag closing the element `name` whose content starts at `from`,
 * counting nested elements of the same name. Throws when there is none.
 */
export function findClose(xml: string, name: string, from: number): number {
  const open = `<${name}`;
  const close = `</${name}`;
  let depth = 1;
  let p = from;
  for (;;) {
    const c = xml.indexOf(close, p);
    if (c < 0) throw new XmlError(`<${name}> is never closed`, from);
    const afterClose = c + close.length;
    if (!endsName(xml.charCodeAt(afterClose))) {
      p = afterClose;
      continue;
    }
    // Nested starts between p and c, found backwards from c: the scan ends at the element's own
    // start (or one already counted), so it stays inside the element instead of running on to the
    // next element of that name, which may be far away or absent (quadratic on big parts).
    for (let o = xml.lastIndexOf(open, c - 1); o >= p; o = o > 0 ? xml.lastIndexOf(open, o - 1) : -1) {
      const afterOpen = o + open.length;
      if (!endsName(xml.charCodeAt(afterOpen))) continue;
      if (xml.charCodeAt(tagEnd(xml, afterOpen, o) - 1) !== SLASH) depth++;
    }
    if (--depth === 0) return c;
    p = afterClose;
  }
}

/** Index just after the '>' of the end tag whose '<' is at `lt`. */
export function afterCloseTag(xml: string, lt: number): number {
  const gt = xml.indexOf('>', lt);
  if (gt < 0) throw new XmlError('an end tag is never closed with >', lt);
  return gt + 1;
}

/**
 * The value of attribute `name` (qualified, as written) among the attributes in xml[start, stop),
 * decoded; undefined when absent.
 */
export function attribute(xml: string, start: number, stop: number, name: string): string | undefined {
  let i = start;
  while (i < stop) {
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < stop && xml.charCodeAt(i) !== 61 /* = */ && !isSpace(xml.charCodeAt(i))) i++;
    const nameStop = i;
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) return undefined; // not name="value": give up on the rest
    i++;
    while (i < stop && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOSTROPHE) return undefined;
    const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
    if (valueEnd < 0 || valueEnd > stop) return undefined;
    if (nameStop - nameStart === name.length && xml.startsWith(name, nameStart))
      return decodeEntities(xml.slice(i + 1, valueEnd));
    i = valueEnd + 1;
  }
  return undefined;
}

/** All attributes of a tag as a map (for the few tags read whole: the root's namespace declarations). */
export function attributes(xml: string, start: number, stop: number): Map<string, string> {
  const out = new Map<string, string>();
  const pattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const text = xml.slice(start, stop);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.set(m[1], decodeEntities(m[2] ?? m[3]));
  return out;
}

const LINE_END = /[\r\u0085\u2028]/;

/**
 * XML 1.1 line ends (CR LF, CR NEL, CR, NEL, LS) → LF, as XML 1.1 parsers do before parsing: a
 * NEL inside text then reads as whitespace. Applies to literal text, not to references.
 */
export function normalizeLineEnds(text: string): string {
  if (!LINE_END.test(text)) return text;
  return text.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028]/g, '\n');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

/** Text with the five XML entities and numeric character references decoded. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, ref: string) => {
    if (ref.charCodeAt(0) !== 35 /* # */) return NAMED[ref];
    const code =
      ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88
        ? Number.parseInt(ref.slice(2), 16)
        : Number.parseInt(ref.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}
