/** Plain-text, TSV and markdown dumps: decoded into one text block per line, tables found later. */
import type { DocumentModel, TextBlock } from '@govdocs/core';
import { decodeText } from './decode.js';

export interface TextIngest {
  blocks: TextBlock[];
  encoding: string;
}

export function ingestText(bytes: Uint8Array): TextIngest {
  const { text, encoding } = decodeText(bytes);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TextBlock[] = lines.map((line, i) => ({
    type: 'text',
    text: line.replace(/[ \u3000\r]+$/, ''),
    line: i + 1,
  }));
  return { blocks, encoding };
}

export type TextDocumentParts = Pick<DocumentModel, 'blocks' | 'pageCount'>;
