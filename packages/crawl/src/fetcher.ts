/**
 * Polite HTTP: one gate per host (host-gate.ts: concurrency and spacing between request starts), a
 * per-request timeout, a size cap enforced while streaming, retries with backoff on 5xx, 429,
 * timeouts and network errors (never on other 4xx), and redirects followed by hand, only to
 * allowed hosts and robots-allowed paths, with loops and long chains cut off. A host not on the
 * allow list is never requested: `request` refuses it even if a caller slips.
 */
import type { HostGate } from './host-gate.js';
import { resolveUrl } from './html.js';

export interface FetchOptions {
  userAgent: string;
  /** Whether the crawl may visit this address's host. */
  isAllowedHost: (url: URL) => boolean;
  /** True when robots.txt lets the crawl fetch this address, else why not (checked on every redirect hop). */
  isAllowedByRobots?: (url: URL) => Promise<true | string>;
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  maxRedirects: number;
  /** First backoff after a failure; doubled on each retry. */
  backoffMs: number;
  gateFor: (host: string) => HostGate;
  fetchImpl?: typeof fetch;
}

export type FetchOutcome =
  | 'ok'
  | 'not_modified'
  | 'http_error'
  | 'too_large'
  | 'timeout'
  | 'network'
  | 'redirect_loop'
  | 'redirect_limit'
  | 'redirect_offsite'
  | 'disallowed';

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number | null;
  outcome: FetchOutcome;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Uint8Array | null;
  attempts: number;
  /** Addresses passed through, in order, when redirected. */
  redirects: string[];
  /** What went wrong, for the log; absent when outcome is ok or not_modified. */
  error?: string;
  /** A 429 or 503 answer's Retry-After, in ms. */
  retryAfterMs?: number;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** The longest Retry-After waited for: a server asking more gets its retry after this. */
const MAX_RETRY_AFTER_MS = 60_000;

export class Fetcher {
  constructor(private readonly options: FetchOptions) {}

  /** GET with redirects, retries and conditional headers; never throws. */
  async get(url: string, validators: Validators = {}, checkRobots = true): Promise<FetchResult> {
    const seen = new Set<string>([url]);
    const redirects: string[] = [];
    let current = url;
    let attempts = 0;
    for (;;) {
      const target = new URL(current);
      if (!this.options.isAllowedHost(target)) {
        const how = redirects.length ? 'redirected to' : 'the address is on';
        return failed(
          url,
          current,
          redirects,
          attempts,
          'redirect_offsite',
          `${how} ${target.host}, which is not in the site's allow list; not requested`,
        );
      }
      const robots =
        checkRobots && this.options.isAllowedByRobots ? await this.options.isAllowedByRobots(target) : true;
      if (robots !== true) return failed(url, current, redirects, attempts, 'disallowed', `${robots}; not requested`);
      const hop = await this.withRetries(current, validators);
      attempts += hop.attempts;
      if (hop.kind === 'result') return { ...hop.result, url, finalUrl: current, redirects, attempts };
      redirects.push(current);
      if (redirects.length > this.options.maxRedirects)
        return failed(
          url,
          current,
          redirects,
          attempts,
          'redirect_limit',
          `more than ${this.options.maxRedirects} redirects; stopped`,
        );
      const next = resolveUrl(hop.location, current);
      if (!next)
        return failed(
          url,
          current,
          redirects,
          attempts,
          'http_error',
          `redirect with an unusable Location "${hop.location}"`,
        );
      if (seen.has(next))
        return failed(url, next, redirects, attempts, 'redirect_loop', `redirect loop back to ${next}; stopped`);
      seen.add(next);
      current = next;
    }
  }

