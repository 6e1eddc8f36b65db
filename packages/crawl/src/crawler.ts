/**
 * The crawl: for each site, breadth-first from its start pages, following disclosure links
 * (patterns.ts) within the allowed hosts, depth and page limits; saving articles and
 * attachments (store.ts); one record per address in DIR/fetch-log.jsonl; state for the next
 * run (state.ts). Every bad answer is recorded and the crawl goes on.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isAllowedHost, type CrawlConfig, type SiteConfig } from './config.js';
import { Fetcher, HostGate, type FetchResult } from './fetcher.js';
import { isHtml, parsePage, type PageLink, type ParsedPage } from './html.js';
import { classifyLink, compileRules, extensionOf, isPagination, type LinkRules } from './patterns.js';
import { RobotsBook } from './robots.js';
import { CrawlState, type ResourceKind, type UrlState } from './state.js';
import { saveFile, storagePath } from './store.js';
import { lockFolder } from './lock.js';
import { FETCH_LOG, type Change, type FetchRecord } from './fetch-log.js';

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

export interface SiteSummary {
  site: string;
  requested: number;
  saved: number;
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

export interface CrawlSummary {
  resumed: boolean;
  sites: SiteSummary[];
}

interface Task {
  url: string;
  kind: 'page' | 'attachment';
  depth: number;
  /** Pagination links followed to reach this page from the first page of its list. */
  chain: number;
  from: string | null;
  fromTitle: string;
  linkText: string;
  isStart: boolean;
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
  const crawlSite = async (site: SiteConfig): Promise<SiteSummary> => {
    const gateFor = (host: string) => {
      let gate = gates.get(host);
      if (!gate) gates.set(host, (gate = new HostGate(site.concurrency, site.delayMs)));
      return gate;
    };
    const summary = await new SiteCrawl(site, options, state, gateFor, now).crawl();
    options.log?.(`${site.name}: ${describe(summary)}`);
    return summary;
  };
  // Sites are on different hosts as a rule, so several run at once; hosts they share share one gate.
  const sites = options.config.sites;
  const summaries: SiteSummary[] = new Array(sites.length);
  let next = 0;
  const lane = async () => {
    while (next < sites.length) {
      const index = next++;
      summaries[index] = await crawlSite(sites[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.config.parallelSites, sites.length) }, lane));
  state.finish();
  return { resumed: state.resumed, sites: summaries };
}

function describe(s: SiteSummary): string {
  return `${s.requested} requested, ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed, ${s.skipped} skipped, ${s.saved} documents on disk`;
}

class SiteCrawl {
  private readonly rules: LinkRules;
  private readonly fetcher: Fetcher;
  private readonly queue: Task[] = [];
  private readonly seen = new Set<string>();
  private readonly listHashes = new Set<string>();
  private readonly limitsNoted = new Set<string>();
  private readonly summary: SiteSummary;
  private readonly saved = new Set<string>();

  constructor(
    private readonly site: SiteConfig,
    private readonly options: CrawlOptions,
    private readonly state: CrawlState,
    gateFor: (host: string) => HostGate,
    private readonly now: () => string,
  ) {
    this.rules = compileRules(site);
    this.summary = { site: site.name, requested: 0, saved: 0, new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0 };
    const robots = new RobotsBook(() => this.fetcher, state, gateFor, now, (result) => this.recordRobots(result));
    this.fetcher = new Fetcher({
      userAgent: userAgent(options.version, options.config.contact),
      isAllowedHost: (url) => isAllowedHost(url, site.allow),
      isAllowedByRobots: (url) => robots.allowed(url),
      timeoutMs: site.timeoutMs,
      maxBytes: site.maxBytes,
      retries: site.retries,
      maxRedirects: site.maxRedirects,
      backoffMs: options.backoffMs ?? Math.max(site.delayMs, 1000),
      gateFor,
      fetchImpl: options.fetchImpl,
    });
  }

