import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawl } from './crawler.js';
import type { FetchRecord } from './fetch-log.js';
import { parseConfig, type CrawlConfig } from './config.js';
import { createCrawlLookup } from './lookup.js';
import { ARTICLES, ATTACHMENTS, fixtureSiteConfig, startFixtureSite, type FixtureSite } from './fixtures/site.js';

let site: FixtureSite;
let out: string;

beforeEach(async () => {
  site = await startFixtureSite({ slowMs: 2500, hugeBytes: 40_000_000 });
  out = mkdtempSync(join(tmpdir(), 'govdocs-crawl-'));
});

afterEach(async () => {
  await site.close();
  rmSync(out, { recursive: true, force: true });
});

function config(extra: Record<string, unknown> = {}): CrawlConfig {
  const parsed = parseConfig(
    JSON.stringify(fixtureSiteConfig(site, { maxDepth: 3, maxListPages: 4, concurrency: 2, retries: 1, ...extra })),
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

const run = (cfg = config(), onRecord?: (r: FetchRecord) => void) =>
  crawl({ outDir: out, config: cfg, version: '0.1.0-test', backoffMs: 5, onRecord });

function records(): FetchRecord[] {
  return readFileSync(join(out, 'fetch-log.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const DOCUMENTS = [
  ARTICLES.budget,
  ARTICLES.malformed,
  ARTICLES.redirected,
  ARTICLES.utf8,
  ...Object.values(ATTACHMENTS),
];
const fullBodies = (from: number) =>
  site.log
    .slice(from)
    .filter((r) => r.status === 200 && r.bodyBytes > 0)
    .map((r) => r.path);

describe('crawl of the fixture site', () => {
  it('fetches every allowed document once, nothing disallowed or off-site, and then only what changed', async () => {
    // First crawl: everything allowed.
    await run();
    const requested = site.log.map((r) => r.path);
    for (const path of DOCUMENTS)
      expect(
        site.log.filter((r) => r.path === path && r.status === 200),
        path,
      ).toHaveLength(1);
    expect(requested.some((p) => p.startsWith('/zwgk/private/'))).toBe(false);
    expect(requested).not.toContain('/zwgk/guide.html');
    expect(requested).not.toContain('/');
    expect(site.offsiteLog).toEqual([]);
    expect(site.log.every((r) => r.userAgent?.startsWith('govdocs/0.1.0-test'))).toBe(true);

    const first = records();
    const saved = first.filter((r) => r.file);
    expect(saved.map((r) => r.finalUrl).sort()).toEqual(
      DOCUMENTS.map((p) => new URL(encodeURI(p), site.origin).href).sort(),
    );
    for (const record of saved) {
      const path = decodeURI(new URL(record.url).pathname);
      const finalPath = decodeURI(new URL(record.finalUrl!).pathname);
      expect(readFileSync(join(out, record.file!)), path).toEqual(Buffer.from(site.files.get(finalPath)!));
      expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const budget = first.find((r) => r.url.endsWith(ARTICLES.budget))!;
    expect(budget.title).toBe('新平县财政局2023年部门预算公开');
    expect(budget.from).toBe(`${site.origin}/zwgk/czyjs/`);
    expect(budget.linkText).toBe('新平县财政局2023年部门预算公开');
    expect(budget.etag).toMatch(/^"/);
    expect(budget.lastModified).toBe('Mon, 16 Jan 2023 08:00:00 GMT');
    const xls = first.find((r) => r.url.endsWith(encodeURI(ATTACHMENTS.xls)))!;
    expect(xls).toMatchObject({
      kind: 'attachment',
      linkText: '新平县财政局2023年部门预算公开表.xls',
      title: '新平县财政局2023年部门预算公开',
      from: budget.url,
      status: 200,
    });
    expect(first.find((r) => r.url.endsWith(ARTICLES.malformed))!.title).toBe('新平县教育体育局2022年部门决算公开');

    // Bad input: each bounded and recorded.
    const outcome = (suffix: string) => first.filter((r) => r.url.endsWith(suffix)).map((r) => r.outcome);
    expect(outcome('/zwgk/private/t20230101_900.html')).toEqual(['disallowed']);
    expect(outcome('/zwgk/czyjs/t1.html')).toEqual(['offsite']);
    expect(outcome('/zwgk/czyjs/loop/a.html')).toEqual(['redirect_loop']);
    expect(outcome('/zwgk/czyjs/away.html')).toEqual(['redirect_offsite']);
    expect(outcome('/zwgk/czyjs/broken.html')).toEqual(['http_error']);
    expect(outcome('/zwgk/czyjs/gone.html')).toEqual(['http_error']);
    expect(outcome('/zwgk/czyjs/slow.html')).toEqual(['timeout']);
    expect(outcome('/uploads/2023/huge.pdf')).toEqual(['too_large']);
    expect(first.filter((r) => r.outcome === 'pagination_limit')).toHaveLength(1);
    expect(requested.filter((p) => p === '/zwgk/czyjs/broken.html')).toHaveLength(2); // one retry on 500
    expect(requested.filter((p) => p === '/zwgk/czyjs/gone.html')).toHaveLength(1); // no retry on 404
    expect(requested.filter((p) => p.startsWith('/zwgk/czyjs/loop/')).length).toBeLessThanOrEqual(3);
    expect(requested.filter((p) => /index_\d+\.html$/.test(p))).toEqual([
      '/zwgk/czyjs/index_1.html',
      '/zwgk/czyjs/index_2.html',
      '/zwgk/czyjs/index_3.html',
      '/zwgk/czyjs/index_4.html',
    ]);
    const huge = site.log.find((r) => r.path === '/uploads/2023/huge.pdf')!;
    expect(huge.bodyBytes).toBeLessThan(20_000_000); // the download was stopped, not drained

    // Second crawl: conditional requests, no unchanged body sent.
    const before2 = site.log.length;
    await run();
    expect(fullBodies(before2)).toEqual([]);
    for (const path of DOCUMENTS) expect(site.log.slice(before2).find((r) => r.path === path)?.status, path).toBe(304);
    const second = records().slice(first.length);
    expect(second.filter((r) => r.file).every((r) => r.change === 'unchanged')).toBe(true);

    // Third crawl after one attachment changed: exactly that one is downloaded.
    site.files.set(ATTACHMENTS.xls, new TextEncoder().encode('xls v2: a corrected table'));
    const before3 = site.log.length;
    await run();
    expect(fullBodies(before3)).toEqual([ATTACHMENTS.xls]);
    const third = records().slice(first.length + second.length);
    expect(third.filter((r) => r.change === 'changed').map((r) => r.url)).toEqual([xls.url]);
    expect(readFileSync(join(out, xls.file!), 'utf8')).toBe('xls v2: a corrected table');
    expect(site.offsiteLog).toEqual([]);
  });

  it('skips unchanged content by hash when the server sends no validators', async () => {
    site.validators = false;
    await run();
    const file = records().find((r) => r.url.endsWith(encodeURI(ATTACHMENTS.pdf)))!.file!;
    const mtime = statSync(join(out, file)).mtimeMs;
    const firstCount = records().length;
    await run();
    const second = records()
      .slice(firstCount)
      .filter((r) => r.file);
    expect(second.length).toBe(DOCUMENTS.length);
    expect(second.every((r) => r.change === 'unchanged' && r.status === 200)).toBe(true);
    expect(statSync(join(out, file)).mtimeMs).toBe(mtime);
  });

  it('resumes a killed crawl without asking again for what it already had', async () => {
    let count = 0;
    const kill = (r: FetchRecord) => {
      if (r.file && ++count === 3) throw new Error('killed');
    };
    await expect(run(config(), kill)).rejects.toThrow('killed');
    const fetchedBeforeKill = new Set(
      records()
        .filter((r) => r.file)
        .flatMap((r) => [r.url, r.finalUrl!])
        .map((u) => decodeURI(new URL(u).pathname)),
    );
    // The kill comes with the third file; a visit already in flight (concurrency 2) may still settle with a fourth.
    const keptBeforeKill = records().filter((r) => r.file).length;
    expect(keptBeforeKill).toBeGreaterThanOrEqual(3);
    expect(keptBeforeKill).toBeLessThanOrEqual(4);
    const before = site.log.length;
    const summary = await run();
    expect(summary.resumed).toBe(true);
    const askedAgain = site.log
      .slice(before)
      .map((r) => r.path)
      .filter((p) => fetchedBeforeKill.has(p));
    expect(askedAgain).toEqual([]);
    for (const path of DOCUMENTS)
      expect(
        site.log.filter((r) => r.path === path && r.status === 200),
        path,
      ).toHaveLength(1);
    // A later, normal run is a fresh run again: it revalidates everything.
    const before2 = site.log.length;
    expect((await run()).resumed).toBe(false);
    expect(
      site.log
        .slice(before2)
        .filter((r) => DOCUMENTS.includes(r.path))
        .map((r) => r.status),
    ).toEqual(DOCUMENTS.map(() => 304));
  });

  it("gives `govdocs run` each file's address, site and title", async () => {
    await run();
    const lookup = createCrawlLookup();
    const xls = records().find((r) => r.url.endsWith(encodeURI(ATTACHMENTS.xls)))!;
    const redirected = records().find((r) => r.url.endsWith('/zwgk/czyjs/old.html'))!;
    expect(redirected.file).toMatch(/zwgk\/czyjs\/202303\/t20230301_103\.html$/); // saved under its final address
    expect(lookup(join(out, redirected.file!)).url).toBe(`${site.origin}${ARTICLES.redirected}`);
    expect(lookup(join(out, xls.file!))).toEqual({
      url: xls.url,
      clues: { site: '新平县人民政府', url: xls.url, title: '新平县财政局2023年部门预算公开' },
    });
    expect(lookup(join(tmpdir(), 'elsewhere.pdf'))).toEqual({});
    expect(existsSync(join(out, '.govdocs', 'crawl-state.jsonl'))).toBe(true);
  });
});
