/**
 * WordprocessingML → the HTML-like tree the web-page walker reads (html/dom.ts DomNode): a `p`
 * per paragraph (text runs, tabs, `br` per line break), `table`/`tr`/`td` per table with colspan
 * from gridSpan and rowspan from vMerge (table.ts), nested tables in cells, text-box paragraphs
 * after the paragraph that anchors them. The XML is read by walker.ts; this file says what each
 * element means.
 *
 * Read: text of w:t wherever it sits (hyperlinks, smart tags, content controls, insertions, field
 * results, w:fldSimple, w:dir, w:bdo, ruby base text, DrawingML text boxes); for
 * mc:AlternateContent the Fallback, else the first Choice. Not read: deleted text (w:del,
 * w:moveFrom), field codes (w:instrText), properties. Also:
 * - rows with w:gridBefore get a leading empty cell so their cells stay in their grid columns;
 * - page and column breaks and w:cr end a line;
 * - footnote/endnote references leave no "[1]" in the text (it would spoil a number in a cell);
 *   the notes' text is returned for the caller to append;
 * - a checkbox content control keeps its ☐/☒ character;
 * - vertical merges are resolved in every table, bookmarks or not.
 */
import type { DomNode } from '../html/dom.js';
import type { ElementKind } from './elements.js';
import { symbolText } from './symbols.js';
import { span, tableNode, type Cell, type Row } from './table.js';
import { PartWalker } from './walker.js';
import { endsName, type Tag } from './xml.js';

/** Deeper table nesting is read as plain paragraphs: the walker recurses per nesting level. */
const MAX_TABLE_NESTING = 40;

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

class BodyReader extends PartWalker {
  body: DomNode | null = null;
  readonly texts: DomNode[] = [];
  readonly noteRefs: NoteRef[] = [];
  readonly notes = new Map<string, DomNode[]>();

  private readonly sinks: Sink[] = [];
  private tableDepth = 0;
  private flatTables = 0;
  /** Content of paragraphs whose mark was deleted, waiting for the next paragraph. */
  private carried: Sink | null = null;

  run(): void {
    this.walk();
    if (this.carried && this.body) this.body.children!.push(...this.paragraphNodes(this.carried));
  }

  protected start(kind: ElementKind, tag: Tag): ElementKind {
    const parent = this.kinds[this.kinds.length - 1];
    const attr = this.names.attr;
    switch (kind) {
      case 'body':
        if (this.body) return 'skip';
        this.body = { type: 'root', children: [] };
        this.sinks.push(this.sink('root', this.body.children!, []));
        return kind;
      case 'note': {
        const type = this.attribute(tag, attr.type);
        if (type === 'separator' || type === 'continuationSeparator') return 'skip';
        const sink = this.sink('root', [], []);
        sink.noteId = this.attribute(tag, attr.id) ?? '';
        this.sinks.push(sink);
        return kind;
      }
      case 'p':
        return this.startParagraph();
      case 'tab':
        this.text('\t');
        return kind;
      case 'break':
        this.lineBreak();
        return kind;
      case 'sym': {
        const found = symbolText(this.attribute(tag, attr.font) ?? '', this.attribute(tag, attr.char) ?? '');
        if (found) this.text(found);
        return kind;
      }
      case 'char':
        this.text(tag.name.endsWith('noBreakHyphen') ? '\u2011' : '\u00ad');
        return kind;
      case 'tbl':
        return this.startTable();
      case 'tr':
        return this.startRow();
      case 'tc':
        return this.startCell();
      case 'tcPr':
      case 'trPr':
        return this.flatTables > 0 ? 'through' : kind;
      case 'gridSpan':
        if (parent === 'tcPr' && this.top()?.cell) this.top()!.cell!.colSpan = span(this.attribute(tag, attr.val));
        return kind;
      case 'vMerge':
        if (parent === 'tcPr' && this.top()?.cell) {
          const value = this.attribute(tag, attr.val);
          this.top()!.cell!.vMerge = value === undefined || value === 'continue' ? 'continue' : 'restart';
        }
        return kind;
      case 'gridBefore': {
        const row = this.top()?.row;
        if (parent === 'trPr' && row) row.gridBefore = span(this.attribute(tag, attr.val));
        return kind;
      }
      case 'del':
        // In row properties it marks the row deleted; anywhere else it holds deleted runs.
        if (parent !== 'trPr') return 'skip';
        if (this.top()?.row) this.top()!.row!.deleted = true;
        return kind;
      case 'noteRef': {
        const id = this.attribute(tag, attr.id);
        if (id !== undefined)
          this.noteRefs.push({ kind: tag.name.endsWith('footnoteReference') ? 'footnote' : 'endnote', id });
        return kind;
      }
      default:
        return kind;
    }
  }

