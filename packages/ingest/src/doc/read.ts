/**
 * Word 97–2003 binary documents (.doc, and .wps as WPS Office writes them): the compound file is
 * opened with cfb (the container reader inside SheetJS); the WordDocument and table streams are read
 * here (fib.ts, text.ts, papx.ts) because no maintained library gives the paragraph and table
 * marks with their positions (word-extractor gives the text, with tables flattened).
 */
import type * as XLSX from '@e965/xlsx';
import type { Block } from '@govdocs/core';
import { htmlBlocks } from '../html/dom.js';
import { convertScript } from '../docx/ingest-docx.js';
import { DocFormatError, readFib } from './fib.js';
import { ParagraphProperties } from './papx.js';
import { readPieceText } from './text.js';
import { buildTree } from './tree.js';

export interface DocIngest {
  blocks: Block[];
  script: 'simplified' | 'traditional';
}

type Container = ReturnType<typeof XLSX.CFB.read>;

/** Throws DocFormatError saying what is wrong (encrypted, Word 6/95, damaged). */
export function ingestDoc(container: Container): DocIngest {
  const word = stream(container, 'WordDocument');
  if (!word) throw new DocFormatError('it has no WordDocument stream');
  const fib = readFib(word);
  if (fib.encrypted)
    throw new DocFormatError('the document is password-protected: remove the password and retry', 'password');
  const table = stream(container, fib.tableStream);
  if (!table) throw new DocFormatError(`its ${fib.tableStream} stream (the document's property tables) is missing`);
  const pieces = readPieceText(word, table, fib.clx.fc, fib.clx.lcb, fib.ccpText);
  const papx = new ParagraphProperties(word, table, fib.plcfBtePapx.fc, fib.plcfBtePapx.lcb, stream(container, 'Data'));
  const tree = buildTree(pieces, papx);
  const script = convertScript(tree.texts);
  return { blocks: htmlBlocks(tree.root), script };
}

function stream(container: Container, name: string): Uint8Array | null {
  const entry = container.FileIndex.find((e: { name: string; type: number }) => e.name === name && e.type === 2);
  const content = entry?.content as Uint8Array | number[] | undefined;
  if (!content) return null;
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}
