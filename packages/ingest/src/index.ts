/**
 * @govdocs/ingest: a file's bytes → the document model (text blocks, grids, or PDF page layouts).
 * What a file is comes from its bytes (sniff.ts), not its name. A file that cannot be read gives
 * a `document` diagnostic and a null value; the run goes on.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, DocumentModel, InputFile, StageResult } from '@govdocs/core';
import { MEDIA_TYPES, sniffFormat } from './sniff.js';
import { ingestText } from './text.js';
import { toSimplified } from './script.js';
import { ingestHtmlDocument, ingestOle, ingestWorkbookFile, ingestZip } from './zip/office.js';
import { ingestPdf } from './pdf/index.js';
import { archiveKind } from './archives/kind.js';

/** An archive handed to the one-document pipeline: the batch runner is what opens archives. */
export const ARCHIVE_ALONE = (kind: string) => `the file is a ${kind} archive; \`govdocs run\` reads each document in it as a document of its own. Give it to \`govdocs run\`, or unpack it.`;

export { sniffFormat, MEDIA_TYPES } from './sniff.js';
export { decodeText, declaredCharset, isValidUtf8 } from './decode.js';
export { toSimplified, simplify } from './script.js';
export { readPdfLayout, type PdfLayout, type PdfProblem } from './pdf/index.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's hex SHA-256: the one its caller passed, else computed. */
export function fileHash(file: InputFile): string {
  return file.sha256 ?? sha256(file.bytes);
}

/** The part of a document model every format fills the same way. */
export function baseModel(file: InputFile, mediaType: string): DocumentModel {
  const hash = fileHash(file);
  return {
    id: `sha256:${hash}`,
    source: { path: file.path, sha256: hash, bytes: file.bytes.byteLength, mediaType, url: file.url ?? null, ...(file.container ? { container: file.container } : {}) },
    pageCount: 1,
    script: 'simplified',
    clues: { ...(file.clues ?? {}), ...(file.url ? { url: file.url } : {}) },
    blocks: [],
  };
}

export function documentIssue(file: InputFile, detail: string, message: string): Diagnostic {
  return { rule: `document.${detail}`, severity: 'error', stage: 'ingest', message: `${file.path}: ${message}`, place: { file: file.path } };
}

export async function ingest(file: InputFile): Promise<StageResult<DocumentModel | null>> {
  const format = sniffFormat(file.bytes);
  switch (format) {
    case 'empty':
      return fail(file, 'empty', 'the file is empty; nothing to read. Check that the download or export finished.');
    case 'binary':
      if (file.bytes[0] === 0x52 || file.bytes[0] === 0x37) {
        const archive = archiveKind(file.bytes);
        if (archive) return fail(file, 'unsupported', ARCHIVE_ALONE(archive));
      }
      return fail(file, 'unsupported', 'the file is binary data of a kind govdocs does not read (not PDF, DOCX, DOC/WPS, XLSX/XLS, HTML or text). Check its real type.');
    case 'text':
      return { value: readTextDocument(file), diagnostics: [] };
    case 'zip':
      return ingestZip(file);
    case 'ole':
      return ingestOle(file);
    case 'spreadsheetml':
    case 'biff':
      return ingestWorkbookFile(file, format);
    case 'html':
      return ingestHtmlDocument(file);
    case 'pdf':
      return ingestPdf(file);
    default:
      return fail(file, 'unsupported', `${format} files are not read yet by this version of govdocs.`);
  }
}

function readTextDocument(file: InputFile): DocumentModel {
  const { blocks } = ingestText(file.bytes);
  const model = baseModel(file, MEDIA_TYPES.text);
  const joined = blocks.map((b) => b.text).join('\n');
  const { text, script } = toSimplified(joined);
  if (script === 'traditional') {
    const lines = text.split('\n');
    blocks.forEach((b, i) => (b.text = lines[i] ?? b.text));
  }
  return { ...model, script, blocks };
}

function fail(file: InputFile, detail: string, message: string): StageResult<null> {
  return { value: null, diagnostics: [documentIssue(file, detail, message)] };
}
