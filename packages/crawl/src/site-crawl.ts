/**
 * One site's crawl: breadth-first from its start pages, following disclosure links (patterns.ts)
 * within the allowed hosts, depth and page limits; saving articles and attachments (store.ts).
 * Each address is asked through the fetcher, its answer kept in the state for the next run,
 * logged (fetch-log.ts) and counted (tally.ts). Addresses are visited `concurrency` at a time
 * by a p-queue; the host gates (host-gate.ts) keep each host's own limits.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { isAllowedHost, type SiteConfig } from './config.js';
import { FetchLog, type Change, type FetchRecord, type RecordExtra } from './fetch-log.js';
import { Fetcher, type FetchResult } from './fetcher.js';
import type { HostGate } from './host-gate.js';
import { isHtml, parsePage, type PageLink } from './html.js';
import { classifyLink, compileRules, pageKind, sameDirectory, type LinkRules } from './patterns.js';
import { RobotsBook } from './robots.js';
import type { CrawlState, ResourceKind, UrlState } from './state.js';
import { saveFile, storagePath } from './store.js';
import { SiteTally, type SiteSummary } from './tally.js';
import { errorText } from '@govdocs/core';

export interface SiteCrawlOptions {
  outDir: string;
  userAgent: string;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
  /** Called after each record is written; a throw stops the crawl (tests simulate a kill with it). */
  onRecord?: (record: FetchRecord) => void;
  backoffMs?: number;
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

export class SiteCrawl {
  private readonly rules: LinkRules;
  private readonly fetcher: Fetcher;
  private readonly log: FetchLog;
  private readonly tally: SiteTally;
  private readonly queue: PQueue;
  /** The first error that stops the crawl (thrown by onRecord); the visits in flight settle first. */
  private stopped: { cause: unknown } | undefined;
  private readonly seen = new Set<string>();
  private readonly listHashes = new Set<string>();
  private readonly limitsNoted = new Set<string>();

