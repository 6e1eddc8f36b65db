/**
 * Members of a zip archive, with the checks the DOCX/XLSX reader makes: each entry is expanded
 * capped at its declared size and checked against its CRC-32 (zip/central-directory.ts). Names in
 * GBK (no UTF-8 flag) are decoded there.
 */
import { expandEntry, inspectZip } from '../zip/central-directory.js';
import { LISTING_LIMITS } from './kind.js';
import { cleanName, isDocumentName, type Budget, type RawMember } from './members.js';

export function zipMembers(bytes: Uint8Array, budget: Budget): RawMember[] | string {
  const zip = inspectZip(bytes, LISTING_LIMITS);
  if (!zip.ok) return zip.message;
  const members: RawMember[] = [];
  for (const entry of zip.entries) {
    const name = cleanName(entry.name);
    if (!isDocumentName(name)) continue;
    if (entry.flags & 0x1) {
      members.push({
        name,
        problem: {
          rule: 'document.password',
          message: 'the member is password-protected in the zip: extract it with its password and give it on its own',
        },
      });
      continue;
    }
    if (entry.method !== 0 && entry.method !== 8) {
      members.push({
        name,
        problem: {
          rule: 'document.unsupported',
          message: `the member is compressed with zip method ${entry.method} (not stored or deflate), which govdocs does not expand: re-pack the archive as a standard zip`,
        },
      });
      continue;
    }
    const problem =
      budget.ratio(name, entry.uncompressedSize, entry.compressedSize) ?? budget.take(entry.uncompressedSize);
    if (problem) {
      members.push({ name, problem });
      continue;
    }
    const expanded = expandEntry(bytes, entry);
    if ('problem' in expanded) {
      const rule = expanded.problem === 'too_large' ? 'document.zip_bomb' : 'document.unreadable';
      members.push({ name, problem: { rule, message: `${expanded.message}; download the archive again` } });
      continue;
    }
    members.push({ name, data: expanded.data });
  }
  return members;
}
