/**
 * WordprocessingML → the HTML-like tree the web-page walker reads (html/dom.ts DomNode), in one
 * pass over the XML with no DOM: a `p` per paragraph (text runs, tabs, `br` per line break),
 * `table`/`tr`/`td` per table with colspan from gridSpan and rowspan from vMerge, nested tables in
 * cells, text-box paragraphs after the paragraph that anchors them.
 *
 * What is read follows mammoth (which this replaces), so documents read as before: text of w:t
 * wherever it sits (hyperlinks, smart tags, content controls, insertions, field results), not
 * deleted text (w:del, w:moveFrom), field codes (w:instrText), properties; for
 * mc:AlternateContent the mc:Fallback. Differences, each deliberate:
 * - rows with w:gridBefore get a leading empty cell so their cells stay in their grid columns;
 * - an mc:AlternateContent without a Fallback reads its first mc:Choice (mammoth read nothing);
 * - w:fldSimple, w:dir, w:bdo, w:ruby (base text) and DrawingML text boxes are read (mammoth skipped them);
 * - page and column breaks and w:cr end a line (mammoth joined the text on both sides);
 * - footnote/endnote references leave no "[1]" in the text (it would spoil a number in a cell);
 *   the notes' text is returned for the caller to append, as mammoth appended it;
 * - a checkbox content control keeps its ☐/☒ character (mammoth turned it into a form input, i.e. nothing);
 * - vertical merges are resolved even in tables holding bookmarks (mammoth gave up on those).
 */
import { createRequire } from 'node:module';
import type { DomNode } from '../html/dom.js';
import { afterCloseTag, attribute, attributes, CDATA, CLOSE, decodeEntities, EMPTY, endsName, findClose, newTag, normalizeLineEnds, OPEN, readTag, type Tag, XmlError } from './xml.js';

/** Deeper table nesting is read as plain paragraphs: the walker recurses per nesting level. */
const MAX_TABLE_NESTING = 40;
const MAX_SPAN = 1000;

// What an element means to the reader. Anything not listed is read through (its content counts).
const K_THROUGH = 0;
const K_SKIP = 1;
const K_BODY = 2;
const K_P = 3;
const K_PPR = 4;
const K_T = 5;
const K_TAB = 6;
const K_BREAK = 7;
const K_SYM = 8;
const K_CHAR = 9;
const K_TBL = 10;
const K_TR = 11;
const K_TC = 12;
const K_TCPR = 13;
const K_TRPR = 14;
const K_GRID_SPAN = 15;
const K_VMERGE = 16;
const K_GRID_BEFORE = 17;
const K_DEL = 18;
const K_ALTERNATE = 19;
const K_NOTE_REF = 20;
const K_NOTE = 21;
const K_FLAT_TBL = 22;

const KINDS = new Map<string, number>([
  ['w:body', K_BODY],
  ['w:p', K_P],
  ['w:pPr', K_PPR],
  ['w:t', K_T],
  ['w:tab', K_TAB],
  ['w:ptab', K_TAB],
  ['w:br', K_BREAK],
  ['w:cr', K_BREAK],
  ['w:sym', K_SYM],
  ['w:noBreakHyphen', K_CHAR],
  ['w:softHyphen', K_CHAR],
  ['w:tbl', K_TBL],
  ['w:tr', K_TR],
  ['w:tc', K_TC],
  ['w:tcPr', K_TCPR],
  ['w:trPr', K_TRPR],
  ['w:gridSpan', K_GRID_SPAN],
  ['w:vMerge', K_VMERGE],
  ['w:gridBefore', K_GRID_BEFORE],
  ['w:del', K_DEL],
  ['mc:AlternateContent', K_ALTERNATE],
  ['w:footnoteReference', K_NOTE_REF],
  ['w:endnoteReference', K_NOTE_REF],
  ['w:footnote', K_NOTE],
  ['w:endnote', K_NOTE],
  // Skipped whole: properties (and their change records, which hold old values), deleted and
  // moved-away text, field codes, ruby annotations, math.
  ...[
    'w:rPr', 'w:sdtPr', 'w:sdtEndPr', 'w:tblPr', 'w:tblPrEx', 'w:tblGrid', 'w:sectPr', 'w:delText', 'w:instrText', 'w:delInstrText',
    'w:moveFrom', 'w:rPrChange', 'w:pPrChange', 'w:tcPrChange', 'w:trPrChange', 'w:tblPrChange', 'w:tblGridChange', 'w:sectPrChange',
    'w:numberingChange', 'w:rt', 'w:fldData', 'w:ffData', 'm:oMath', 'm:oMathPara', 'w:background',
  ].map((name): [string, number] => [name, K_SKIP]),
]);

