import type { DocumentModel, StageResult } from '@govdocs/core';
import { findTextGrids } from './text-grids.js';
import { detectPdfTables } from './pdf/detect.js';

export function detectTables(doc: DocumentModel): StageResult<DocumentModel> {
  // PDFs: tables are found from positioned words and rulings, then read like any other blocks.
  const blocks = findTextGrids(doc.blocks);
  if (doc.layout) blocks.push(...detectPdfTables(doc.layout));
  return { value: { ...doc, blocks }, diagnostics: [] };
}
