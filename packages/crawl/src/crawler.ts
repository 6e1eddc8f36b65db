/**
 * The crawl: every configured site (site-crawl.ts), `parallelSites` at a time; sites that share a
 * host share its gate (host-gate.ts). One record per address in DIR/fetch-log.jsonl
 * (fetch-log.ts); state for the next run (state.ts). Every bad answer is recorded and the crawl
 * goes on; the folder is locked while it runs.
 */
import { mkdirSync } from 'node:fs';
import PQueue from 'p-queue';
import type { CrawlConfig, SiteConfig } from './config.js';
import type { FetchRecord } from './fetch-log.js';
import { HostGate } from './host-gate.js';
import { lockFolder } from './lock.js';
import { SiteCrawl } from './site-crawl.js';
import { CrawlState } from './state.js';
import { describeSummary, type SiteSummary } from './tally.js';

export interface CrawlOptions {
  outDir: string;
  config: CrawlConfig;
  /** govdocs version, for the User-Agent. */
  version: string;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  log?: (line: string) => void;
  /** Called after each record is written; a throw stops the crawl (tests simulate a kill with it). */
  onRecord?: (record: FetchRecord) => void;
  /** First wait before a retry (doubled each time); default: the site's delay, at least 1 s. */
  backoffMs?: number;
}

export interface CrawlSummary {
  resumed: boolean;
  sites: SiteSummary[];
}

export function userAgent(version: string, contact?: string): string {
  return `govdocs/${version} (+govdocs crawler for published county budget and final-account disclosures${contact ? `; contact: ${contact}` : ''})`;
}

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const now = () => (options.now?.() ?? new Date()).toISOString();
  mkdirSync(options.outDir, { recursive: true });
  const unlock = lockFolder(options.outDir);
  try {
    return await crawlLocked(options, now);
  } finally {
    unlock();
  }
}

async function crawlLocked(options: CrawlOptions, now: () => string): Promise<CrawlSummary> {
  const state = new CrawlState(options.outDir, now);
  const gates = new Map<string, HostGate>();
  const siteOptions = { ...options, userAgent: userAgent(options.version, options.config.contact) };
  const crawlSite = async (site: SiteConfig): Promise<SiteSummary> => {
    const gateFor = (host: string) => {
      let gate = gates.get(host);
      if (!gate) gates.set(host, (gate = new HostGate(site.concurrency, site.delayMs)));
      return gate;
    };
    const summary = await new SiteCrawl(site, siteOptions, state, gateFor, now).crawl();
    options.log?.(`${site.name}: ${describeSummary(summary)}`);
    return summary;
  };
  // Sites are on different hosts as a rule, so several run at once. The first error stops the
  // sites not yet started; the ones running finish first.
  const sites = options.config.sites;
  const queue = new PQueue({ concurrency: Math.max(1, Math.min(options.config.parallelSites, sites.length)) });
  let stopped: { cause: unknown } | undefined;
  const summaries = await Promise.all(
    sites.map((site) =>
      queue
        .add(() => crawlSite(site))
        .catch((cause: unknown) => {
          stopped ??= { cause };
          queue.clear();
          return null;
        }),
    ),
  );
  if (stopped) throw stopped.cause;
  state.finish();
  return { resumed: state.resumed, sites: summaries as SiteSummary[] };
}