/** Namespaces by URI → the prefix this reader's names use (transitional and strict OOXML). */
const NAMESPACES = new Map([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'm'],
  ['http://purl.oclc.org/ooxml/officeDocument/math', 'm'],
]);

export interface Cell {
  td: DomNode;
  colSpan: number;
  /** 0 none, 1 restart, 2 continue (vMerge without val means continue). */
  vMerge: number;
  rowSpan: number;
}

export interface Row {
  cells: Cell[];
  gridBefore: number;
  deleted: boolean;
}

/** Where content goes while an element is open: the body, a note, a paragraph, a table, a cell. */
interface Sink {
  kind: 'root' | 'p' | 'table' | 'cell';
  /** Nodes inside: a paragraph's text and `br`s; a cell's or the body's blocks. */
  children: DomNode[];
  /** Text of the line being read, joined when the line ends. */
  parts: string[];
  /** Where this sink's own node goes when it closes (paragraph, table). */
  target: DomNode[];
  /** Paragraph: blocks met inside it (text boxes), placed after it. */
  extras: DomNode[] | null;
  /** Paragraph: its mark is deleted (tracked change), so its content joins the next paragraph. */
  deleted: boolean;
  rows: Row[];
  row: Row | null;
  cell: Cell | null;
  noteId: string;
}

export interface NoteRef {
  kind: 'footnote' | 'endnote';
  id: string;
}

export interface BodyTree {
  root: DomNode;
  /** Every text node, for the script check and 繁→简 conversion. */
  texts: DomNode[];
  noteRefs: NoteRef[];
}

export interface NotesTree {
  notes: Map<string, DomNode[]>;
  texts: DomNode[];
}

/** Reads word/document.xml (or whatever the main part is called). */
export function readBody(xml: string, part: string): BodyTree {
  const reader = new BodyReader(xml, part);
  reader.run();
  if (!reader.body) throw new Error(`${part} has no document body (w:body); it is not a Word document part`);
  return { root: reader.body, texts: reader.texts, noteRefs: reader.noteRefs };
}

/** Reads word/footnotes.xml or endnotes.xml: each note's blocks by id. */
export function readNotes(xml: string, part: string): NotesTree {
  const reader = new BodyReader(xml, part);
  reader.run();
  return { notes: reader.notes, texts: reader.texts };
}

class BodyReader {
  body: DomNode | null = null;
  readonly texts: DomNode[] = [];
  readonly noteRefs: NoteRef[] = [];
  readonly notes = new Map<string, DomNode[]>();

  private readonly tag: Tag = newTag();
  /** Open elements: their kinds and names as written (to check each end tag). */
  private readonly kinds: number[] = [];
  private readonly names: string[] = [];
  private readonly sinks: Sink[] = [];
  /** Alternate content being read: at `at` (the chosen branch's end) go on from `to`. */
  private readonly jumps: { at: number; to: number }[] = [];
  private tableDepth = 0;
  private flatTables = 0;
  /** Content of paragraphs whose mark was deleted, waiting for the next paragraph. */
  private carried: Sink | null = null;
  /** Prefix remapping when the part does not use the usual prefixes (null: names are read as written). */
  private prefixes: Map<string, string> | null = null;
  private wPrefix = 'w:';
  private readonly attr = { val: 'w:val', type: 'w:type', id: 'w:id', font: 'w:font', char: 'w:char' };

  constructor(
    private readonly xml: string,
    private readonly part: string,
  ) {}

