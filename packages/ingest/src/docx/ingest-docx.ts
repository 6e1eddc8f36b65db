/**
 * Word files: the main document part is read straight from the zip into the tree the web-page
 * walker reads (body.ts), so paragraphs become text blocks and tables grids, in document order,
 * with the same layout-table and grid-context rules as web pages. Notes that the text refers to
 * are appended at the end, in order of first reference.
 */
import type { Block } from '@govdocs/core';
import { htmlBlocks, type DomNode } from '../html/dom.js';
import { simplify, toSimplified } from '../script.js';
import { inspectZip, type ZipEntry } from '../zip/central-directory.js';
import { readBody, readNotes, type NoteRef } from './body.js';
import { DocxPackage } from './package.js';

export interface DocxIngest {
  blocks: Block[];
  script: 'simplified' | 'traditional';
}

/**
 * Blocks of a DOCX. `entries` is the zip's entry list when the caller has already checked the
 * zip (zip/central-directory.ts); without it the checks run here. Throws with a message that says
 * what is wrong (no main part, malformed XML, damaged entry).
 */
export function ingestDocx(bytes: Uint8Array, entries?: ZipEntry[]): DocxIngest {
  if (!entries) {
    const zip = inspectZip(bytes);
    if (!zip.ok) throw new Error(zip.message);
    entries = zip.entries;
  }
  const pkg = new DocxPackage(bytes, entries);
  const main = pkg.mainDocument();
  if (!main) throw new Error('the package has no main document part (word/document.xml); it is not a Word document');
  const body = readBody(pkg.text(main)!, main);
  const texts = body.texts;
  if (body.noteRefs.length > 0) {
    const notes = noteBlocks(pkg, main, body.noteRefs);
    body.root.children!.push(...notes.nodes);
    texts.push(...notes.texts);
  }
  const script = convertScript(texts); // before the walker reads the text
  return { blocks: htmlBlocks(body.root), script };
}

/** The notes referred to, in order of first reference, as blocks to append. */
function noteBlocks(pkg: DocxPackage, main: string, refs: NoteRef[]): { nodes: DomNode[]; texts: DomNode[] } {
  const nodes: DomNode[] = [];
  const texts: DomNode[] = [];
  const parts = new Map<NoteRef['kind'], Map<string, DomNode[]>>();
  const notesOf = (kind: NoteRef['kind']) => {
    let notes = parts.get(kind);
    if (!notes) {
      const part = pkg.related(main, `${kind}s`) ?? pkg.entry(`word/${kind}s.xml`)?.name;
      const xml = part ? pkg.text(part) : null;
      const read = part && xml ? readNotes(xml, part) : { notes: new Map<string, DomNode[]>(), texts: [] };
      texts.push(...read.texts);
      parts.set(kind, (notes = read.notes));
    }
    return notes;
  };
  const seen = new Set<string>();
  for (const ref of refs) {
    const key = `${ref.kind} ${ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    nodes.push(...(notesOf(ref.kind).get(ref.id) ?? []));
  }
  return { nodes, texts };
}

/**
 * 繁體 → 简体 over the document's text, judged on all of it at once (script.ts), then converted
 * node by node through one joined string so phrase rules see whole lines.
 */
export function convertScript(texts: DomNode[]): 'simplified' | 'traditional' {
  const joined = texts.map((t) => t.data ?? '').join('\n');
  const { text, script } = toSimplified(joined);
  if (script === 'simplified') return script;
  const lines = text.split('\n');
  const aligned = lines.length === texts.length;
  texts.forEach((node, i) => {
    node.data = aligned ? lines[i] : simplify(node.data ?? '');
  });
  return script;
}
