/**
 * Which archive a file is, from its bytes: a zip that is not an Office/OpenDocument package, a
 * RAR (4 or 5) or a 7z. Cheap (signatures and the zip's directory only), so the batch runner can
 * ask for every file without loading the archive readers.
 */
import { inspectZip, officeKind } from '../zip/central-directory.js';

export type ArchiveKind = 'zip' | 'rar' | '7z';

/** Listing limits only: the member limits are applied while expanding (expand.ts). */
export const LISTING_LIMITS = {
  maxEntries: 65_535,
  maxTotalBytes: Number.MAX_SAFE_INTEGER,
  maxRatio: Number.POSITIVE_INFINITY,
};

export function archiveKind(bytes: Uint8Array): ArchiveKind | null {
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) {
    const zip = inspectZip(bytes, LISTING_LIMITS);
    // An unreadable zip is left to the document reader, which names what is wrong with it.
    if (!zip.ok) return null;
    return officeKind(zip.entries, bytes) === null ? 'zip' : null;
  }
  return null;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}
