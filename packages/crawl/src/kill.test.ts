import { afterEach, beforeEach, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crawl } from './crawler.js';
import { parseConfig } from './config.js';
import { ARTICLES, ATTACHMENTS, fixtureSiteConfig, startFixtureSite, type FixtureSite } from './fixtures/site.js';

let site: FixtureSite;
let dir: string;
const BIN = resolve('packages/cli/dist/bin.js');

beforeEach(async () => {
  site = await startFixtureSite({ slowMs: 2500, hugeBytes: 2_000_000 });
  dir = mkdtempSync(join(tmpdir(), 'govdocs-kill-'));
});

afterEach(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const siteConfig = () => fixtureSiteConfig(site, { delayMs: 40, concurrency: 1 });
const savedRecords = (out: string) =>
  existsSync(join(out, 'fetch-log.jsonl'))
    ? readFileSync(join(out, 'fetch-log.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('"file":"'))
    : [];

it.skipIf(!existsSync(BIN))(
  'a crawl killed with SIGKILL resumes: documents fetched before the kill are not asked for again',
  async () => {
    const configPath = join(dir, 'sites.json');
    writeFileSync(configPath, JSON.stringify(siteConfig()));
    const out = join(dir, 'crawl');
    const child = spawn(process.execPath, [BIN, 'crawl', '--config', configPath, '--out', out, '--quiet'], {
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.once('exit', r));
    const deadline = Date.now() + 20_000;
    while (savedRecords(out).length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const before = savedRecords(out).map((l) => JSON.parse(l).finalUrl as string);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.length).toBeLessThan(9);

    const requestsBefore = site.log.length;
    const parsed = parseConfig(JSON.stringify(siteConfig()));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const summary = await crawl({ outDir: out, config: parsed.config, version: 't' });
    expect(summary.resumed).toBe(true);
    const askedAgain = site.log
      .slice(requestsBefore)
      .filter((r) => before.some((u) => decodeURI(new URL(u).pathname) === r.path));
    // A kill between the log line and the state line may cost one repeat; never more.
    expect(askedAgain.length).toBeLessThanOrEqual(1);
    const documents = [
      ARTICLES.budget,
      ARTICLES.malformed,
      ARTICLES.redirected,
      ARTICLES.utf8,
      ...Object.values(ATTACHMENTS),
    ];
    for (const path of documents)
      expect(
        site.log.some((r) => r.path === path && r.status === 200),
        path,
      ).toBe(true);
    expect(existsSync(join(out, '.govdocs', 'crawl.lock'))).toBe(false);
  },
);

it("refuses a folder another live crawl holds, and takes over a dead one's lock", async () => {
  const out = join(dir, 'crawl');
  mkdirSync(join(out, '.govdocs'), { recursive: true });
  const parsed = parseConfig(JSON.stringify(siteConfig()));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  writeFileSync(join(out, '.govdocs', 'crawl.lock'), String(process.ppid));
  await expect(crawl({ outDir: out, config: parsed.config, version: 't' })).rejects.toThrow(/another crawl/);
  expect(site.log).toEqual([]);
  writeFileSync(join(out, '.govdocs', 'crawl.lock'), '2147483646');
  await expect(crawl({ outDir: out, config: parsed.config, version: 't' })).resolves.toMatchObject({ resumed: false });
});
