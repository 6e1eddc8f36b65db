/**
 * The report as a reviewer uses it: opened from disk in a real Chromium (Debian's package, driven
 * by playwright-core; nothing is downloaded). The screenshot is kept under .artifacts/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runSamples, tmp } from '../../export/src/fixtures/duck.js';

const CHROMIUM = process.env.GOVDOCS_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

interface Issue {
  documentId: string;
  tableId: string | null;
  severity: string;
  rule: string;
  message: string;
  source: { row?: number; col?: number };
}

const lines = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

describe('govdocs report in Chromium', () => {
  let run: string;
  let report: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
    run = runSamples();
    report = tmp('report');
    const { status, stderr } = runCli(['report', run, '--out', report, '--quiet']);
    if (status !== 0) throw new Error(`govdocs report exited ${status}: ${stderr}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('writes one page per document and pictures of the PDF tables', () => {
    const documents = lines<{ id: string; source: { mediaType: string } }>(join(run, 'documents.jsonl'));
    expect(readdirSync(join(report, 'docs')).length).toBe(documents.length);
    const pdfs = documents.filter((d) => d.source.mediaType === 'application/pdf').map((d) => d.id.slice(7, 23));
    const pictures = readdirSync(join(report, 'img'));
    for (const pdf of pdfs)
      expect(
        pictures.some((p) => p.startsWith(pdf)),
        `no picture for ${pdf}`,
      ).toBe(true);
  });

  it('filters the index, opens a document and shows a flagged cell with its message', async () => {
    const issues = lines<Issue>(join(run, 'issues.jsonl'));
    const issue = issues.find((i) => i.tableId && i.source.row !== undefined && i.source.col !== undefined);
    expect(issue, 'the samples give at least one issue on a cell').toBeDefined();
    const documents = lines<{ id: string; region: { name: string } | null }>(join(run, 'documents.jsonl'));
    const doc = documents.find((d) => d.id === issue!.documentId)!;
    const tables = lines<{ id: string; documentId: string }>(join(run, 'tables.jsonl')).filter(
      (t) => t.documentId === doc.id,
    );
    const tableNumber = tables.findIndex((t) => t.id === issue!.tableId) + 1;
    const family = issue!.rule.split('.')[0];

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(pathToFileURL(join(report, 'index.html')).href);
    const rows = page.locator('#documents tbody tr');
    await expect.poll(() => rows.count()).toBe(documents.length);

    await page.selectOption('select[name=family]', family);
    const withFamily = new Set(issues.filter((i) => i.rule.startsWith(`${family}.`)).map((i) => i.documentId)).size;
    await expect.poll(() => rows.count()).toBe(withFamily);
    await page.fill('input[name=region]', doc.region!.name);
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#status').textContent()).toMatch(new RegExp(`^\\d+ of ${documents.length} documents$`));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-index.png') });

    await page.locator('#documents tbody tr a').first().click();
    await page.waitForSelector('h1');
    const link = page
      .locator(`ol.issues a[href="#t${tableNumber}-r${issue!.source.row}-c${issue!.source.col}"]`)
      .first();
    await link.click();
    expect(new URL(page.url()).hash).toBe(`#t${tableNumber}-r${issue!.source.row}-c${issue!.source.col}`);
    const cell = page.locator(`#t${tableNumber}-r${issue!.source.row}-c${issue!.source.col}`);
    await expect.poll(() => cell.isVisible()).toBe(true);
    expect(await cell.getAttribute('class')).toContain(`flag ${issue!.severity}`);
    expect(await cell.locator('.msg').first().textContent()).toContain(issue!.message);
    await page.screenshot({ path: join(ARTIFACTS, 'report-document.png') });
    await page.close();
  });

  it('sorts the index by a column and pages through it', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(report, 'index.html')).href);
    await page.click('th[data-sort="9"]');
    const facts = async () => (await page.locator('#documents tbody tr td:nth-child(6)').allTextContents()).map(Number);
    const ascending = await facts();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.click('th[data-sort="9"]');
    const descending = await facts();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(await page.locator('#pager span').textContent()).toBe('page 1 of 1');
    await page.close();
  });
});
