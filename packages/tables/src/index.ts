/**
 * @govdocs/tables: finds tables in what ingest produced and hands every table on as a grid.
 * Text dumps: tab/markdown grids (text-grids.ts). Formats whose ingest already yields grids
 * (DOCX, XLSX, HTML) pass through unchanged.
 */
import type { DocumentModel, StageResult } from '@govdocs/core';
import { findTextGrids } from './text-grids.js';
import { detectPdfTables } from './pdf/index.js';

export { findTextGrids } from './text-grids.js';
export { detectPdfTables } from './pdf/index.js';

export function detectTables(doc: DocumentModel): StageResult<DocumentModel> {
  // PDFs: tables are found from positioned words and rulings, then read like any other blocks.
  const blocks = findTextGrids(doc.blocks);
  if (doc.layout) blocks.push(...detectPdfTables(doc.layout));
  return { value: { ...doc, blocks }, diagnostics: [] };
}
