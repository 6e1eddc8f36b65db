/**
 * @govdocs/crawl: scheduled, polite, incremental crawls of government disclosure columns.
 * `govdocs crawl` (main.ts) → crawl() → DIR with saved documents, fetch-log.jsonl and state;
 * `govdocs run DIR` finds each file's address through createCrawlLookup().
 */
export { crawlMain, CRAWL_HELP, type CrawlMainOptions, type CrawlScheduleRequest } from './main.js';
export { lockFolder, CrawlBusy } from './lock.js';
export { crawl, userAgent, type CrawlOptions, type CrawlSummary } from './crawler.js';
export { FETCH_LOG, type FetchRecord } from './fetch-log.js';
export type { SiteSummary } from './tally.js';
export {
  loadConfig,
  parseConfig,
  isAllowedHost,
  CrawlConfigSchema,
  type CrawlConfig,
  type SiteConfig,
} from './config.js';
export { createCrawlLookup, type CrawlOrigin } from './lookup.js';
export { Fetcher, type FetchResult } from './fetcher.js';
export { HostGate } from './host-gate.js';
export { parsePage } from './html.js';
export { classifyLink, compileRules } from './patterns.js';
export { storagePath } from './store.js';
