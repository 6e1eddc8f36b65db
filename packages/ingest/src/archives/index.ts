export { archiveKind, type ArchiveKind } from './kind.js';
export { expandArchive, type ExpandedMember, type Expansion, type MemberIssue } from './expand.js';
export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './members.js';
