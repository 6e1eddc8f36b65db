/**
 * robots.txt, fetched once per origin and run (conditionally, from the saved copy), following
 * RFC 9309: a 4xx means no rules; a 5xx or no answer at all means stay out of the whole host for
 * this run. Crawl-delay widens the host's gate (capped so one line cannot stall a crawl for hours).
 */
import robotsParserModule from 'robots-parser';
import type { Fetcher, FetchResult } from './fetcher.js';
import type { HostGate } from './host-gate.js';
import type { CrawlState } from './state.js';

export const ROBOTS_TOKEN = 'govdocs';
const MAX_CRAWL_DELAY_MS = 60_000;

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

/** The package is CommonJS (module.exports = function); its typings describe an ES default export. */
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => ParsedRobots;

interface Rules {
  isAllowed(url: string): boolean;
  why(url: URL): string;
}

export class RobotsBook {
  private readonly rules = new Map<string, Promise<Rules>>();

  constructor(
    private readonly fetcher: () => Fetcher,
    private readonly state: CrawlState,
    private readonly gateFor: (host: string) => HostGate,
    private readonly now: () => string,
    private readonly onFetch: (result: FetchResult) => void,
  ) {}

  async allowed(url: URL): Promise<true | string> {
    let rules = this.rules.get(url.origin);
    if (!rules) {
      rules = this.load(url);
      this.rules.set(url.origin, rules);
    }
    const loaded = await rules;
    return loaded.isAllowed(url.href) ? true : loaded.why(url);
  }

  private async load(url: URL): Promise<Rules> {
    const robotsUrl = `${url.origin}/robots.txt`;
    const previous = this.state.get(robotsUrl);
    const reuse = previous?.text !== undefined;
    const result = await this.fetcher().get(robotsUrl, reuse ? previous : {}, false);
    this.onFetch(result);
    let text: string;
    if (result.outcome === 'ok') text = new TextDecoder('utf-8').decode(result.body!);
    else if (result.outcome === 'not_modified' && reuse) text = previous!.text!;
    else if (result.status !== null && result.status >= 400 && result.status < 500) text = '';
    else if (
      result.outcome === 'redirect_offsite' ||
      result.outcome === 'redirect_loop' ||
      result.outcome === 'redirect_limit'
    )
      text = '';
    else {
      const answer = result.status !== null ? `HTTP ${result.status}` : (result.error ?? result.outcome);
      return {
        isAllowed: () => false,
        why: () =>
          `robots.txt of ${url.host} could not be read (${answer}), so the host is left alone this run (RFC 9309)`,
      };
    }
    if (result.outcome === 'ok' || result.outcome === 'not_modified') {
      this.state.put({
        url: robotsUrl,
        finalUrl: result.finalUrl,
        kind: 'robots',
        status: result.status,
        etag: result.etag ?? previous?.etag ?? null,
        lastModified: result.lastModified ?? previous?.lastModified ?? null,
        contentType: result.contentType,
        sha256: null,
        bytes: text.length,
        file: null,
        title: '',
        text,
        checkedAt: this.now(),
      });
    }
    const robots = robotsParser(robotsUrl, text);
    const delay = robots.getCrawlDelay(ROBOTS_TOKEN);
    if (typeof delay === 'number' && delay > 0) {
      const gate = this.gateFor(url.host);
      gate.intervalMs = Math.max(gate.intervalMs, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    }
    return {
      isAllowed: (u) => robots.isAllowed(u, ROBOTS_TOKEN) !== false,
      why: (u) => `robots.txt disallows ${u.pathname}`,
    };
  }
}