  constructor(
    private readonly site: SiteConfig,
    private readonly options: SiteCrawlOptions,
    private readonly state: CrawlState,
    gateFor: (host: string) => HostGate,
    private readonly now: () => string,
  ) {
    this.rules = compileRules(site);
    this.log = new FetchLog(options.outDir, site.name, now);
    this.tally = new SiteTally(site.name);
    this.queue = new PQueue({ concurrency: site.concurrency });
    const robots = new RobotsBook(() => this.fetcher, state, gateFor, now, (result) => this.recordRobots(result));
    this.fetcher = new Fetcher({
      userAgent: options.userAgent,
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
      this.add({ url: normal, kind: 'page', depth: 0, chain: 0, from: null, fromTitle: '', linkText: '', isStart: true });
    }
    await this.queue.onIdle();
    if (this.stopped) throw this.stopped.cause;
    return this.tally.summary();
  }

  private add(task: Task): void {
    if (this.stopped) return;
    this.queue.add(() => this.visit(task)).catch((cause: unknown) => {
      this.stopped ??= { cause };
      this.queue.clear();
    });
  }

  /** One address; whatever goes wrong on our side (a disk error) is recorded and the crawl goes on. */
  private async visit(task: Task): Promise<void> {
    let record: FetchRecord | undefined;
    try {
      record = await this.handle(task);
    } catch (error) {
      this.tally.failed();
      this.skipped(task, 'internal_error', `govdocs could not handle this address (${errorText(error)}); it is tried again next run`);
    }
    // The hook runs after state is written, so a kill it simulates leaves a committed fetch behind.
    if (record) this.options.onRecord?.(record);
  }

  private async handle(task: Task): Promise<FetchRecord | undefined> {
    const previous = this.state.get(task.url);
    if (previous && this.state.doneThisRun(task.url)) {
      // Resumed after a kill: this address was answered before it; follow its links again, ask nothing.
      if (previous.file) this.tally.kept(previous.file);
      if (previous.links) this.enqueue({ ...task, url: previous.finalUrl }, previous.links, previous.title, previous.kind === 'list' ? previous.sha256 : null);
      return undefined;
    }
    if (this.tally.requested >= this.site.maxPages) return void this.noteLimit('page_limit', task, `maxPages (${this.site.maxPages}) reached; raise it to fetch more`);
    this.tally.request();
    if (this.tally.requested % 100 === 0) this.options.log?.(`${this.site.name}: ${this.tally.requested} requests so far, ${this.queue.size} queued`);
    const conditional = previous?.sha256 || previous?.tooLarge ? previous : {};
    const result = await this.fetcher.get(task.url, conditional);
    if (result.outcome === 'ok') return this.onBody(task, result, previous);
    if (result.outcome === 'not_modified' && previous?.sha256) return this.onNotModified(task, result, previous);
    this.tally.failed();
    if (result.outcome === 'disallowed' || result.outcome === 'redirect_offsite') this.tally.unrequest();
    const kind = task.kind === 'attachment' ? 'attachment' : 'article';
    if (result.outcome === 'not_modified' && previous?.tooLarge) {
      return this.log.fetched(task, { ...result, outcome: 'too_large', error: 'unchanged since it was found too large; not downloaded again' }, { kind, change: 'unchanged', sha256: null, bytes: null, title: task.fromTitle, file: null });
    }
    const record = this.log.fetched(task, result, { kind, change: null, sha256: null, bytes: null, title: task.fromTitle, file: null });
    if (result.outcome === 'too_large' && (result.etag || result.lastModified)) {
      this.state.put({
        url: task.url, finalUrl: result.finalUrl, kind, status: result.status, etag: result.etag, lastModified: result.lastModified,
        contentType: result.contentType, sha256: null, bytes: null, file: null, title: task.fromTitle, tooLarge: true, checkedAt: this.now(),
      });
    }
    return record;
  }

  private onNotModified(task: Task, result: FetchResult, previous: UrlState): FetchRecord {
    this.tally.answered('unchanged');
    const file = previous.file && existsSync(join(this.options.outDir, previous.file)) ? previous.file : null;
    if (file) this.tally.kept(file);
    const entry: UrlState = { ...previous, finalUrl: result.finalUrl, status: 304, checkedAt: this.now(), file };
    const extra: RecordExtra = { kind: previous.kind, change: 'unchanged', sha256: previous.sha256, bytes: previous.bytes, title: previous.title, file, contentType: previous.contentType, etag: result.etag ?? previous.etag, lastModified: result.lastModified ?? previous.lastModified };
    const record = this.log.fetched(task, result, extra);
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
      this.tally.kept(file!);
    }
    this.tally.answered(change);
    const title = page ? page.title : task.fromTitle;
    const record = this.log.fetched(task, result, { kind, change, sha256, bytes: body.byteLength, title, file });
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
      if (this.listHashes.has(listHash)) {
        this.tally.skipped();
        return this.skipped(task, 'duplicate_list', 'the same list as a page already followed; its links are not followed again');
      }
      this.listHashes.add(listHash);
    }
    for (const link of links) {
      if (this.seen.has(link.url)) continue;
      const url = new URL(link.url);
      if (!isAllowedHost(url, this.site.allow)) {
        this.seen.add(link.url);
        this.tally.skipped();
        this.skipped({ url: link.url, from: task.url, linkText: link.text }, 'offsite', `host ${url.host} is not in the site's allow list; not requested`);
        continue;
      }
      const next = this.childTask(task, url, link.text, pageTitle);
      if (!next) continue;
      this.seen.add(link.url);
      this.add(next);
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

  /** A limit reached: every address it stops is counted, the first one logged. */
  private noteLimit(outcome: 'page_limit' | 'pagination_limit', task: Task, message: string): void {
    this.tally.skipped();
    if (this.limitsNoted.has(outcome)) return;
    this.limitsNoted.add(outcome);
    this.skipped(task, outcome, message);
  }

  private skipped(task: Pick<Task, 'url' | 'from' | 'linkText'>, outcome: Parameters<FetchLog['skipped']>[1], message: string): void {
    const record = this.log.skipped(task, outcome, message);
    this.options.onRecord?.(record);
  }

  private recordRobots(result: FetchResult): void {
    const task = { url: result.url, from: null, linkText: '' };
    const change = result.outcome === 'not_modified' ? 'unchanged' : null;
    this.log.fetched(task, result, { kind: 'robots', change, sha256: null, bytes: result.body?.byteLength ?? null, title: '', file: null });
  }
}
