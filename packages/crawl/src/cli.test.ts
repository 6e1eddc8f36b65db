import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@govdocs/cli';
import { ARTICLES, fixtureSiteConfig, startFixtureSite, type FixtureSite } from './fixtures/site.js';

let site: FixtureSite;
let dir: string;

beforeEach(async () => {
  site = await startFixtureSite({ slowMs: 2500, hugeBytes: 2_000_000 });
  dir = mkdtempSync(join(tmpdir(), 'govdocs-crawl-cli-'));
});

afterEach(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

it('govdocs crawl --run processes the fetched documents with their address and site as clues', async () => {
  const config = join(dir, 'sites.json');
  writeFileSync(config, JSON.stringify(fixtureSiteConfig(site)));
  const out = join(dir, 'crawl');
  const code = await main(['crawl', '--config', config, '--out', out, '--run', '--quiet']);
  expect([0, 2]).toContain(code); // 2: some fixture attachments are fake bytes the pipeline cannot read
  const documents = readFileSync(join(out, 'dataset', 'documents.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(documents).toHaveLength(9);
  const budget = documents.find((d) => d.source.url === `${site.origin}${ARTICLES.budget}`);
  expect(budget).toBeDefined();
  expect(documents.every((d) => d.source.url?.startsWith(site.origin))).toBe(true);
  expect(budget.region?.name ?? '').toContain('新平');
});

it('explains every mistake in a config and exits 1', async () => {
  const config = join(dir, 'bad.json');
  writeFileSync(
    config,
    JSON.stringify({ sites: [{ name: '', start: ['ftp://x/'], allow: ['http://host/'], delayMs: -1, colour: 1 }] }),
  );
  const lines: string[] = [];
  const code = await (await import('./main.js')).crawlMain(['--config', config, '--out', join(dir, 'o')], {
    version: 't',
    log: (l) => lines.push(l),
  });
  expect(code).toBe(1);
  const text = lines.join('\n');
  expect(text).toContain('sites[0].name must not be empty');
  expect(text).toContain('sites[0].start[0] must be a full http(s) address');
  expect(text).toContain('sites[0].allow[0] is not a host. Write a host or host:port');
  expect(text).toContain('sites[0].delayMs must be at least 0');
  expect(text).toContain('unknown field(s) "colour"');
  expect(site.log).toEqual([]);
});
