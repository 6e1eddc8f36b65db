/**
 * PDF ingest: bytes → DocumentModel with `layout` (positioned words and ruling lines per page).
 * Tables are found later (@govdocs/tables) from the layout; nothing outside this folder sees
 * the PDF engine.
 */
import { announceOcrPages, Reporter, type Diagnostic, type DocumentModel, type InputFile, type StageResult } from '@govdocs/core';
import { baseModel } from '../base-model.js';
import { MEDIA_TYPES } from '../sniff.js';
import { simplify, toSimplified } from '../script.js';
import { readPdfLayout, type PdfLayout, type PdfProblem } from './read.js';

export async function ingestPdf(file: InputFile): Promise<StageResult<DocumentModel | null>> {
  const layout = await readPdfLayout(file.bytes);
  const ocrPages = layout.readable ? await readScans(file, layout) : [];
  const diagnostics = layout.problems.map((p) => toDiagnostic(file, p));
  if (!layout.readable) return { value: null, diagnostics };
  const model = baseModel(file, MEDIA_TYPES.pdf);
  const { script } = toSimplified(layout.pages.flatMap((p) => p.texts.map((t) => t.text)).join('\n'));
  if (script === 'traditional') for (const page of layout.pages) for (const t of page.texts) t.text = simplify(t.text);
  // The file's own title is a clue for names and year when the pages do not print them.
  const clues = layout.title && !model.clues.title ? { ...model.clues, title: script === 'traditional' ? simplify(layout.title) : layout.title } : model.clues;
  return { value: { ...model, clues, pageCount: layout.pageCount, script, layout: layout.pages, ...(ocrPages.length ? { ocrPages } : {}) }, diagnostics };
}

/**
 * Scanned pages are read by OCR (loaded only for a document that has one); each page read drops
 * its parse.scanned problem, each that fails gets parse.ocr instead. With OCR off, they keep it.
 */
async function readScans(file: InputFile, layout: PdfLayout): Promise<number[]> {
  if (!layout.pages.some((p) => p.scanned)) return [];
  if (file.ocr === false) {
    for (const p of layout.problems) if (p.rule === 'parse.scanned') p.message = `page ${p.page}: scanned page, and OCR is turned off (--no-ocr); its figures are not read. Run without --no-ocr to read it.`;
    return [];
  }
  announceOcrPages(layout.pages.filter((p) => p.scanned).length);
  const { ocrScannedPages } = await import('../ocr/index.js');
  const outcome = await ocrScannedPages(file.bytes, layout.pages);
  const read = new Set(outcome.pages);
  layout.problems = layout.problems.filter((p) => !(p.rule === 'parse.scanned' && read.has(p.page!)));
  for (const { page, reason } of outcome.failed) {
    const problem = layout.problems.find((p) => p.rule === 'parse.scanned' && p.page === page);
    if (problem) Object.assign(problem, { rule: 'parse.ocr', message: `page ${page}: scanned page; OCR failed (${reason}); its figures are not read. Find a text PDF of the document or enter the page by hand.` });
  }
  return outcome.pages;
}

function toDiagnostic(file: InputFile, p: PdfProblem): Diagnostic {
  return new Reporter('ingest', file.path).report(p.rule, `${file.path}: ${p.message}`, p.page === undefined ? {} : { page: p.page }, { severity: p.severity });
}