  private async withRetries(
    url: string,
    validators: Validators,
  ): Promise<
    { kind: 'result'; result: FetchResult; attempts: number } | { kind: 'redirect'; location: string; attempts: number }
  > {
    let last: FetchResult | undefined;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0)
        await sleep(
          Math.max(this.options.backoffMs * 2 ** (attempt - 1), Math.min(last?.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)),
        );
      const hop = await this.request(url, validators);
      if (hop.kind === 'redirect') return { ...hop, attempts: attempt + 1 };
      last = hop.result;
      if (!isRetryable(last)) return { kind: 'result', result: last, attempts: attempt + 1 };
    }
    return { kind: 'result', result: last!, attempts: this.options.retries + 1 };
  }

  /** One HTTP exchange through the host's gate. */
  private async request(
    url: string,
    validators: Validators,
  ): Promise<{ kind: 'result'; result: FetchResult } | { kind: 'redirect'; location: string }> {
    const target = new URL(url);
    if (!this.options.isAllowedHost(target))
      throw new Error(
        `govdocs crawl: refusing to request ${target.host}, not an allowed host (a bug: callers check first)`,
      );
    return this.options.gateFor(target.host).run(async () => {
      // One controller and a timer of our own, not AbortSignal.timeout + AbortSignal.any: Node
      // holds those signals weakly, and a garbage collection mid-request could drop the time limit.
      const abort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, this.options.timeoutMs);
      const signal = abort.signal;
      const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: '*/*' };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      try {
        const response = await (this.options.fetchImpl ?? fetch)(url, { headers, redirect: 'manual', signal });
        const location = response.headers.get('location');
        if (REDIRECT.has(response.status) && location !== null) {
          await response.body?.cancel().catch(() => {});
          return { kind: 'redirect' as const, location };
        }
        const base = baseResult(url, response);
        if (response.status === 304) {
          await response.body?.cancel().catch(() => {});
          return { kind: 'result' as const, result: { ...base, outcome: 'not_modified' as const } };
        }
        if (response.status < 200 || response.status >= 300) {
          await response.body?.cancel().catch(() => {});
          return {
            kind: 'result' as const,
            result: { ...base, outcome: 'http_error' as const, error: `HTTP ${response.status}` },
          };
        }
        const body = await readCapped(response, this.options.maxBytes, abort);
        if (body === 'too_large')
          return {
            kind: 'result' as const,
            result: {
              ...base,
              outcome: 'too_large' as const,
              error: `larger than ${this.options.maxBytes} bytes; download stopped (raise maxBytes to keep it)`,
            },
          };
        return { kind: 'result' as const, result: { ...base, outcome: 'ok' as const, body } };
      } catch (error) {
        const outcome = timedOut ? ('timeout' as const) : ('network' as const);
        const message = timedOut ? `no complete answer within ${this.options.timeoutMs} ms` : describeError(error);
        return { kind: 'result' as const, result: failed(url, url, [], 1, outcome, message) };
      } finally {
        clearTimeout(timer);
      }
    });
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
  abort: AbortController,
): Promise<Uint8Array | 'too_large'> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort.abort();
    return 'too_large';
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort.abort();
      await reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

function baseResult(url: string, response: Response): FetchResult {
  return {
    url,
    finalUrl: url,
    status: response.status,
    outcome: 'ok',
    contentType: response.headers.get('content-type'),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    body: null,
    attempts: 1,
    redirects: [],
    ...retryAfter(response),
  };
}

/** Retry-After as seconds or as an HTTP date. */
function retryAfter(response: Response): { retryAfterMs?: number } {
  const value = response.headers.get('retry-after');
  if (!value || (response.status !== 429 && response.status !== 503)) return {};
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? { retryAfterMs: ms } : {};
}

function failed(
  url: string,
  finalUrl: string,
  redirects: string[],
  attempts: number,
  outcome: FetchOutcome,
  error: string,
): FetchResult {
  return {
    url,
    finalUrl,
    status: null,
    outcome,
    contentType: null,
    etag: null,
    lastModified: null,
    body: null,
    attempts,
    redirects,
    error,
  };
}

function isRetryable(result: FetchResult): boolean {
  if (result.outcome === 'timeout' || result.outcome === 'network') return true;
  return result.status !== null && (result.status >= 500 || result.status === 429);
}

function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
