export { writeReport, ReportError, type ReportOptions, type ReportResult } from './report.js';
export { openForPictures, tableRegions, type Region } from './render-pdf.js';
export { documentsOf, OrderError } from './merge.js';
export { gridHtml, cellId, type GridCell, type GridMarks } from './grid.js';
