/**
 * A scraped web page as a document: bytes → text (BOM, declared charset, detection), 繁體 → 简体,
 * then the article's text and tables as blocks and what the page says about itself as clues.
 */
import { Reporter, type Diagnostic, type DocumentModel, type InputFile, type StageResult } from '@govdocs/core';
import { declaredCharset, decodeText, undecodableShare } from '../decode.js';
import { baseModel } from '../base-model.js';
import { toSimplified } from '../script.js';
import { MEDIA_TYPES } from '../sniff.js';
import { htmlBlocks, parseHtml } from './dom.js';
import { isChromeLine, readClues, stripChrome } from './page.js';

/** Above this share of undecodable characters a page is not read (its numbers could be wrong). */
const MAX_UNDECODABLE = 0.02;

interface HtmlIngest {
  /** The document, or null when the page cannot be decoded. */
  doc: Omit<DocumentModel, 'id' | 'source' | 'pageCount'> | null;
  diagnostics: Diagnostic[];
}

export function ingestHtmlDocument(file: InputFile): StageResult<DocumentModel | null> {
  const { doc, diagnostics } = readPage(file);
  if (!doc) return { value: null, diagnostics };
  const base = baseModel(file, MEDIA_TYPES.html);
  return { value: { ...base, ...doc, clues: { ...base.clues, ...doc.clues } }, diagnostics };
}

function readPage(file: InputFile): HtmlIngest {
  const reporter = new Reporter('ingest', file.path);
  const declared = declaredCharset(file.bytes);
  const { text: decoded, encoding } = decodeText(file.bytes, declared);
  const bad = undecodableShare(decoded);
  if (bad > MAX_UNDECODABLE) {
    const message = `${file.path}: ${(bad * 100).toFixed(1)}% of the page could not be decoded as ${encoding}${declared ? ` (it declares ${declared})` : ''}. Save the page again as UTF-8 and retry.`;
    return { doc: null, diagnostics: [reporter.report('document.encoding', message)] };
  }
  const { text, script } = toSimplified(decoded);
  const root = parseHtml(text);
  const clues = readClues(root);
  stripChrome(root);
  const blocks = htmlBlocks(root).filter((b) => b.type === 'grid' || !isChromeLine(b.text));
  const diagnostics: Diagnostic[] = [];
  if (!blocks.some((b) => b.type === 'grid')) {
    diagnostics.push(reporter.report('document.no_table', `${file.path}: the page has no data table; its text is kept.`));
  }
  return { doc: { script, clues: { ...clues, ...(file.clues ?? {}), ...(file.url ? { url: file.url } : {}) }, blocks }, diagnostics };
}