  async crawl(): Promise<SiteSummary> {
    for (const url of this.site.start) {
      const normal = new URL(url).href;
      if (this.seen.has(normal)) continue;
      this.seen.add(normal);
      this.queue.push({ url: normal, kind: 'page', depth: 0, chain: 0, from: null, fromTitle: '', linkText: '', isStart: true });
    }
    await drain(this.queue, this.site.concurrency, (task) => this.visit(task));
    this.summary.saved = this.saved.size;
    return this.summary;
  }

  /** One address; whatever goes wrong on our side (a disk error) is recorded and the crawl goes on. */
  private async visit(task: Task): Promise<void> {
    let record: FetchRecord | undefined;
    try {
      record = await this.handle(task);
    } catch (error) {
      this.summary.failed++;
      this.skipRecord(task.url, task.from, task.linkText, 'internal_error', `govdocs could not handle this address (${error instanceof Error ? error.message : String(error)}); it is tried again next run`);
    }
    // The hook runs after state is written, so a kill it simulates leaves a committed fetch behind.
    if (record) this.options.onRecord?.(record);
  }

  private async handle(task: Task): Promise<FetchRecord | undefined> {
    const previous = this.state.get(task.url);
    if (previous && this.state.doneThisRun(task.url)) {
      // Resumed after a kill: this address was answered before it; follow its links again, ask nothing.
      if (previous.file) this.saved.add(previous.file);
      if (previous.links) this.enqueue({ ...task, url: previous.finalUrl }, previous.links, previous.title, previous.kind === 'list' ? previous.sha256 : null);
      return undefined;
    }
    if (this.summary.requested >= this.site.maxPages) return void this.noteLimit('page_limit', task, `maxPages (${this.site.maxPages}) reached; raise it to fetch more`);
    this.summary.requested++;
    if (this.summary.requested % 100 === 0) this.options.log?.(`${this.site.name}: ${this.summary.requested} requests so far, ${this.queue.length} queued`);
    const conditional = previous?.sha256 || previous?.tooLarge ? previous : {};
    const result = await this.fetcher.get(task.url, conditional);
    if (result.outcome === 'ok') return this.onBody(task, result, previous);
    if (result.outcome === 'not_modified' && previous?.sha256) return this.onNotModified(task, result, previous);
    this.summary.failed++;
    if (result.outcome === 'disallowed' || result.outcome === 'redirect_offsite') this.summary.requested--;
    const kind = task.kind === 'attachment' ? 'attachment' : 'article';
    if (result.outcome === 'not_modified' && previous?.tooLarge) {
      return this.record(task, { ...result, outcome: 'too_large', error: 'unchanged since it was found too large; not downloaded again' }, { kind, change: 'unchanged', sha256: null, bytes: null, title: task.fromTitle, file: null });
    }
    const record = this.record(task, result, { kind, change: null, sha256: null, bytes: null, title: task.fromTitle, file: null });
    if (result.outcome === 'too_large' && (result.etag || result.lastModified)) {
      this.state.put({
        url: task.url, finalUrl: result.finalUrl, kind, status: result.status, etag: result.etag, lastModified: result.lastModified,
        contentType: result.contentType, sha256: null, bytes: null, file: null, title: task.fromTitle, tooLarge: true, checkedAt: this.now(),
      });
    }
    return record;
  }

  private onNotModified(task: Task, result: FetchResult, previous: UrlState): FetchRecord {
    this.summary.unchanged++;
    const file = previous.file && existsSync(join(this.options.outDir, previous.file)) ? previous.file : null;
    if (file) this.saved.add(file);
    const entry: UrlState = { ...previous, finalUrl: result.finalUrl, status: 304, checkedAt: this.now(), file };
    const record = this.record(task, result, { kind: previous.kind, change: 'unchanged', sha256: previous.sha256, bytes: previous.bytes, title: previous.title, file, contentType: previous.contentType, etag: result.etag ?? previous.etag, lastModified: result.lastModified ?? previous.lastModified });
    this.state.put(entry);
    if (previous.links) this.enqueue({ ...task, url: previous.finalUrl }, previous.links, previous.title, previous.kind === 'list' ? previous.sha256 : null);
    return record;
  }

