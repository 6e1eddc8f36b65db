/**
 * A file's bytes → the document model. What a file is comes from its bytes (sniff.ts), not its
 * name. A file that cannot be read gives a `document` diagnostic and a null value; the run goes on.
 */
import type { DocumentModel, InputFile, RuleDetail, StageResult } from '@govdocs/core';
import { baseModel } from './base-model.js';
import { ARCHIVE_ALONE, documentIssue } from './document-issue.js';
import { MEDIA_TYPES, sniffFormat } from './sniff.js';
import { ingestText } from './text.js';
import { toSimplified } from './script.js';
import { archiveKind } from './archives/kind.js';

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
      return fail(
        file,
        'unsupported',
        'the file is binary data of a kind govdocs does not read (not PDF, DOCX, DOC/WPS, XLSX/XLS, HTML or text). Check its real type.',
      );
    case 'text':
      return { value: readTextDocument(file), diagnostics: [] };
    // Each reader's libraries (SheetJS, parse5, pdf.js) load with the first file that needs them,
    // so a worker that only sees PDFs never pays for the others' start-up.
    case 'zip':
      return (await import('./zip/office.js')).ingestZip(file);
    case 'ole':
      return (await import('./zip/office.js')).ingestOle(file);
    case 'spreadsheetml':
    case 'biff':
      return (await import('./zip/office.js')).ingestWorkbookFile(file, format);
    case 'html':
      return (await import('./html/ingest-html.js')).ingestHtmlDocument(file);
    case 'pdf':
      return (await import('./pdf/ingest-pdf.js')).ingestPdf(file);
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
    for (const [i, b] of blocks.entries()) b.text = lines[i] ?? b.text;
  }
  return { ...model, script, blocks };
}

function fail(file: InputFile, detail: RuleDetail<'document'>, message: string): StageResult<null> {
  return { value: null, diagnostics: [documentIssue(file, detail, message)] };
}