  protected end(kind: ElementKind): void {
    switch (kind) {
      case 'body':
        this.closeSinkLine(this.sinks.pop()!);
        break;
      case 'note': {
        const sink = this.sinks.pop()!;
        this.closeSinkLine(sink);
        if (!this.notes.has(sink.noteId)) this.notes.set(sink.noteId, sink.children);
        break;
      }
      case 'p':
        this.endParagraph();
        break;
      case 'tbl':
        this.endTable();
        break;
      case 'flatTbl':
        this.flatTables--;
        break;
      case 'tr': {
        const sink = this.top()!;
        if (sink.row) sink.rows.push(sink.row);
        sink.row = null;
        break;
      }
      case 'tc':
        this.endCell();
        break;
    }
  }

  private sink(kind: Sink['kind'], children: DomNode[], target: DomNode[]): Sink {
    return {
      kind,
      children,
      parts: [],
      target,
      extras: null,
      deleted: false,
      rows: [],
      row: null,
      cell: null,
      noteId: '',
    };
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

  private startParagraph(): ElementKind {
    const target = this.blockTarget();
    if (!target) return 'skip';
    const sink = this.carried ?? this.sink('p', [], target);
    sink.target = target;
    sink.deleted = false;
    this.carried = null;
    this.sinks.push(sink);
    return 'p';
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

  /** Only a deleted paragraph mark (w:pPr/w:rPr/w:del) matters in paragraph properties. */
  protected paragraphProperties(from: number, to: number): void {
    const sink = this.top();
    if (sink?.kind !== 'p') return;
    // Searched in a slice (no copy) so the search stops at the end of the properties.
    const inside = this.xml.slice(from, to);
    const marker = `<${this.names.wPrefix}del`;
    for (let at = inside.indexOf(marker); at >= 0; at = inside.indexOf(marker, at + 1)) {
      if (endsName(inside.charCodeAt(at + marker.length))) {
        sink.deleted = true;
        break;
      }
    }
  }

  private startTable(): ElementKind {
    if (this.flatTables > 0 || this.tableDepth >= MAX_TABLE_NESTING) {
      this.flatTables++;
      return 'flatTbl';
    }
    const target = this.blockTarget();
    if (!target) return 'skip';
    this.sinks.push(this.sink('table', [], target));
    this.tableDepth++;
    return 'tbl';
  }

  private startRow(): ElementKind {
    const sink = this.top();
    if (this.flatTables > 0 || sink?.kind !== 'table') return 'through';
    sink.row = { cells: [], gridBefore: 0, deleted: false };
    return 'tr';
  }

  private startCell(): ElementKind {
    const table = this.top();
    if (this.flatTables > 0 || table?.kind !== 'table') return 'through';
    table.row ??= { cells: [], gridBefore: 0, deleted: false };
    const td: DomNode = { type: 'tag', name: 'td', attribs: {}, children: [] };
    const sink = this.sink('cell', td.children!, []);
    sink.cell = { td, colSpan: 1, vMerge: 'none', rowSpan: 1 };
    this.sinks.push(sink);
    return 'tc';
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

  protected text(text: string): void {
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
}
