/**
 * @govdocs/ingest: a file's bytes → the document model (text blocks, grids, or PDF page layouts).
 * What a file is comes from its bytes (sniff.ts), not its name. A file that cannot be read gives
 * a `document` diagnostic and a null value; the run goes on.
 */
export { ingest } from './ingest.js';
export { sha256, fileHash, baseModel } from './base-model.js';
export { ARCHIVE_ALONE, documentIssue } from './document-issue.js';
export { mislabelWarning } from './mislabel.js';
export { sniffFormat, MEDIA_TYPES } from './sniff.js';
export { decodeText, declaredCharset, isValidUtf8 } from './decode.js';
export { toSimplified, simplify } from './script.js';
export { readPdfLayout, type PdfLayout, type PdfProblem } from './pdf/read.js';