  private onBody(task: Task, result: FetchResult, previous: UrlState | undefined): FetchRecord {
    const body = result.body!;
    const sha256 = createHash('sha256').update(body).digest('hex');
    const page = task.kind === 'page' && isHtml(result.contentType, body) ? parsePage(body, result.finalUrl, result.contentType) : null;
    const kind: ResourceKind = page ? pageKind(result.finalUrl, page, this.rules) : 'attachment';
    const change: Change = !previous?.sha256 ? 'new' : previous.sha256 === sha256 ? 'unchanged' : 'changed';
    let file: string | null = null;
    if (kind !== 'list') {
      const kept = previous?.file && change === 'unchanged' && existsSync(join(this.options.outDir, previous.file));
      file = kept ? previous!.file : storagePath(result.finalUrl, result.contentType);
      if (!kept) saveFile(this.options.outDir, file!, body);
      this.saved.add(file!);
    }
    this.summary[change]++;
    const title = page ? page.title : task.fromTitle;
    const record = this.record(task, result, { kind, change, sha256, bytes: body.byteLength, title, file });
    this.state.put({
      url: task.url, finalUrl: result.finalUrl, kind, status: result.status, etag: result.etag, lastModified: result.lastModified,
      contentType: result.contentType, sha256, bytes: body.byteLength, file, title, ...(page ? { links: page.links } : {}), checkedAt: this.now(),
    });
    if (page) this.enqueue({ ...task, url: result.finalUrl }, page.links, page.title, kind === 'list' ? sha256 : null);
    return record;
  }

  /** Queues the links of a page worth following; off-site links are recorded once and never fetched. */
  private enqueue(task: Task, links: PageLink[], pageTitle: string, listHash: string | null): void {
    if (listHash) {
      // Endless pagination often serves the same list under new numbers: a repeated list is not followed.
      if (this.listHashes.has(listHash)) return this.noteSkip(task, 'duplicate_list', 'the same list as a page already followed; its links are not followed again');
      this.listHashes.add(listHash);
    }
    for (const link of links) {
      if (this.seen.has(link.url)) continue;
      const url = new URL(link.url);
      if (!isAllowedHost(url, this.site.allow)) {
        this.seen.add(link.url);
        this.skipRecord(link.url, task.url, link.text, 'offsite', `host ${url.host} is not in the site's allow list; not requested`);
        continue;
      }
      const next = this.childTask(task, url, link.text, pageTitle);
      if (!next) continue;
      this.seen.add(link.url);
      this.queue.push(next);
    }
  }

  private childTask(task: Task, url: URL, text: string, pageTitle: string): Task | null {
    const base = { url: url.href, from: task.url, fromTitle: pageTitle, linkText: text, isStart: false };
    switch (classifyLink(url, text, this.rules, { isStart: task.isStart })) {
      case 'attachment':
        return { ...base, kind: 'attachment', depth: task.depth + 1, chain: 0 };
      case 'pagination':
        if (!sameDirectory(url, new URL(task.url))) return null;
        if (task.chain + 1 > this.site.maxListPages) {
          this.noteLimit('pagination_limit', { ...task, url: url.href }, `maxListPages (${this.site.maxListPages}) pages of one list followed; the rest of the list is not fetched`);
          return null;
        }
        return { ...base, kind: 'page', depth: task.depth, chain: task.chain + 1 };
      case 'page':
        return task.depth + 1 > this.site.maxDepth ? null : { ...base, kind: 'page', depth: task.depth + 1, chain: 0 };
      case 'skip':
        return null;
    }
  }

  private noteLimit(outcome: 'page_limit' | 'pagination_limit', task: Task, message: string): void {
    this.summary.skipped++;
    if (this.limitsNoted.has(outcome)) return;
    this.limitsNoted.add(outcome);
    this.skipRecord(task.url, task.from, task.linkText, outcome, message);
  }

