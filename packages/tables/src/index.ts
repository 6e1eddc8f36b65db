/**
 * @govdocs/tables: finds tables in what ingest produced and hands every table on as a grid.
 * Text dumps: tab/markdown grids (text-grids.ts). Formats whose ingest already yields grids
 * (DOCX, XLSX, HTML) pass through unchanged.
 */
import type { DocumentModel, StageResult } from '@govdocs/core';
import { findTextGrids } from './text-grids.js';

export { findTextGrids } from './text-grids.js';

export function detectTables(doc: DocumentModel): StageResult<DocumentModel> {
  const blocks = findTextGrids(doc.blocks);
  return { value: { ...doc, blocks }, diagnostics: [] };
}
