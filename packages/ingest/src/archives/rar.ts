/**
 * Members of a RAR archive (RAR 4 and 5) with node-unrar-js (UnRAR compiled to WebAssembly), all in
 * memory. Declared sizes are checked against the limits before anything is expanded; a member
 * whose data is damaged or encrypted is reported and the others are still read.
 */
import { createExtractorFromData, type FileHeader } from 'node-unrar-js';
import { cleanName, isDocumentName, type Budget, type MemberProblem, type RawMember } from './members.js';
import { errorText } from '@govdocs/core';

export async function rarMembers(bytes: Uint8Array, budget: Budget): Promise<RawMember[] | string> {
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let headers: FileHeader[];
  let extractor: Awaited<ReturnType<typeof createExtractorFromData>>;
  try {
    extractor = await createExtractorFromData({ data, password: '' });
    const list = extractor.getFileList();
    if (list.arcHeader.flags.headerEncrypted) return 'its file names are encrypted (a password-protected RAR): extract it with its password and give the files on their own';
    if (list.arcHeader.flags.volume) return 'it is one volume of a multi-volume RAR: join the volumes (extract from the first) and give the files on their own';
    headers = [...list.fileHeaders];
  } catch (error) {
    return `the RAR archive cannot be opened (${errorText(error)})`;
  }
  const members: RawMember[] = [];
  const wanted = new Map<string, string>();
  for (const header of headers) {
    const name = cleanName(header.name);
    if (header.flags.directory || !isDocumentName(name)) continue;
    let problem: MemberProblem | null = null;
    if (header.flags.encrypted) problem = { rule: 'document.password', message: 'the member is password-protected in the RAR: extract it with its password and give it on its own' };
    problem ??= budget.ratio(name, header.unpSize, header.packSize) ?? budget.take(header.unpSize);
    if (problem) members.push({ name, problem });
    else {
      wanted.set(header.name, name);
      members.push({ name });
    }
  }
  if (wanted.size === 0) return members;
  const byName = new Map(members.map((m) => [m.name, m]));
  const sizes = new Map(headers.map((h) => [h.name, h.unpSize]));
  try {
    const extracted = extractor.extract({ files: (h) => wanted.has(h.name) });
    for (const file of extracted.files) {
      const member = byName.get(wanted.get(file.fileHeader.name)!);
      if (!member || !file.extraction) continue;
      if (file.extraction.byteLength > (sizes.get(file.fileHeader.name) ?? 0)) member.problem = { rule: 'document.zip_bomb', message: 'the member expands beyond its declared size' };
      else member.data = file.extraction;
    }
  } catch (error) {
    // UnRAR stops at the first damaged member: it is named, those after it are reported unread.
    const failed = (error as { file?: string }).file;
    for (const member of members) {
      if (member.data || member.problem) continue;
      member.problem = failed && cleanName(failed) === member.name
        ? { rule: 'document.unreadable', message: `the member is damaged in the RAR (${errorText(error)}); download the archive again` }
        : { rule: 'document.unreadable', message: `the member could not be extracted: the RAR is damaged (${errorText(error)}) before it` };
    }
  }
  for (const member of members) member.problem ??= member.data ? undefined : { rule: 'document.unreadable', message: 'the member could not be extracted from the RAR' };
  return members.map((m) => (m.problem ? { name: m.name, problem: m.problem } : m));
}