  run(): void {
    const { xml, tag } = this;
    let pos = 0;
    let rootSeen = false;
    try {
      for (;;) {
        const lt = xml.indexOf('<', pos);
        if (lt !== pos && this.kinds[this.kinds.length - 1] === K_T) this.text(decodeEntities(normalizeLineEnds(xml.slice(pos, lt < 0 ? xml.length : lt))));
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
            this.readNamespaces(tag);
          }
          pos = this.open(tag);
        } else if (tag.type === CLOSE) {
          this.close(tag, lt);
        } else if (tag.type === CDATA && this.kinds[this.kinds.length - 1] === K_T) {
          this.text(normalizeLineEnds(xml.slice(tag.start, tag.stop)));
        }
      }
      if (this.names.length > 0) throw new XmlError(`the part ends inside <${this.names[this.names.length - 1]}>`, xml.length);
      if (!rootSeen) throw new XmlError('the part holds no XML element', 0);
    } catch (error) {
      if (error instanceof XmlError) throw new Error(`${this.part} is not well-formed XML: ${error.message}`);
      throw error;
    }
    if (this.carried && this.body) this.body.children!.push(...this.paragraphNodes(this.carried));
  }

  /** Handles a start tag; returns where reading goes on. */
  private open(tag: Tag): number {
    const name = this.prefixes ? this.canonical(tag.name) : tag.name;
    let kind = KINDS.get(name) ?? K_THROUGH;
    if (kind === K_SKIP) return tag.type === EMPTY ? tag.end : this.skip(tag);
    if (kind === K_PPR) return this.paragraphProperties(tag);
    if (kind === K_ALTERNATE) return this.alternate(tag);
    kind = this.start(kind, tag);
    if (kind === K_SKIP) return tag.type === EMPTY ? tag.end : this.skip(tag);
    if (tag.type === EMPTY) {
      this.end(kind);
    } else {
      this.kinds.push(kind);
      this.names.push(tag.name);
    }
    return tag.end;
  }

  private close(tag: Tag, lt: number): void {
    const name = this.names.pop();
    if (name === undefined) throw new XmlError(`</${tag.name}> closes nothing`, lt);
    if (name !== tag.name) throw new XmlError(`</${tag.name}> where </${name}> was expected`, lt);
    this.end(this.kinds.pop()!);
  }

  /** What an element does when it starts; returns the kind to record for its end (may change it). */
  private start(kind: number, tag: Tag): number {
    const parent = this.kinds[this.kinds.length - 1];
    switch (kind) {
      case K_BODY:
        if (this.body) return K_SKIP;
        this.body = { type: 'root', children: [] };
        this.sinks.push(this.sink('root', this.body.children!, []));
        return kind;
      case K_NOTE: {
        const type = this.attribute(tag, this.attr.type);
        if (type === 'separator' || type === 'continuationSeparator') return K_SKIP;
        const sink = this.sink('root', [], []);
        sink.noteId = this.attribute(tag, this.attr.id) ?? '';
        this.sinks.push(sink);
        return kind;
      }
      case K_P:
        return this.startParagraph();
      case K_TAB:
        this.text('\t');
        return kind;
      case K_BREAK:
        this.lineBreak();
        return kind;
      case K_SYM:
        this.symbol(tag);
        return kind;
      case K_CHAR:
        this.text(tag.name.endsWith('noBreakHyphen') ? '\u2011' : '\u00ad');
        return kind;
      case K_TBL:
        return this.startTable();
      case K_TR:
        return this.startRow();
      case K_TC:
        return this.startCell();
      case K_TCPR:
      case K_TRPR:
        return this.flatTables > 0 ? K_THROUGH : kind;
      case K_GRID_SPAN:
        if (parent === K_TCPR && this.top()?.cell) this.top()!.cell!.colSpan = span(this.attribute(tag, this.attr.val));
        return kind;
      case K_VMERGE:
        if (parent === K_TCPR && this.top()?.cell) {
          const value = this.attribute(tag, this.attr.val);
          this.top()!.cell!.vMerge = value === undefined || value === 'continue' ? 2 : 1;
        }
        return kind;
      case K_GRID_BEFORE: {
        const row = this.top()?.row;
        if (parent === K_TRPR && row) row.gridBefore = span(this.attribute(tag, this.attr.val));
        return kind;
      }
      case K_DEL:
        // In row properties it marks the row deleted; anywhere else it holds deleted runs.
        if (parent !== K_TRPR) return K_SKIP;
        if (this.top()?.row) this.top()!.row!.deleted = true;
        return kind;
      case K_NOTE_REF: {
        const id = this.attribute(tag, this.attr.id);
        if (id !== undefined) this.noteRefs.push({ kind: tag.name.endsWith('footnoteReference') ? 'footnote' : 'endnote', id });
        return kind;
      }
      default:
        return kind;
    }
  }

  /** What an element does when it ends. */
  private end(kind: number): void {
    switch (kind) {
      case K_BODY:
        this.closeSinkLine(this.sinks.pop()!);
        break;
      case K_NOTE: {
        const sink = this.sinks.pop()!;
        this.closeSinkLine(sink);
        if (!this.notes.has(sink.noteId)) this.notes.set(sink.noteId, sink.children);
        break;
      }
      case K_P:
        this.endParagraph();
        break;
      case K_TBL:
        this.endTable();
        break;
      case K_FLAT_TBL:
        this.flatTables--;
        break;
      case K_TR: {
        const sink = this.top()!;
        if (sink.row) sink.rows.push(sink.row);
        sink.row = null;
        break;
      }
      case K_TC:
        this.endCell();
        break;
    }
  }

  private sink(kind: Sink['kind'], children: DomNode[], target: DomNode[]): Sink {
    return { kind, children, parts: [], target, extras: null, deleted: false, rows: [], row: null, cell: null, noteId: '' };
  }

  private top(): Sink | undefined {
    return this.sinks[this.sinks.length - 1];
  }

  /** Where a paragraph or table that starts now goes. */
  private blockTarget(): DomNode[] | null {
    const sink = this.top();
    if (!sink) return null;
    if (sink.kind === 'p') return (sink.extras ??= []);
    // A paragraph directly in a table or row is out of place; like a browser, put it before the table.
    if (sink.kind === 'table') return sink.target;
    this.closeSinkLine(sink);
    return sink.children;
  }

  private startParagraph(): number {
    const target = this.blockTarget();
    if (!target) return K_SKIP;
    const sink = this.carried ?? this.sink('p', [], target);
    sink.target = target;
    sink.deleted = false;
    this.carried = null;
    this.sinks.push(sink);
    return K_P;
  }

  private endParagraph(): void {
    const sink = this.sinks.pop()!;
    if (sink.deleted) {
      this.carried = sink;
      return;
    }
    sink.target.push(...this.paragraphNodes(sink));
  }

  /** A paragraph as nodes: its `p` (when it has content) and then the blocks of its text boxes. */
  private paragraphNodes(sink: Sink): DomNode[] {
    this.closeSinkLine(sink);
    const nodes: DomNode[] = [];
    if (sink.children.length > 0) nodes.push({ type: 'tag', name: 'p', attribs: {}, children: sink.children });
    if (sink.extras) nodes.push(...sink.extras);
    return nodes;
  }

  /**
   * Paragraph properties: only a deleted paragraph mark (w:pPr/w:rPr/w:del) matters, so the
   * element is searched for it and skipped whole rather than read tag by tag.
   */
  private paragraphProperties(tag: Tag): number {
    if (tag.type === EMPTY) return tag.end;
    const close = findClose(this.xml, tag.name, tag.end);
    const sink = this.top();
    if (sink?.kind === 'p') {
      // Searched in a slice (no copy) so the search stops at the end of the properties.
      const inside = this.xml.slice(tag.end, close);
      const marker = '<' + this.wPrefix + 'del';
      for (let at = inside.indexOf(marker); at >= 0; at = inside.indexOf(marker, at + 1)) {
        if (endsName(inside.charCodeAt(at + marker.length))) {
          sink.deleted = true;
          break;
        }
      }
    }
    return afterCloseTag(this.xml, close);
  }

  private startTable(): number {
    if (this.flatTables > 0 || this.tableDepth >= MAX_TABLE_NESTING) {
      this.flatTables++;
      return K_FLAT_TBL;
    }
    const target = this.blockTarget();
    if (!target) return K_SKIP;
    this.sinks.push(this.sink('table', [], target));
    this.tableDepth++;
    return K_TBL;
  }

  private startRow(): number {
    const sink = this.top();
    if (this.flatTables > 0 || sink?.kind !== 'table') return K_THROUGH;
    sink.row = { cells: [], gridBefore: 0, deleted: false };
    return K_TR;
  }

  private startCell(): number {
    const table = this.top();
    if (this.flatTables > 0 || table?.kind !== 'table') return K_THROUGH;
    table.row ??= { cells: [], gridBefore: 0, deleted: false };
    const td: DomNode = { type: 'tag', name: 'td', attribs: {}, children: [] };
    const sink = this.sink('cell', td.children!, []);
    sink.cell = { td, colSpan: 1, vMerge: 0, rowSpan: 1 };
    this.sinks.push(sink);
    return K_TC;
  }

  private endCell(): void {
    const sink = this.sinks.pop()!;
    this.closeSinkLine(sink);
    const row = this.top()!.row;
    row?.cells.push(sink.cell!);
  }

  private endTable(): void {
    const sink = this.sinks.pop()!;
    this.tableDepth--;
    if (sink.row) sink.rows.push(sink.row); // a row left open by a cell outside any <w:tr>
    sink.target.push(tableNode(sink.rows.filter((row) => !row.deleted)));
  }

  /**
   * mc:AlternateContent: the Fallback (what older readers show, and what mammoth read), else the
   * first Choice. Reading jumps into the chosen branch and, at its end, past the whole element.
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
      const name = this.canonical(child.name);
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

  private text(text: string): void {
    const sink = this.top();
    if (sink && sink.kind !== 'table' && text) sink.parts.push(text);
  }

  private lineBreak(): void {
    const sink = this.top();
    if (!sink || sink.kind === 'table') return;
    this.closeSinkLine(sink);
    sink.children.push({ type: 'tag', name: 'br', attribs: {}, children: [] });
  }

  /** Ends the line being read in a sink: its parts become one text node. */
  private closeSinkLine(sink: Sink): void {
    if (sink.parts.length === 0) return;
    const node: DomNode = { type: 'text', data: sink.parts.length === 1 ? sink.parts[0] : sink.parts.join('') };
    sink.parts.length = 0;
    sink.children.push(node);
    this.texts.push(node);
  }

  /** w:sym: a character of a symbol font (Wingdings ✓, ☐), mapped to Unicode as mammoth did. */
  private symbol(tag: Tag): void {
    const font = this.attribute(tag, this.attr.font) ?? '';
    const char = this.attribute(tag, this.attr.char) ?? '';
    const dingbats = loadDingbats();
    let found = dingbats.hex(font, char);
    if (!found && /^F0..$/.test(char)) found = dingbats.hex(font, char.slice(2));
    if (found) this.text(found.string);
  }

  private skip(tag: Tag): number {
    return afterCloseTag(this.xml, findClose(this.xml, tag.name, tag.end));
  }

  private attribute(tag: Tag, name: string): string | undefined {
    return attribute(this.xml, tag.start, tag.stop, name);
  }

  /**
   * The root element's namespace declarations. Word and most writers use the prefixes w:, mc:,
   * m:; a part that binds those namespaces to other prefixes (or to the default namespace) gets
   * its names mapped, so `<ns0:p>` reads as w:p.
   */
  private readNamespaces(tag: Tag): void {
    const map = new Map<string, string>();
    let usual = true;
    for (const [name, uri] of attributes(this.xml, tag.start, tag.stop)) {
      const ours = NAMESPACES.get(uri);
      if (!ours || !(name === 'xmlns' || name.startsWith('xmlns:'))) continue;
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      map.set(prefix, ours);
      if (prefix !== ours) usual = false;
    }
    if (usual) return;
    this.prefixes = map;
    const wRaw = [...map].find(([, ours]) => ours === 'w')?.[0];
    this.wPrefix = wRaw ? `${wRaw}:` : '';
    for (const key of Object.keys(this.attr) as (keyof typeof this.attr)[]) this.attr[key] = this.wPrefix + key;
  }

  private canonical(name: string): string {
    if (!this.prefixes) return name;
    const colon = name.indexOf(':');
    const ours = this.prefixes.get(colon < 0 ? '' : name.slice(0, colon));
    if (ours === undefined) return name;
    return `${ours}:${name.slice(colon + 1)}`;
  }
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * A table's rows as table/tr/td nodes. A vMerge-continue cell is dropped and the cell above it
 * (the last one starting in the same grid column) spans one more row; columns count from the
 * row's gridBefore, which becomes a leading empty cell so the row's cells keep their columns.
 */
