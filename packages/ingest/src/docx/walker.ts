/**
 * The reading loop of a WordprocessingML part: one pass over the XML with no DOM, each element
 * looked up by name (elements.ts) and handed to the reader's `start`/`end`; text of w:t to its
 * `text`. Elements whose content does not count are skipped whole (one or two indexOf calls), and
 * of an mc:AlternateContent only one branch is read. Checks that every end tag closes the element
 * it should, so a damaged part is an error, never a silently shortened text.
 */
import { ELEMENT_KINDS, type ElementKind } from './elements.js';
import { PartNames } from './namespaces.js';
import {
  afterCloseTag,
  attribute,
  CDATA,
  CLOSE,
  decodeEntities,
  EMPTY,
  findClose,
  newTag,
  normalizeLineEnds,
  OPEN,
  readTag,
  type Tag,
  XmlError,
} from './xml.js';

export abstract class PartWalker {
  protected readonly names = new PartNames();
  /** Kinds of the open elements (innermost last). */
  protected readonly kinds: ElementKind[] = [];
  /** Names of the open elements as written, to check each end tag. */
  private readonly open: string[] = [];
  /** Alternate content being read: at `at` (the chosen branch's end) go on from `to`. */
  private readonly jumps: { at: number; to: number }[] = [];
  private readonly tag: Tag = newTag();

  constructor(
    protected readonly xml: string,
    protected readonly part: string,
  ) {}

  /** What an element does when it starts; returns the kind to record for its end (may change it; 'skip' skips it whole). */
  protected abstract start(kind: ElementKind, tag: Tag): ElementKind;
  /** What an element does when it ends. */
  protected abstract end(kind: ElementKind): void;
  /** Text inside w:t. */
  protected abstract text(text: string): void;
  /** w:pPr, read whole: its content is xml[from, to). */
  protected abstract paragraphProperties(from: number, to: number): void;

  /** Reads the part; throws when it is not well-formed XML. */
  walk(): void {
    const { xml, tag } = this;
    let pos = 0;
    let rootSeen = false;
    try {
      for (;;) {
        const lt = xml.indexOf('<', pos);
        if (lt !== pos && this.kinds[this.kinds.length - 1] === 't')
          this.text(decodeEntities(normalizeLineEnds(xml.slice(pos, lt < 0 ? xml.length : lt))));
        if (lt < 0) break;
        const jump = this.jumps[this.jumps.length - 1];
        if (jump && jump.at === lt) {
          this.jumps.pop();
          pos = jump.to;
          continue;
        }
        readTag(xml, lt, tag);
        pos = tag.end;
        if (tag.type === OPEN || tag.type === EMPTY) {
          if (!rootSeen) {
            rootSeen = true;
            this.names.read(xml, tag);
          }
          pos = this.openElement(tag);
        } else if (tag.type === CLOSE) {
          this.closeElement(tag, lt);
        } else if (tag.type === CDATA && this.kinds[this.kinds.length - 1] === 't') {
          this.text(normalizeLineEnds(xml.slice(tag.start, tag.stop)));
        }
      }
      if (this.open.length > 0)
        throw new XmlError(`the part ends inside <${this.open[this.open.length - 1]}>`, xml.length);
      if (!rootSeen) throw new XmlError('the part holds no XML element', 0);
    } catch (error) {
      if (error instanceof XmlError) throw new Error(`${this.part} is not well-formed XML: ${error.message}`);
      throw error;
    }
  }

  /** Handles a start tag; returns where reading goes on. */
  private openElement(tag: Tag): number {
    const name = this.names.prefixes ? this.names.canonical(tag.name) : tag.name;
    let kind = ELEMENT_KINDS.get(name) ?? 'through';
    if (kind === 'skip') return tag.type === EMPTY ? tag.end : this.skip(tag);
    if (kind === 'pPr') return this.readWhole(tag);
    if (kind === 'alternate') return this.alternate(tag);
    kind = this.start(kind, tag);
    if (kind === 'skip') return tag.type === EMPTY ? tag.end : this.skip(tag);
    if (tag.type === EMPTY) {
      this.end(kind);
    } else {
      this.kinds.push(kind);
      this.open.push(tag.name);
    }
    return tag.end;
  }

  private closeElement(tag: Tag, lt: number): void {
    const name = this.open.pop();
    if (name === undefined) throw new XmlError(`</${tag.name}> closes nothing`, lt);
    if (name !== tag.name) throw new XmlError(`</${tag.name}> where </${name}> was expected`, lt);
    this.end(this.kinds.pop()!);
  }

  /** Paragraph properties: searched as a whole rather than read tag by tag. */
  private readWhole(tag: Tag): number {
    if (tag.type === EMPTY) return tag.end;
    const close = findClose(this.xml, tag.name, tag.end);
    this.paragraphProperties(tag.end, close);
    return afterCloseTag(this.xml, close);
  }

  /**
   * mc:AlternateContent: the Fallback (what older readers show), else the first Choice. Reading
   * jumps into the chosen branch and, at its end, past the whole element.
   */
  private alternate(tag: Tag): number {
    if (tag.type === EMPTY) return tag.end;
    const xml = this.xml;
    const close = findClose(xml, tag.name, tag.end);
    const after = afterCloseTag(xml, close);
    let choice: { start: number; stop: number } | null = null;
    let fallback: { start: number; stop: number } | null = null;
    const child = newTag();
    for (let p = tag.end, lt = xml.indexOf('<', p); lt >= 0 && lt < close; lt = xml.indexOf('<', p)) {
      readTag(xml, lt, child);
      p = child.end;
      if (child.type !== OPEN && child.type !== EMPTY) continue;
      const name = this.names.canonical(child.name);
      const stop = child.type === EMPTY ? child.end : findClose(xml, child.name, child.end);
      const range = { start: child.end, stop };
      if (name === 'mc:Fallback' && !fallback) fallback = range;
      else if (name === 'mc:Choice' && !choice) choice = range;
      if (child.type === OPEN) p = afterCloseTag(xml, stop);
    }
    const chosen = fallback ?? choice;
    if (!chosen || chosen.stop <= chosen.start) return after;
    this.jumps.push({ at: chosen.stop, to: after });
    return chosen.start;
  }

  private skip(tag: Tag): number {
    return afterCloseTag(this.xml, findClose(this.xml, tag.name, tag.end));
  }

  protected attribute(tag: Tag, name: string): string | undefined {
    return attribute(this.xml, tag.start, tag.stop, name);
  }
}
