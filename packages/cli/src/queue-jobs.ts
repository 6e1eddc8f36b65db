/**
 * What goes through the queue between `govdocs run --queue` (or a scheduled crawl) and
 * `govdocs worker`: small JSON, never file bytes. Paths are absolute for reading; `path` is the
 * name the records carry, exactly as a local run of the same command would write it.
 */
import type { DocumentClues, RuleDetail, RuleId } from '@govdocs/core';

export interface ParseJobData {
  /** The dataset folder (absolute): the part goes to out/.parts/<sha256>.json. */
  out: string;
  /** The path the records carry (as given on the command line). */
  path: string;
  /** Where to read the file (absolute; the same on every machine). */
  file: string;
  force: boolean;
  maxBytes: number;
  timeoutMs: number;
  /** False when the run was given --no-ocr: scanned pages are not read (a worker's own --no-ocr also turns it off). */
  ocr?: false;
  url?: string;
  clues?: DocumentClues;
}

export type ParseJobResult =
  | { kind: 'parsed' | 'resumed'; sha: string; failed: boolean; worker: string; heapBytes: number }
  | { kind: 'unreadable'; rule: RuleDetail<'document'>; reason: string; worker: string }
  /** An archive: its hash, each member (with its container), and members that could not be read. */
  | {
      kind: 'archive';
      sha: string;
      members: MemberResult[];
      problems: { path: string; rule: RuleId; message: string }[];
      worker: string;
      heapBytes: number;
    };

/** A document inside an archive: `path` is `archive.zip!/inner/x.pdf`, `container` the sha256 of the archive it was taken out of. */
export type MemberResult = { path: string; sha: string; container: string } & (
  | { kind: 'parsed' | 'resumed'; failed: boolean }
  | { kind: 'failed'; rule: 'timeout' | 'crash'; reason: string }
);

export interface CrawlJobData {
  name: string;
  config: string;
  out: string;
  dataset: string;
}

export interface CrawlJobResult {
  /** Set when another crawl held the folder, so this one did nothing. */
  busy?: string;
  sites?: { site: string; new: number; changed: number; unchanged: number; failed: number }[];
  /** Files sent to the parse queue: the new and changed ones (and any whose part is missing). */
  enqueued: number;
  /** Files whose bytes the crawl saw unchanged and whose part was there: not sent. */
  unchanged: number;
  documents: number;
  failed: number;
}

/**
 * A document that failed on every attempt: the worker throws `document.<rule>: <reason>`, the
 * run turns it into that `document` issue. Any other reason (a job that stalled once too often,
 * the queue's own errors) is a crash with that reason.
 */
export function failureOf(reason: string): { rule: 'timeout' | 'crash'; reason: string } {
  const match = /^document\.(timeout|crash): (.*)$/s.exec(reason);
  if (match) return { rule: match[1] as 'timeout' | 'crash', reason: match[2]! };
  return {
    rule: 'crash',
    reason: `the document failed on every attempt on the queue (${reason}); it was skipped. Run the same command again to retry it.`,
  };
}

export function failureText(rule: 'timeout' | 'crash', reason: string): string {
  return `document.${rule}: ${reason}`;
}