export function tableNode(rows: Row[]): DomNode {
  const above = new Map<number, Cell>();
  const multiCell = rows.some((row) => row.cells.length > 1);
  const trs: DomNode[] = [];
  for (const row of rows) {
    const tds: DomNode[] = [];
    // Only in a table with real columns: a leading blank must not turn a one-column layout table into data.
    if (row.gridBefore > 0 && multiCell) tds.push({ type: 'tag', name: 'td', attribs: row.gridBefore > 1 ? { colspan: String(row.gridBefore) } : {}, children: [] });
    let column = row.gridBefore;
    for (const cell of row.cells) {
      const top = cell.vMerge === 2 ? above.get(column) : undefined;
      if (top) {
        top.rowSpan++;
      } else {
        above.set(column, cell);
        tds.push(cell.td);
      }
      column += cell.colSpan;
    }
    trs.push({ type: 'tag', name: 'tr', attribs: {}, children: tds });
  }
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.colSpan !== 1) cell.td.attribs!.colspan = String(cell.colSpan);
      if (cell.rowSpan !== 1) cell.td.attribs!.rowspan = String(cell.rowSpan);
    }
  }
  return { type: 'tag', name: 'table', attribs: {}, children: trs };
}

interface Dingbats {
  hex(font: string, hex: string): { string: string } | undefined;
}

let dingbats: Dingbats | undefined;

/** The symbol-font table mammoth used; loaded on the first w:sym only (it is a large table). */
function loadDingbats(): Dingbats {
  dingbats ??= createRequire(import.meta.url)('dingbat-to-unicode') as Dingbats;
  return dingbats;
}
