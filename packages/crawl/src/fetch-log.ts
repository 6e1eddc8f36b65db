import type { FetchResult } from './fetcher.js';
import type { ResourceKind } from './state.js';

/** The crawl folder's log of every address asked, one JSON record a line. */
export const FETCH_LOG = 'fetch-log.jsonl';

export type Change = 'new' | 'changed' | 'unchanged';

/** One line of DIR/fetch-log.jsonl: one address asked (or refused) in one run. */
export interface FetchRecord {
  site: string;
  url: string;
  finalUrl: string | null;
  kind: ResourceKind | 'skipped';
  outcome: FetchResult['outcome'] | 'offsite' | 'page_limit' | 'pagination_limit' | 'duplicate_list' | 'internal_error';
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
