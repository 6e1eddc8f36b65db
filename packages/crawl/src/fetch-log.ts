/**
 * DIR/fetch-log.jsonl: one record per address asked (or refused) in a run, appended as it
 * happens. `govdocs run` reads it back (lookup.ts) to give each saved file its address.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchResult } from './fetcher.js';
import type { ResourceKind } from './state.js';

/** The crawl folder's log of every address asked, one JSON record a line. */
export const FETCH_LOG = 'fetch-log.jsonl';

export type Change = 'new' | 'changed' | 'unchanged';

/** Outcomes of addresses not requested: off the allowed hosts, over a limit, a list seen before, a fault of ours. */
export type SkipOutcome = 'offsite' | 'page_limit' | 'pagination_limit' | 'duplicate_list' | 'internal_error';

/** One line of DIR/fetch-log.jsonl: one address asked (or refused) in one run. */
export interface FetchRecord {
  site: string;
  url: string;
  finalUrl: string | null;
  kind: ResourceKind | 'skipped';
  outcome: FetchResult['outcome'] | SkipOutcome;
  status: number | null;
  change: Change | null;
  contentType: string | null;
  sha256: string | null;
  bytes: number | null;
  etag: string | null;
  lastModified: string | null;
  /** Title of the page itself; for an attachment, of the page that linked to it. */
  title: string;
  linkText: string;
  /** The page the link was found on (null for start pages). */
  from: string | null;
  /** Saved copy, relative to DIR. */
  file: string | null;
  attempts: number;
  error: string | null;
  fetchedAt: string;
}

/** Where an address was found. */
export interface Referral {
  url: string;
  from: string | null;
  linkText: string;
}

/** What the crawl adds to a fetch result in its record. */
export type RecordExtra = Pick<FetchRecord, 'change' | 'sha256' | 'bytes' | 'title' | 'file'> & {
  kind: ResourceKind;
} & Partial<FetchRecord>;

/** The log of one site's crawl. */
export class FetchLog {
  private readonly path: string;

  constructor(
    outDir: string,
    private readonly site: string,
    private readonly now: () => string,
  ) {
    this.path = join(outDir, FETCH_LOG);
  }

  /** An address that was asked. */
  fetched(task: Referral, result: FetchResult, extra: RecordExtra): FetchRecord {
    return this.write({
      site: this.site,
      url: task.url,
      finalUrl: result.finalUrl,
      outcome: result.outcome,
      status: result.status,
      contentType: result.contentType,
      etag: result.etag,
      lastModified: result.lastModified,
      linkText: task.linkText,
      from: task.from,
      attempts: result.attempts,
      error: result.error ?? null,
      fetchedAt: this.now(),
      ...extra,
    });
  }

  /** An address that was not asked, and why. */
  skipped(task: Referral, outcome: SkipOutcome, error: string): FetchRecord {
    return this.write({
      site: this.site,
      url: task.url,
      finalUrl: null,
      kind: 'skipped',
      outcome,
      status: null,
      change: null,
      contentType: null,
      sha256: null,
      bytes: null,
      etag: null,
      lastModified: null,
      title: '',
      linkText: task.linkText,
      from: task.from,
      file: null,
      attempts: 0,
      error,
      fetchedAt: this.now(),
    });
  }

  private write(record: FetchRecord): FetchRecord {
    appendFileSync(this.path, `${JSON.stringify(record)}\n`);
    return record;
  }
}
