/**
 * Word files: mammoth turns the document body into HTML (merged cells become colspan/rowspan,
 * vertical merges included), which is read like a web page: paragraphs as text blocks, tables
 * as grids, in document order.
 */
import mammoth from 'mammoth';
import type { Block } from '@govdocs/core';
import { toSimplified } from '../script.js';
import { htmlBlocks, parseHtml } from '../html/dom.js';

export interface DocxIngest {
  blocks: Block[];
  script: 'simplified' | 'traditional';
}

export async function ingestDocx(bytes: Uint8Array): Promise<DocxIngest> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Images are dropped: only text and tables matter, and inlining them as data URIs costs memory.
  const result = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  const { text, script } = toSimplified(result.value);
  return { blocks: htmlBlocks(parseHtml(text)), script };
}
