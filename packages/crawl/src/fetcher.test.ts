import { afterEach, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawl } from './crawler.js';
import { parseConfig } from './config.js';
import { Fetcher } from './fetcher.js';
import { HostGate } from './host-gate.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let server: Server | undefined;
let dir: string | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A list of `n` articles; each answer takes `holdMs`, and the server notes start times and peak concurrency. */
async function listSite(n: number, robots: string, holdMs: number) {
  const starts: number[] = [];
  let inFlight = 0;
  let peak = 0;
  server = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.end(robots);
    starts.push(performance.now());
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/yjs/')
        res.end(Array.from({ length: n }, (_, i) => `<a href="/yjs/t${i}.html">${2020 + i}年预算公开</a>`).join(''));
      else res.end(`<title>${req.url}</title><table><td>1,000.00</td><td>2.00</td><td>300</td><td>4.5</td></table>`);
    }, holdMs);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const host = `127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { host, starts, peak: () => peak };
}

function cfg(host: string, extra: object) {
  const parsed = parseConfig(
    JSON.stringify({ sites: [{ name: 't', start: [`http://${host}/yjs/`], allow: [host], retries: 0, ...extra }] }),
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

it('keeps to the per-host concurrency', async () => {
  const site = await listSite(8, '', 60);
  dir = mkdtempSync(join(tmpdir(), 'govdocs-gate-'));
  await crawl({ outDir: dir, config: cfg(site.host, { concurrency: 2, delayMs: 0 }), version: 't' });
  expect(site.starts).toHaveLength(9);
  expect(site.peak()).toBe(2);
});

it('honours robots.txt Crawl-delay between request starts', async () => {
  const site = await listSite(3, 'User-agent: *\nCrawl-delay: 0.15\n', 0);
  dir = mkdtempSync(join(tmpdir(), 'govdocs-gate-'));
  await crawl({ outDir: dir, config: cfg(site.host, { concurrency: 4, delayMs: 0 }), version: 't' });
  expect(site.starts).toHaveLength(4);
  const gaps = site.starts.slice(1).map((t, i) => t - site.starts[i]);
  // Measured at the server, so connection set-up jitters single gaps; without the delay they would be ~0.
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(100);
  expect(site.starts.at(-1)! - site.starts[0]).toBeGreaterThanOrEqual(400);
});

it('stops at maxPages and records it', async () => {
  const site = await listSite(10, '', 0);
  dir = mkdtempSync(join(tmpdir(), 'govdocs-gate-'));
  const summary = await crawl({ outDir: dir, config: cfg(site.host, { delayMs: 0, maxPages: 4 }), version: 't' });
  expect(site.starts).toHaveLength(4);
  expect(summary.sites[0].requested).toBe(4);
  expect(summary.sites[0].skipped).toBe(7);
});

it('waits as long as a 503 Retry-After asks, and never retries a 404', async () => {
  const hits: Record<string, number> = {};
  server = createServer((req, res) => {
    hits[req.url!] = (hits[req.url!] ?? 0) + 1;
    if (req.url === '/busy' && hits[req.url] === 1) {
      res.writeHead(503, { 'retry-after': '1' });
      return res.end();
    }
    res.writeHead(req.url === '/busy' ? 200 : 404);
    res.end('ok');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const host = `127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const gate = new HostGate(1, 0);
  const fetcher = new Fetcher({
    userAgent: 't',
    isAllowedHost: (u) => u.host === host,
    timeoutMs: 2000,
    maxBytes: 100,
    retries: 3,
    maxRedirects: 2,
    backoffMs: 5,
    gateFor: () => gate,
  });
  const started = performance.now();
  const busy = await fetcher.get(`http://${host}/busy`);
  expect(busy).toMatchObject({ outcome: 'ok', status: 200, attempts: 2 });
  expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  const missing = await fetcher.get(`http://${host}/missing`);
  expect(missing).toMatchObject({ outcome: 'http_error', status: 404, attempts: 1 });
  expect(hits['/missing']).toBe(1);
  await expect(fetcher.get('http://127.0.0.1:1/never')).resolves.toMatchObject({ outcome: 'redirect_offsite' });
});

it('leaves a host alone when its robots.txt answers 5xx, and records why', async () => {
  const paths: string[] = [];
  server = createServer((req, res) => {
    paths.push(req.url!);
    res.writeHead(req.url === '/robots.txt' ? 503 : 200);
    res.end('<a href="/yjs/t1.html">预算</a>');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const host = `127.0.0.1:${(server!.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'govdocs-robots-'));
  await crawl({ outDir: dir, config: cfg(host, { delayMs: 0, retries: 1 }), version: 't', backoffMs: 5 });
  expect(paths).toEqual(['/robots.txt', '/robots.txt']);
  const log = readFileSync(join(dir, 'fetch-log.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(log.find((r) => r.outcome === 'disallowed').error).toMatch(/robots\.txt of .* could not be read \(HTTP 503\)/);
});

it('records a document it cannot save and goes on', async () => {
  const site = await listSite(3, '', 0);
  dir = mkdtempSync(join(tmpdir(), 'govdocs-save-'));
  writeFileSync(join(dir, site.host.replace(':', '_')), 'a file where the host folder should be');
  const summary = await crawl({ outDir: dir, config: cfg(site.host, { delayMs: 0 }), version: 't' });
  expect(site.starts).toHaveLength(4);
  expect(summary.sites[0]).toMatchObject({ failed: 3, new: 1 }); // the list was read; no article saved
  const log = readFileSync(join(dir, 'fetch-log.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(log.filter((r) => r.outcome === 'internal_error')).toHaveLength(3);
});

it('gives up a slow answer at the time limit even when memory is collected meanwhile', async () => {
  // A signal a timer holds only weakly would be collected here, and the request would wait for the answer.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  server = createServer((_req, res) => void setTimeout(() => res.end('late'), 1500));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const host = `127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const fetcher = new Fetcher({
    userAgent: 't',
    isAllowedHost: (u) => u.host === host,
    timeoutMs: 300,
    maxBytes: 100,
    retries: 0,
    maxRedirects: 2,
    backoffMs: 5,
    gateFor: () => new HostGate(1, 0),
  });
  const collecting = setInterval(gc, 20);
  const started = performance.now();
  const slow = await fetcher.get(`http://${host}/slow`).finally(() => clearInterval(collecting));
  expect(slow).toMatchObject({ outcome: 'timeout' });
  expect(performance.now() - started).toBeLessThan(1400);
});
