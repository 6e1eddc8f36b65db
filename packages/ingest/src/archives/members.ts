/** What each archive reader gives: a member's name and bytes, or why it could not be read. */

export interface ArchiveLimits {
  /** Most members one archive (with its nested archives) may give. */
  maxMembers: number;
  /** Most bytes its members may expand to, all together. */
  maxTotalBytes: number;
  /** Highest expansion ratio of a member over 1 MiB; documents compress ~2-30×, bombs 1000×. */
  maxRatio: number;
  /** How deep archives inside archives are followed (the file itself is depth 1). */
  maxDepth: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxMembers: 5000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 400,
  maxDepth: 3,
};

export type MemberRule = 'document.zip_bomb' | 'document.password' | 'document.unreadable' | 'document.unsupported';

export interface RawMember {
  /** Name inside the archive, `/`-separated. */
  name: string;
  data?: Uint8Array;
  problem?: { rule: MemberRule; message: string };
}

/** Shared by an archive and the archives nested in it. */
export class Budget {
  members = 0;
  bytes = 0;
  constructor(readonly limits: ArchiveLimits) {}

  /** Whether a member of `size` bytes (declared or real) may still be read; counts it if so. */
  take(size: number): MemberProblem | null {
    if (this.members >= this.limits.maxMembers)
      return {
        rule: 'document.zip_bomb',
        message: `the archive holds more than ${this.limits.maxMembers} members; this one and the rest were not read`,
      };
    if (this.bytes + size > this.limits.maxTotalBytes)
      return {
        rule: 'document.zip_bomb',
        message: `the archive's members expand to more than ${this.limits.maxTotalBytes} bytes; this one was not read`,
      };
    this.members++;
    this.bytes += size;
    return null;
  }

  ratio(name: string, size: number, packed: number): MemberProblem | null {
    if (size > 1024 * 1024 && packed > 0 && size / packed > this.limits.maxRatio) {
      return {
        rule: 'document.zip_bomb',
        message: `${name} expands ${Math.round(size / packed)}× (${size} bytes from ${packed}): refused as a zip bomb`,
      };
    }
    return null;
  }
}

export type MemberProblem = NonNullable<RawMember['problem']>;

/** Folders, and the metadata files archivers add, are not documents. */
export function isDocumentName(name: string): boolean {
  if (!name || name.endsWith('/')) return false;
  const base = name.slice(name.lastIndexOf('/') + 1);
  return !(
    name.startsWith('__MACOSX/') ||
    base.startsWith('._') ||
    base === '.DS_Store' ||
    base === 'Thumbs.db' ||
    base === 'desktop.ini'
  );
}

export function cleanName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}
