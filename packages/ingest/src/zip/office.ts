/**
 * Office files by container: a zip is DOCX or XLSX (told by its entries, after the zip-bomb
 * checks), an OLE compound file is a legacy XLS, a legacy DOC, or an encrypted (password-protected)
 * OOXML file.
 */
import * as XLSX from '@e965/xlsx';
import { errorText, Reporter, type Diagnostic, type DocumentModel, type InputFile, type RuleDetail, type StageResult } from '@govdocs/core';
import { baseModel } from '../base-model.js';
import { ARCHIVE_ALONE, documentIssue } from '../document-issue.js';
import { MEDIA_TYPES } from '../sniff.js';
import { ingestDocx } from '../docx/ingest-docx.js';
import { DocFormatError, ingestDoc } from '../doc/index.js';
import { ingestWorkbook } from '../xlsx/ingest-workbook.js';
import { findBadEntry, inspectZip, officeKind, type ZipEntry } from './central-directory.js';

type Result = StageResult<DocumentModel | null>;

export async function ingestZip(file: InputFile): Promise<Result> {
  const zip = inspectZip(file.bytes);
  if (!zip.ok) {
    if (zip.problem === 'too_large') return fail(file, 'zip_bomb', `refused to open the zip: ${zip.message}. If this is a real document, split it or re-save it.`);
    return fail(file, 'not_zip', `the file starts like a DOCX/XLSX (zip) but is not a readable zip: ${zip.message}. Download or export it again.`);
  }
  const kind = officeKind(zip.entries, file.bytes);
  if (kind === 'docx') return readDocx(file, zip.entries);
  if (kind === 'odt') return fail(file, 'unsupported', 'the file is an OpenDocument text (.odt), which govdocs does not read: save it as DOCX or PDF and retry.');
  if (kind === 'xlsx' || kind === 'ods') {
    // SheetJS expands every entry, and can loop on a damaged one: prove first that none expands
    // past its declared size and every one matches its checksum.
    const bad = findBadEntry(file.bytes, zip.entries);
    if (bad?.problem === 'too_large') return fail(file, 'zip_bomb', `refused to open the zip: ${bad.message}. If this is a real document, split it or re-save it.`);
    if (bad) return fail(file, 'not_zip', `the Excel file is damaged: ${bad.message}. Download or export it again.`);
    return readWorkbook(file, kind);
  }
  return fail(file, 'unsupported', ARCHIVE_ALONE('zip'));
}

async function readDocx(file: InputFile, entries: ZipEntry[]): Promise<Result> {
  try {
    const { blocks, script } = ingestDocx(file.bytes, entries);
    return { value: { ...baseModel(file, MEDIA_TYPES.docx), script, blocks }, diagnostics: noTables(file, blocks) };
  } catch (error) {
    return fail(file, 'unreadable', `the Word file could not be read (${errorText(error)}). Open and re-save it as DOCX, then retry.`);
  }
}

/** Workbooks that are not zips or compound files: Excel 2003 XML and Excel 2–4 record streams. */
export function ingestWorkbookFile(file: InputFile, format: 'spreadsheetml' | 'biff'): Result {
  return readWorkbook(file, format);
}

function readWorkbook(file: InputFile, format: 'xlsx' | 'xls' | 'ods' | 'spreadsheetml' | 'biff'): Result {
  const book = ingestWorkbook(file.bytes);
  if (!book.ok) return fail(file, book.problem, book.message);
  const diagnostics = noTables(file, book.blocks);
  for (const sheet of book.truncated) {
    diagnostics.push(new Reporter('ingest', file.path).report('document.truncated',
      `${file.path}: sheet ${sheet} is larger than govdocs reads (rows or cells over the cap); only its start was read.`, { sheet }));
  }
  return { value: { ...baseModel(file, MEDIA_TYPES[format]), script: book.script, blocks: book.blocks }, diagnostics };
}

/** OLE compound file: which stream it holds tells XLS, DOC (.wps of WPS Office too) or an encrypted OOXML package. */
export function ingestOle(file: InputFile): Result {
  let container: ReturnType<typeof XLSX.CFB.read>;
  try {
    container = XLSX.CFB.read(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), { type: 'buffer' });
  } catch (error) {
    return fail(file, 'unreadable', `the file looks like a legacy Office file but its container is damaged (${errorText(error)}). Download or export it again.`);
  }
  const names: string[] = container.FileIndex.map((entry: { name: string }) => entry.name);
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo')) return fail(file, 'password', 'the file is password-protected: remove the password and retry.');
  if (has('Workbook') || has('Book')) return readWorkbook(file, 'xls');
  if (has('WordDocument')) return readDoc(file, container);
  if (has('MatOST') || (has('CONTENTS') && has('SPELLING'))) {
    return fail(file, 'unsupported', 'the file is a Microsoft Works word-processor document (.wps of Works, not of WPS Office), which govdocs does not read: open it in LibreOffice or Word, save it as DOCX and retry.');
  }
  return fail(file, 'unsupported', `the file is a legacy Office file of a kind govdocs does not read (streams: ${names.filter((n) => n !== 'Root Entry').slice(0, 6).join(', ')}; not Word or Excel). Convert it to XLSX, DOCX or PDF and retry.`);
}

function readDoc(file: InputFile, container: ReturnType<typeof XLSX.CFB.read>): Result {
  try {
    const { blocks, script } = ingestDoc(container);
    return { value: { ...baseModel(file, MEDIA_TYPES.doc), script, blocks }, diagnostics: noTables(file, blocks) };
  } catch (error) {
    if (error instanceof DocFormatError && error.problem === 'password') return fail(file, 'password', `${error.message}.`);
    if (error instanceof DocFormatError && error.problem === 'unsupported') return fail(file, 'unsupported', `${error.message}.`);
    return fail(file, 'unreadable', `the Word 97–2003 file is damaged and could not be read (${errorText(error)}). Open and re-save it in Word or LibreOffice, or download it again.`);
  }
}

function noTables(file: InputFile, blocks: DocumentModel['blocks']): Diagnostic[] {
  if (blocks.some((b) => b.type === 'grid')) return [];
  return [new Reporter('ingest', file.path).report('document.no_table', `${file.path}: no table found; its text is kept.`)];
}

function fail(file: InputFile, detail: RuleDetail<'document'>, message: string): Result {
  return { value: null, diagnostics: [documentIssue(file, detail, message)] };
}
