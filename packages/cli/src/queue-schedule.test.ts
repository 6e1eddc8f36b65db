/**
 * A scheduled crawl on the queue: registered with `govdocs crawl --queue --every`, run twice by a
 * `govdocs worker` against the fixture site; the second time only the file that changed is sent
 * to the parse queue. Then `govdocs schedule list|remove`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { completedJobs, CRAWL_QUEUE, parseRedisUrl, type RedisTarget } from '@govdocs/queue';
import { ATTACHMENTS, fixtureSiteConfig, startFixtureSite, type FixtureSite } from '../../crawl/src/fixtures/site.js';
import { startRedis, type TestRedis } from '../../queue/src/fixtures/redis-server.js';
import { bin, ensureBuilt } from './fixtures/harness.js';
import { main } from './main.js';
import type { CrawlJobResult } from './queue-jobs.js';

let redis: TestRedis;
let site: FixtureSite;
let worker: ChildProcess;

beforeAll(async () => {
  ensureBuilt();
  [redis, site] = await Promise.all([startRedis(), startFixtureSite({ slowMs: 1500, hugeBytes: 2_000_000 })]);
  worker = spawn(process.execPath, [bin, 'worker', '--queue', redis.url, '--workers', '1', '--stall', '5', '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  worker.stderr!.on('data', () => undefined);
}, 240_000);

afterAll(async () => {
  if (worker?.exitCode === null) worker.kill('SIGKILL');
  await Promise.all([redis?.stop(), site?.close()]);
});

function target(): RedisTarget {
  const parsed = parseRedisUrl(redis.url);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.target;
}

async function crawlsDone(n: number): Promise<CrawlJobResult[]> {
  for (let i = 0; i < 1200; i++) {
    const done = await completedJobs<CrawlJobResult>(target(), CRAWL_QUEUE);
    if (done.length >= n) return done.sort((a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0)).map((d) => d.result);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${n} crawls completed in 2 minutes`);
}

it('runs a scheduled crawl twice; the second sends only the changed file to the parse queue', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govdocs-queue-crawl-'));
  const config = join(dir, 'sites.json');
  writeFileSync(config, JSON.stringify(fixtureSiteConfig(site)));
  const out = join(dir, 'crawl');
  const logs: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void logs.push(line));
  const registered = await main([
    'crawl',
    '--config',
    config,
    '--out',
    out,
    '--queue',
    redis.url,
    '--every',
    '4s',
    '--name',
    'xinping',
  ]);
  spy.mockRestore();
  expect(registered, logs.join('\n')).toBe(0);
  expect(logs.join('\n')).toMatch(/scheduled crawl xinping: every 4s/);

  // Once the first crawl has downloaded the spreadsheet, the site republishes it.
  const xls = (path: string) => decodeURI(path) === ATTACHMENTS.xls;
  for (let i = 0; i < 1200 && !site.log.some((r) => xls(r.path) && r.status === 200); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  site.files.set(ATTACHMENTS.xls, new TextEncoder().encode('xls v2: a corrected table'));

  const [first, second] = await crawlsDone(2);
  expect(first!.busy).toBeUndefined();
  expect(first!.enqueued).toBe(9);
  expect(first!.documents).toBe(9);
  expect(second!.sites![0]).toMatchObject({ changed: 1, new: 0 });
  expect(second!.enqueued).toBe(1);
  expect(second!.unchanged).toBe(8);
  expect(second!.documents).toBe(9);
  const documents = readFileSync(join(out, 'dataset', 'documents.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(documents).toHaveLength(9);

  const listed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void listed.push(line));
  expect(await main(['schedule', 'list', '--queue', redis.url])).toBe(0);
  expect(listed.join('\n')).toMatch(/^xinping\tevery 4s\tnext .*\tconfig .*sites\.json\tout .*crawl$/m);
  log.mockRestore();
  const removed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await main(['schedule', 'remove', 'xinping', '--queue', redis.url])).toBe(0);
  expect(await main(['schedule', 'remove', 'xinping', '--queue', redis.url])).toBe(1);
  removed.mockRestore();
}, 240_000);
