/**
 * The bytes of a part file (`.parts/<sha256>.json`): one document's records, rendered in the
 * worker exactly as they must appear in the dataset's jsonl files, so the main thread's merge only
 * copies bytes.
 *
 * Layout: one header line of JSON, then the six sections back to back:
 *
 *     {"layout":"govdocs-part/3","pipelineVersion":"…","path":"…","bytes":[d,t,f,i,s,x],"summary":{…}}\n
 *     <documents lines><tables lines><facts lines><indicators lines><statements lines><issues lines>
 *
 * `bytes` holds each section's length in bytes; every section is zero or more whole JSON lines
 * (so the whole file is itself JSON lines). `summary` is what the manifest's tally needs, so the
 * records are never parsed again. The header starts with a fixed prefix naming the layout and the
 * pipeline version, so resume can tell a usable part from its first bytes; a part whose size is
 * not the header's plus its sections' was cut short and is not usable either.
 */
import type { IssueRecord } from '@govdocs/core';
import type { StoredDocument } from './part-records.js';

export const SECTIONS = ['documents', 'tables', 'facts', 'indicators', 'statements', 'issues'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Bumped whenever the layout changes: parts in any other layout are redone, never misread. */
export const PART_LAYOUT = 'govdocs-part/3';

/** What the manifest needs of one document, so the merge never parses its records. */
export interface DocumentSummary {
  records: { tables: number; facts: number; indicators: number; statements: number; issues: number };
  issuesByFamily: Record<string, number>;
  issuesBySeverity: Record<string, number>;
  /** Why the document could not be read (the text the manifest's `failures` list shows); null when it was. */
  failure: string | null;
  pages: number;
  mediaType: string;
  /** Wall time per stage in ms. */
  timings: Record<string, number>;
}

export interface PartHeader {
  layout: string;
  pipelineVersion: string;
  /** The path the records carry (`document.source.path`), for relabelling under another name. */
  path: string;
  /** Byte length of each section, in SECTIONS order. */
  bytes: number[];
  summary: DocumentSummary;
}

/** A part read back: its header and each section's bytes (views into the file's buffer). */
export interface PartFile {
  header: PartHeader;
  sections: Record<SectionName, Buffer>;
}

const NEWLINE = 0x0a;

/** The fixed first bytes of every usable part of `pipelineVersion`. */
export function headerPrefix(pipelineVersion: string): string {
  return `{"layout":${JSON.stringify(PART_LAYOUT)},"pipelineVersion":${JSON.stringify(pipelineVersion)},`;
}

/** Renders a checked part into the part-file layout (done in the worker thread). */
export function renderPart(part: StoredDocument): Uint8Array {
  const sections = [
    jsonLines([part.document]),
    jsonLines(part.tables),
    jsonLines(part.facts),
    jsonLines(part.indicators),
    jsonLines(part.statements),
    jsonLines(sortIssues(part.issues)),
  ].map((text) => Buffer.from(text, 'utf8'));
  const header: PartHeader = {
    layout: PART_LAYOUT,
    pipelineVersion: part.pipelineVersion,
    path: part.document.source.path,
    bytes: sections.map((s) => s.length),
    summary: summarise(part),
  };
  // Key order matters: the layout and version come first, where `headerPrefix` looks for them.
  return concatOwned([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...sections]);
}

/**
 * The pieces in one Uint8Array that owns its whole ArrayBuffer, so the worker can transfer it
 * (Buffer.concat may return a slice of Node's shared pool, which must not be transferred).
 */
function concatOwned(pieces: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

/**
 * Reads a part's bytes; undefined when they are not a whole part of `pipelineVersion` in this
 * layout (an older layout, another pipeline version, a file cut short or garbled).
 */
export function parsePart(bytes: Buffer, pipelineVersion: string): PartFile | undefined {
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return undefined;
  const header = parseHeader(bytes.subarray(0, end), pipelineVersion);
  if (!header || end + 1 + header.bytes.reduce((a, b) => a + b, 0) !== bytes.length) return undefined;
  let at = end + 1;
  const sections = {} as Record<SectionName, Buffer>;
  SECTIONS.forEach((name, i) => {
    sections[name] = bytes.subarray(at, (at += header.bytes[i]!));
  });
  // Each section is whole lines: a garbled length would split a record between two files.
  if (SECTIONS.some((name) => sections[name].length && sections[name][sections[name].length - 1] !== NEWLINE))
    return undefined;
  return { header, sections };
}

/** The header line (without its newline) when it is this layout and pipeline version; undefined otherwise. */
export function parseHeader(line: Buffer, pipelineVersion: string): PartHeader | undefined {
  const prefix = Buffer.from(headerPrefix(pipelineVersion), 'utf8');
  if (line.length < prefix.length || !line.subarray(0, prefix.length).equals(prefix)) return undefined;
  try {
    const header = JSON.parse(line.toString('utf8')) as PartHeader;
    const wellFormed =
      typeof header.path === 'string' &&
      Array.isArray(header.bytes) &&
      header.bytes.length === SECTIONS.length &&
      header.bytes.every((n) => Number.isInteger(n) && n >= 0) &&
      typeof header.summary === 'object' &&
      header.summary !== null;
    return wellFormed ? header : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The part as it reads under `path` instead of the path it was stored with (the same bytes under
 * another name: a renamed file, or a duplicate read first in an earlier run). Every occurrence of
 * the old path, JSON-escaped as it is inside records, becomes the new one, so the records are what
 * a clean run would have written. Issues are sorted by their file and message, which carry the
 * path, so they are sorted again.
 */
export function relabelPart(part: PartFile, path: string, container?: string): PartFile {
  const stored = part.header.path;
  const storedContainer = containerOf(part);
  if (stored === path && storedContainer === container) return part;
  const from = Buffer.from(JSON.stringify(stored).slice(1, -1), 'utf8');
  const to = Buffer.from(JSON.stringify(path).slice(1, -1), 'utf8');
  const sections = {} as Record<SectionName, Buffer>;
  for (const name of SECTIONS)
    sections[name] = stored === path ? part.sections[name] : replaceAll(part.sections[name], from, to);
  sections.issues = sortIssueLines(sections.issues);
  if (storedContainer !== container) sections.documents = withContainer(sections.documents, container);
  const summary = part.header.summary;
  const failure =
    summary.failure === null || stored === '' ? summary.failure : summary.failure.split(stored).join(path);
  return { header: { ...part.header, path, summary: { ...summary, failure } }, sections };
}

const CONTAINER_KEY = Buffer.from('"container":');

/** The archive a part's document was taken from (source.container), read only when the record has one. */
function containerOf(part: PartFile): string | undefined {
  const documents = part.sections.documents;
  if (documents.indexOf(CONTAINER_KEY) < 0) return undefined;
  return (JSON.parse(documents.toString('utf8')) as { source: { container?: string } }).source.container;
}

/**
 * The document line with source.container set to the archive these bytes are labelled with now
 * (the same member in two archives, or also loose): key order is what a fresh render gives, as
 * container is the last key of source.
 */
function withContainer(documents: Buffer, container: string | undefined): Buffer {
  const record = JSON.parse(documents.toString('utf8')) as { source: { container?: string } };
  delete record.source.container;
  if (container !== undefined) record.source.container = container;
  return Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
}

/** `bytes` with every occurrence of `from` replaced by `to`, left to right, as String.split/join does. */
export function replaceAll(bytes: Buffer, from: Buffer, to: Buffer): Buffer {
  if (from.length === 0) return bytes;
  const pieces: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, start)) {
    pieces.push(bytes.subarray(start, at), to);
    start = at + from.length;
  }
  if (start === 0) return bytes;
  pieces.push(bytes.subarray(start));
  return Buffer.concat(pieces);
}

/** Issues in the dataset's order: by table, file, page, row, column, rule, message. */
export function sortIssues(issues: IssueRecord[]): IssueRecord[] {
  return [...issues].sort(compareIssues);
}

function compareIssues(a: IssueRecord, b: IssueRecord): number {
  const ka = issueKey(a);
  const kb = issueKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}

function issueKey(x: IssueRecord) {
  return [
    x.tableId ?? '',
    x.source.file,
    x.source.page ?? 0,
    x.source.row ?? -1,
    x.source.col ?? -1,
    x.rule,
    x.message,
  ] as const;
}

/** Re-sorts a section of issue lines, keeping each line's bytes (only a relabelled part needs this). */
function sortIssueLines(section: Buffer): Buffer {
  const lines = section.toString('utf8').split('\n').slice(0, -1);
  const sorted = lines
    .map((line) => ({ line, issue: JSON.parse(line) as IssueRecord }))
    .sort((a, b) => compareIssues(a.issue, b.issue));
  return Buffer.from(sorted.map((x) => `${x.line}\n`).join(''), 'utf8');
}

function jsonLines(records: readonly unknown[]): string {
  let text = '';
  for (const record of records) text += `${JSON.stringify(record)}\n`;
  return text;
}

function summarise(part: StoredDocument): DocumentSummary {
  const issuesByFamily: Record<string, number> = {};
  const issuesBySeverity: Record<string, number> = {};
  for (const issue of part.issues) {
    const family = issue.rule.split('.')[0]!;
    issuesByFamily[family] = (issuesByFamily[family] ?? 0) + 1;
    issuesBySeverity[issue.severity] = (issuesBySeverity[issue.severity] ?? 0) + 1;
  }
  return {
    records: {
      tables: part.tables.length,
      facts: part.facts.length,
      indicators: part.indicators.length,
      statements: part.statements.length,
      issues: part.issues.length,
    },
    issuesByFamily,
    issuesBySeverity,
    failure: part.failed ? failureReason(part) : null,
    pages: part.document.pages,
    mediaType: part.document.source.mediaType,
    timings: part.timings,
  };
}

/** The `document` issue's message says why far better than the pipeline's short `failed` note. */
function failureReason(part: StoredDocument): string {
  const path = part.document.source.path;
  const issue = part.issues.find((x) => x.rule.startsWith('document.') && x.severity === 'error');
  if (!issue) return part.failed!;
  return issue.message.startsWith(`${path}: `) ? issue.message.slice(path.length + 2) : issue.message;
}