  private noteSkip(task: Task, outcome: 'duplicate_list', message: string): void {
    this.summary.skipped++;
    this.skipRecord(task.url, task.from, task.linkText, outcome, message);
  }

  private skipRecord(url: string, from: string | null, linkText: string, outcome: FetchRecord['outcome'], error: string): void {
    if (outcome === 'offsite') this.summary.skipped++;
    const record: FetchRecord = {
      site: this.site.name, url, finalUrl: null, kind: 'skipped', outcome, status: null, change: null, contentType: null, sha256: null, bytes: null,
      etag: null, lastModified: null, title: '', linkText, from, file: null, attempts: 0, error, fetchedAt: this.now(),
    };
    this.write(record);
    this.options.onRecord?.(record);
  }

  private recordRobots(result: FetchResult): void {
    const task: Task = { url: result.url, kind: 'page', depth: 0, chain: 0, from: null, fromTitle: '', linkText: '', isStart: false };
    const change = result.outcome === 'not_modified' ? 'unchanged' : null;
    this.record(task, result, { kind: 'robots', change, sha256: null, bytes: result.body?.byteLength ?? null, title: '', file: null });
  }

  private record(task: Task, result: FetchResult, extra: Pick<FetchRecord, 'change' | 'sha256' | 'bytes' | 'title' | 'file'> & { kind: ResourceKind } & Partial<FetchRecord>): FetchRecord {
    return this.write({
      site: this.site.name, url: task.url, finalUrl: result.finalUrl, outcome: result.outcome, status: result.status,
      contentType: result.contentType, etag: result.etag, lastModified: result.lastModified,
      linkText: task.linkText, from: task.from, attempts: result.attempts, error: result.error ?? null, fetchedAt: this.now(),
      ...extra,
    });
  }

  private write(record: FetchRecord): FetchRecord {
    appendFileSync(join(this.options.outDir, FETCH_LOG), JSON.stringify(record) + '\n');
    return record;
  }
}

/**
 * A list (followed, not saved) or an article (saved). Amount tables make an article even on a
 * list-like address; otherwise a list-like address, or many disclosure links, no attachment and little prose.
 */
/** Body text outside links above which a page with many disclosure links is still an article (a 说明 with a sidebar). */
const ARTICLE_PROSE_CHARS = 400;

export function pageKind(url: string, page: ParsedPage, rules: LinkRules): 'list' | 'article' {
  if (page.numericCells >= 4) return 'article';
  const u = new URL(url);
  if (isPagination(u, '') || /\/$|\/(?:index|list|default)(?:_\d+)?\.s?html?$/i.test(u.pathname)) return 'list';
  let attachments = 0;
  let pages = 0;
  for (const link of page.links) {
    const target = new URL(link.url);
    if (rules.attachments.includes(extensionOf(target))) attachments++;
    else if (classifyLink(target, link.text, rules, { isStart: false }) === 'page') pages++;
  }
  return attachments === 0 && pages >= 5 && page.proseChars < ARTICLE_PROSE_CHARS ? 'list' : 'article';
}

function sameDirectory(a: URL, b: URL): boolean {
  const dir = (u: URL) => u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return a.host === b.host && dir(a) === dir(b);
}

/** Runs tasks `concurrency` at a time; tasks may add tasks. The first error stops it once the tasks in flight are settled. */
function drain<T>(queue: T[], concurrency: number, handle: (task: T) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let active = 0;
    let error: { cause: unknown } | undefined;
    const settle = () => {
      active--;
      pump();
    };
    const pump = () => {
      while (!error && active < concurrency && queue.length) {
        const task = queue.shift()!;
        active++;
        handle(task).then(settle, (cause: unknown) => {
          error ??= { cause };
          settle();
        });
      }
      if (active > 0) return;
      if (error) reject(error.cause);
      else if (queue.length === 0) resolve();
    };
    pump();
  });
}
