/**
 * Where a fetched document is saved under DIR: by address, so a person finds it
 * (DIR/<host>/<path>), with every segment made a safe file name. Pages without an extension get
 * .html, a query string becomes a short hash in the name, and an extension is added from the
 * content type when the address has none that matches it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomic } from './state.js';

const TYPE_EXTENSIONS: [RegExp, string][] = [
  [/html|xhtml/i, '.html'],
  [/pdf/i, '.pdf'],
  [/msword/i, '.doc'],
  [/wordprocessingml/i, '.docx'],
  [/ms-excel/i, '.xls'],
  [/spreadsheetml/i, '.xlsx'],
  [/text\/plain/i, '.txt'],
  [/zip/i, '.zip'],
];

const MAX_SEGMENT = 80;

/** Relative path (with forward slashes) for a document fetched from `url`. */
export function storagePath(url: string, contentType: string | null): string {
  const u = new URL(url);
  const host = safeSegment(u.host.replace(/:/g, '_'));
  const segments = u.pathname
    .split('/')
    .slice(1)
    .map((s) => safeSegment(decodeSafe(s)));
  let name = segments.pop() || 'index';
  if (u.search) name = withSuffix(name, `_q${createHash('sha256').update(u.search).digest('hex').slice(0, 10)}`);
  const wanted = extensionFor(contentType);
  const current = /\.[a-z0-9]{1,5}$/i.exec(name)?.[0].toLowerCase();
  if (wanted && (!current || !sameFamily(current, wanted))) name += wanted;
  if (!wanted && !current) name += '.bin';
  return [host, ...segments.filter((s) => s !== ''), name].join('/');
}

export function saveFile(outDir: string, relative: string, body: Uint8Array): void {
  const path = join(outDir, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, body);
}

function extensionFor(contentType: string | null): string | undefined {
  if (!contentType) return undefined;
  return TYPE_EXTENSIONS.find(([pattern]) => pattern.test(contentType))?.[1];
}

/** .htm/.shtml count as .html, and a server saying octet-stream never renames a .pdf. */
function sameFamily(current: string, wanted: string): boolean {
  if (wanted === '.html') return /^\.(?:s?html?|jsp|aspx?|php)$/.test(current);
  if (wanted === '.txt') return true;
  if (wanted === '.zip') return true;
  return current === wanted || (wanted === '.doc' && current === '.wps') || (wanted === '.xls' && current === '.et');
}

/** Letters, digits, CJK, . _ - kept; everything else (slashes, .., control characters) replaced. */
function safeSegment(segment: string): string {
  let s = segment
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '_');
  if (s === '_' || s === '') s = s || '';
  if ([...s].length > MAX_SEGMENT) {
    const hash = createHash('sha256').update(segment).digest('hex').slice(0, 10);
    const ext = /\.[a-z0-9]{1,5}$/i.exec(s)?.[0] ?? '';
    s = `${[...s].slice(0, MAX_SEGMENT - 12 - ext.length).join('')}_${hash}${ext}`;
  }
  return s;
}

function withSuffix(name: string, suffix: string): string {
  const ext = /\.[a-z0-9]{1,5}$/i.exec(name)?.[0] ?? '';
  return name.slice(0, name.length - ext.length) + suffix + ext;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
