/**
 * An archive → the documents in it, each with its path `archive.zip!/inner/x.pdf` (nested:
 * `a.zip!/b.7z!/x.pdf`), and a problem for each member that could not be read (password, damage,
 * bomb, limits). Archives inside archives are followed to `maxDepth`; limits on members and
 * expanded bytes hold for the whole tree. The archive itself is not a document.
 */
import { createHash } from 'node:crypto';
import { archiveKind, type ArchiveKind } from './kind.js';
import { Budget, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits, type MemberRule, type RawMember } from './members.js';
import { zipMembers } from './zip.js';

export interface ExpandedMember {
  path: string;
  bytes: Uint8Array;
  /**
   * Hex sha256 of the archive the document was taken out of (CANONICAL.md: source.container):
   * for `a.zip!/b.7z!/x.pdf`, that of b.7z, the innermost.
   */
  container: string;
}

export interface MemberIssue {
  /** The member's path (`archive.zip!/inner/x.pdf`), or the archive's own when it cannot be opened. */
  path: string;
  rule: MemberRule;
  message: string;
}

export interface Expansion {
  members: ExpandedMember[];
  problems: MemberIssue[];
}

export async function expandArchive(
  path: string,
  bytes: Uint8Array,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<Expansion> {
  const out: Expansion = { members: [], problems: [] };
  const kind = archiveKind(bytes);
  if (!kind) {
    out.problems.push({ path, rule: 'document.unsupported', message: 'the file is not a zip, RAR or 7z archive' });
    return out;
  }
  await expandInto(out, path, bytes, kind, 1, new Budget(limits));
  return out;
}

async function expandInto(
  out: Expansion,
  path: string,
  bytes: Uint8Array,
  kind: ArchiveKind,
  depth: number,
  budget: Budget,
): Promise<void> {
  const members = await readMembers(kind, bytes, budget);
  const container = createHash('sha256').update(bytes).digest('hex');
  if (typeof members === 'string') {
    out.problems.push({
      path,
      rule: 'document.unreadable',
      message: `${members}. Download it again, or unpack it and give its files on their own.`,
    });
    return;
  }
  for (const member of members) {
    const memberPath = `${path}!/${member.name}`;
    if (member.problem) {
      out.problems.push({ path: memberPath, ...member.problem });
      continue;
    }
    const inner = archiveKind(member.data!);
    if (!inner) {
      out.members.push({ path: memberPath, bytes: member.data!, container });
    } else if (depth >= budget.limits.maxDepth) {
      out.problems.push({
        path: memberPath,
        rule: 'document.unsupported',
        message: `an archive nested ${depth + 1} levels deep (govdocs follows ${budget.limits.maxDepth}); unpack it and give its files on their own`,
      });
    } else {
      await expandInto(out, memberPath, member.data!, inner, depth + 1, budget);
    }
  }
}

async function readMembers(kind: ArchiveKind, bytes: Uint8Array, budget: Budget): Promise<RawMember[] | string> {
  switch (kind) {
    case 'zip':
      return zipMembers(bytes, budget);
    case 'rar':
      return (await import('./rar.js')).rarMembers(bytes, budget);
    case '7z':
      return (await import('./sevenzip.js')).sevenZipMembers(bytes, budget);
  }
}
