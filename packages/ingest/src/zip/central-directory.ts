/**
 * Reads a zip's central directory without inflating anything, so a zip bomb (huge expanded size,
 * huge entry count) is refused before any library expands it. DOCX and XLSX are zips; which of
 * the two a file is comes from its entries (word/document.xml vs xl/workbook.xml).
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { isValidUtf8 } from '../decode.js';

const gbk = new TextDecoder('gbk');

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the entry's expanded bytes, as the central directory records it. */
  crc: number;
  /** General purpose flags: bit 0 encrypted, bit 11 name in UTF-8. */
  flags: number;
}

export interface ZipLimits {
  /** Most entries a document may hold (a real DOCX/XLSX has tens to a few hundred). */
  maxEntries: number;
  /** Most bytes all entries may expand to. */
  maxTotalBytes: number;
  /** Highest compression ratio of one entry; XML compresses ~10-30×, bombs 1000×. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 256 * 1024 * 1024, maxRatio: 400 };

export type ZipInspection =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; problem: 'not_zip' | 'too_large'; message: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

/**
 * The directory checks only: no entry is expanded here. A reader expands what it opens with
 * expandEntry; before a library that expands every entry (SheetJS), call findBadEntry.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipInspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return notZip('no zip end-of-central-directory record (the file is cut short or is not a zip)');
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    return tooLarge('it is a ZIP64 archive, which no real DOCX/XLSX of this size needs');
  }
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count > limits.maxEntries) return tooLarge(`it holds ${count} entries (limit ${limits.maxEntries})`);
  if (dirOffset + dirSize > eocd) return notZip('its central directory points outside the file');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL_SIGNATURE)
      return notZip(`central directory entry ${i + 1} is damaged`);
    const entry = readCentralEntry(bytes, view, p);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) return tooLarge(`its entries expand to more than ${limits.maxTotalBytes} bytes`);
    if (
      entry.compressedSize > 0 &&
      entry.uncompressedSize / entry.compressedSize > limits.maxRatio &&
      entry.uncompressedSize > 1024 * 1024
    ) {
      return tooLarge(
        `entry ${entry.name} expands ${Math.round(entry.uncompressedSize / entry.compressedSize)}× (a zip bomb?)`,
      );
    }
    entries.push(entry);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { ok: true, entries };
}

function readCentralEntry(bytes: Uint8Array, view: DataView, p: number): ZipEntry {
  const nameLength = view.getUint16(p + 28, true);
  const flags = view.getUint16(p + 8, true);
  const raw = bytes.subarray(p + 46, p + 46 + nameLength);
  // Zips made on Chinese Windows write names in GBK without the UTF-8 flag.
  const name = flags & 0x800 || isValidUtf8(raw) ? new TextDecoder('utf-8').decode(raw) : gbk.decode(raw);
  return {
    name,
    flags,
    method: view.getUint16(p + 10, true),
    compressedSize: view.getUint32(p + 20, true),
    uncompressedSize: view.getUint32(p + 24, true),
    localHeaderOffset: view.getUint32(p + 42, true),
    crc: view.getUint32(p + 16, true),
  };
}

/** The EOCD record sits in the last 64 KiB + 22 bytes (its comment is at most 65535 bytes). */
function findEndOfCentralDirectory(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === EOCD_SIGNATURE) return p;
  }
  return -1;
}

export interface EntryProblem {
  problem: 'too_large' | 'damaged';
  message: string;
}

/**
 * A stored or deflated entry's bytes, expanded and checked: the output is capped one byte past
 * the declared size (a lying entry cannot grow past it) and compared with the entry's CRC-32
 * (flipped bytes can still inflate). Other compression methods are the caller's to judge.
 */
export function expandEntry(bytes: Uint8Array, entry: ZipEntry): { data: Uint8Array } | EntryProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_SIGNATURE)
    return { problem: 'damaged', message: `entry ${entry.name} has no local header` };
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const stored = bytes.subarray(start, Math.min(view.byteLength, start + entry.compressedSize));
  let data: Uint8Array;
  try {
    data =
      entry.method === 0
        ? stored
        : inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) + 1 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      return { problem: 'too_large', message: `entry ${entry.name} expands beyond its declared size` };
    return { problem: 'damaged', message: `entry ${entry.name} is damaged (its compressed data cannot be expanded)` };
  }
  if (data.byteLength > entry.uncompressedSize)
    return { problem: 'too_large', message: `entry ${entry.name} expands beyond its declared size` };
  if (crc32(data) !== entry.crc)
    return { problem: 'damaged', message: `entry ${entry.name} is damaged (its checksum does not match)` };
  return { data };
}

/**
 * Declared sizes can lie, and a damaged entry can send a reading library into a loop. Every entry
 * is expanded once here (expandEntry), so a library reading the whole zip afterwards expands no
 * more than was checked and only intact data.
 */
export function findBadEntry(bytes: Uint8Array, entries: ZipEntry[]): EntryProblem | null {
  for (const entry of entries) {
    if (entry.method !== 8 && entry.method !== 0) continue;
    const expanded = expandEntry(bytes, entry);
    if ('problem' in expanded) return expanded;
  }
  return null;
}

const notZip = (why: string): ZipInspection => ({ ok: false, problem: 'not_zip', message: why });
const tooLarge = (why: string): ZipInspection => ({ ok: false, problem: 'too_large', message: why });

/** What kind of Office file a zip is, from its entry names. */
export function officeKind(entries: ZipEntry[], bytes?: Uint8Array): 'docx' | 'xlsx' | 'ods' | 'odt' | null {
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype' && e.method === 0 && e.compressedSize < 100);
  if (mimetype && bytes && names.has('content.xml')) {
    const type = storedText(bytes, mimetype);
    if (type === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
    if (type === 'application/vnd.oasis.opendocument.text') return 'odt';
  }
  if (names.has('word/document.xml') || [...names].some((n) => /^word\/document\d*\.xml$/.test(n))) return 'docx';
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return 'xlsx';
  return null;
}

/** A stored (uncompressed) entry's bytes as latin-1 text, or '' when its local header is out of place. */
function storedText(bytes: Uint8Array, entry: ZipEntry): string {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) return '';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL_SIGNATURE) return '';
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return Buffer.from(
    bytes.buffer,
    bytes.byteOffset + start,
    Math.max(0, Math.min(entry.compressedSize, bytes.length - start)),
  ).toString('latin1');
}
