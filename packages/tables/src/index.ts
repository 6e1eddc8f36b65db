/**
 * @govdocs/tables: finds tables in what ingest produced and hands every table on as a grid.
 * Text dumps: tab/markdown grids (text-grids.ts). Formats whose ingest already yields grids
 * (DOCX, XLSX, HTML) pass through unchanged.
 */
export { detectTables } from './detect-tables.js';
export { findTextGrids } from './text-grids.js';
export { detectPdfTables } from './pdf/detect.js';
