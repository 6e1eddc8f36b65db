/**
 * Tells what a file really is from its first bytes, not its name: a `.pdf` that is HTML is
 * read as HTML, a binary file named `.txt` is refused with a clear reason.
 */

export type SniffedFormat = 'pdf' | 'zip' | 'ole' | 'spreadsheetml' | 'biff' | 'html' | 'text' | 'binary' | 'empty';

export const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  doc: 'application/msword',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  spreadsheetml: 'application/vnd.ms-excel',
  biff: 'application/vnd.ms-excel',
  html: 'text/html',
  text: 'text/plain',
  binary: 'application/octet-stream',
};

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0 || isAllWhitespace(bytes)) return 'empty';
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return 'zip';
  if (head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return 'ole';
  // Excel 2003 XML (SpreadsheetML), which sites serve as .xls; before the web-page test, as it opens like XML.
  if (
    /^(\xef\xbb\xbf)?\s*(<\?[^>]*\?>\s*)*<(\w+:)?Workbook\b/.test(head) &&
    head.includes('urn:schemas-microsoft-com:office:spreadsheet')
  )
    return 'spreadsheetml';
  if (isBiffStream(bytes)) return 'biff';
  // XHTML exports (LibreOffice, Excel) open with an XML declaration before the html element.
  if (
    /^(\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>\s*)?(<!doctype html|<html|<head|<body|<meta|<table|<div|<p[\s>]|<!--)/i.test(
      head,
    )
  )
    return 'html';
  if (looksBinary(bytes.subarray(0, 8192))) return 'binary';
  return 'text';
}

/**
 * Excel 2.x–4.0 worksheets are a bare BIFF record stream (no compound file): a BOF record
 * (0x0009, 0x0209 or 0x0409) of 4 to 16 bytes whose version word names a worksheet or workbook.
 */
function isBiffStream(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09 || ![0x00, 0x02, 0x04].includes(bytes[1])) return false;
  const length = bytes[2] | (bytes[3] << 8);
  return (
    length >= 4 &&
    length <= 16 &&
    bytes[5] === 0x00 &&
    [0x10, 0x20, 0x40, 0x00].includes(bytes[6] & 0xf0) &&
    bytes[7] <= 0x01
  );
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function isAllWhitespace(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (![0x20, 0x09, 0x0a, 0x0d].includes(bytes[i])) return false;
  return bytes.length <= 4096;
}

/** NUL bytes or many C0 control characters: not text in any encoding we read (UTF-16 has a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > bytes.length * 0.02;
}
