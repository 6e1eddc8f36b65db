/**
 * PDF ingest: bytes → DocumentModel with `layout` (positioned words and ruling lines per page).
 * Tables are found later (@govdocs/tables) from the layout; nothing outside this folder sees
 * the PDF engine.
 */
import type { Diagnostic, DocumentModel, InputFile, StageResult } from '@govdocs/core';
import { baseModel } from '../index.js';
import { MEDIA_TYPES } from '../sniff.js';
import { simplify, toSimplified } from '../script.js';
import { readPdfLayout, type PdfProblem } from './read.js';

export { readPdfLayout, type PdfLayout, type PdfProblem } from './read.js';

export async function ingestPdf(file: InputFile): Promise<StageResult<DocumentModel | null>> {
  const layout = await readPdfLayout(file.bytes);
  const diagnostics = layout.problems.map((p) => toDiagnostic(file, p));
  if (!layout.readable) return { value: null, diagnostics };
  const model = baseModel(file, MEDIA_TYPES.pdf);
  const { script } = toSimplified(layout.pages.flatMap((p) => p.texts.map((t) => t.text)).join('\n'));
  if (script === 'traditional') for (const page of layout.pages) for (const t of page.texts) t.text = simplify(t.text);
  // The file's own title is a clue for names and year when the pages do not print them.
  const clues = layout.title && !model.clues.title ? { ...model.clues, title: script === 'traditional' ? simplify(layout.title) : layout.title } : model.clues;
  return { value: { ...model, clues, pageCount: layout.pageCount, script, layout: layout.pages }, diagnostics };
}

function toDiagnostic(file: InputFile, p: PdfProblem): Diagnostic {
  return {
    rule: p.rule,
    severity: p.severity,
    stage: 'ingest',
    message: `${file.path}: ${p.message}`,
    place: p.page === undefined ? { file: file.path } : { file: file.path, page: p.page },
  };
}
