/**
 * Facts read from OCR text carry the recogniser's confidence (source.ocr): the lowest confidence of
 * the words inside the fact's cell. A cell below what the pipeline trusts still gives its fact, with
 * a parse.ocr warning saying where to check it against the page image.
 */
import { Reporter, type Diagnostic, type DocumentModel, type FactRecord, type TableRecord } from '@govdocs/core';

/** Below this a figure is worth checking by eye: digit confusions (3/8, 1/7) score 0.6-0.9. */
export const OCR_TRUSTED = 0.9;

export function withOcrConfidence(doc: DocumentModel, tables: TableRecord[], facts: FactRecord[]): { facts: FactRecord[]; diagnostics: Diagnostic[] } {
  const ocrPages = new Set(doc.ocrPages ?? []);
  if (ocrPages.size === 0) return { facts, diagnostics: [] };
  const words = new Map((doc.layout ?? []).filter((p) => ocrPages.has(p.page)).map((p) => [p.page, p.texts]));
  const cells = new Map(tables.map((t) => [t.id, new Map(t.cells.map((c) => [`${c.r},${c.c}`, c]))]));
  const diagnostics: Diagnostic[] = [];
  const reporter = new Reporter('ingest', doc.source.path);
  const out = facts.map((fact) => {
    const cell = cells.get(fact.tableId)?.get(`${fact.source.row},${fact.source.col}`);
    const page = cell?.page;
    if (!cell?.bbox || page === undefined || !ocrPages.has(page)) return fact;
    const [x0, y0, x1, y1] = cell.bbox;
    let confidence = 1;
    let found = false;
    for (const w of words.get(page) ?? []) {
      if (w.ocr === undefined) continue;
      const cx = (w.bbox[0] + w.bbox[2]) / 2;
      const cy = (w.bbox[1] + w.bbox[3]) / 2;
      if (cx < x0 || cx > x1 || cy < y0 || cy > y1) continue;
      confidence = Math.min(confidence, w.ocr);
      found = true;
    }
    if (!found) return fact;
    if (confidence < OCR_TRUSTED) {
      diagnostics.push(reporter.report('parse.ocr',
        `${doc.source.path}: page ${page}, row ${fact.source.row}, col ${fact.source.col}: "${fact.source.text}" was read by OCR with confidence ${confidence.toFixed(2)}; check it against the page image.`,
        { page, row: fact.source.row, col: fact.source.col }, { tableId: fact.tableId, actual: fact.source.text }));
    }
    return { ...fact, source: { ...fact.source, ocr: confidence } };
  });
  return { facts: out, diagnostics };
}
