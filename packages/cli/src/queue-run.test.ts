/**
 * `govdocs run --queue` with `govdocs worker` processes standing in for machines, on a real
 * Redis: the dataset must be byte for byte a local run's, whatever happens to the workers or Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeJobs, parseQueueName, parseRedisUrl, queueStatus, workerCount, type RedisTarget } from '@govdocs/queue';
import { PIPELINE } from '@govdocs/pipelines/pipeline';
import { startRedis, type TestRedis } from '../../queue/src/fixtures/redis-server.js';
import { bin, ensureBuilt, readDataset, readJsonl, RECORD_FILES, root, runCli, samples } from './fixtures/harness.js';
import { runOnQueue } from './queue-run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'govdocs-queue-'));
const queueName = parseQueueName(`${PIPELINE.name}@${PIPELINE.version}`);

let redis: TestRedis;
/** The samples, and archives whose members are documents (most also loose: duplicates). */
let input: string;
let local: Record<string, string>;
let localOut: string;
const workers: ChildProcess[] = [];

function target(): RedisTarget {
  const parsed = parseRedisUrl(redis.url);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.target;
}

function startWorker(): ChildProcess {
  const child = spawn(
    process.execPath,
    [bin, 'worker', '--queue', redis.url, '--workers', '1', '--stall', '5', '--quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.on('data', () => undefined);
  workers.push(child);
  return child;
}

/** Waits until `n` workers have loaded the pipeline and listen on the queue. */
async function workersListening(n: number): Promise<void> {
  for (let i = 0; i < 1200 && (await workerCount(target(), queueName)) < n; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

function queueRun(out: string, onLine: (line: string) => void = () => undefined) {
  return runOnQueue({
    inputs: [input],
    out,
    queue: redis.url,
    force: false,
    quiet: true,
    workers: 1,
    maxBytes: 200_000_000,
    command: ['govdocs', 'run'],
    log: onLine,
  });
}

/** Every record line of a dataset appears once (no document parsed twice lands twice). */
function expectNoDuplicateLines(dataset: Record<string, string>): void {
  for (const name of RECORD_FILES) {
    const lines = dataset[name]!.split('\n').filter(Boolean);
    expect(new Set(lines).size, name).toBe(lines.length);
  }
}

describe('govdocs run --queue with govdocs worker processes', () => {
  beforeAll(async () => {
    ensureBuilt();
    redis = await startRedis();
    for (let i = 0; i < 3; i++) startWorker();
    input = tmp();
    // Two samples only inside the archives, so some documents carry source.container.
    for (const name of readdirSync(samples))
      if (name !== 'doc000.xlsx' && name !== 'doc007.docx') copyFileSync(join(samples, name), join(input, name));
    const archives = join(root, 'packages/ingest/src/archives/fixtures');
    for (const name of ['samples.zip', 'samples.7z', 'samples.rar'])
      copyFileSync(join(archives, name), join(input, name));
    const out = tmp();
    const { status, stderr } = runCli(['run', input, '--out', out, '--workers', '2', '--quiet']);
    expect([0, 2], stderr).toContain(status);
    local = readDataset(out);
    localOut = out;
    await workersListening(3);
  }, 240_000);

  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
    await redis?.stop();
  });

  it('gives the jsonl files of a local run, byte for byte, with three workers; a second run resumes every document', async () => {
    const out = tmp();
    const first = await queueRun(out);
    expect(readDataset(out)).toEqual(local);
    expect(readJsonl(out, 'documents').filter((d) => d.source.container).length).toBe(2);
    const documents = first.manifest.counts.documents;
    // A loose file whose bytes an archive member had, parsed first, counts as resumed.
    expect(first.manifest.run!.processed + first.manifest.run!.resumed).toBe(documents);
    expect(first.manifest.workers).toBeGreaterThanOrEqual(2);
    const again = await queueRun(out);
    expect(again.manifest.run).toMatchObject({ processed: 0, resumed: documents });
    expect(readDataset(out)).toEqual(local);
  }, 180_000);

  it('completes byte-identical when a worker is killed with SIGKILL halfway, with no record twice', async () => {
    const victim = workers.find((w) => w.exitCode === null)!;
    const out = tmp();
    const run = queueRun(out);
    // Kill it while it holds a document, so that job can only finish through stall recovery.
    let killed = false;
    for (let i = 0; i < 600 && !killed; i++) {
      const active = await activeJobs(target(), queueName);
      if (active.some((job) => job.worker.endsWith(`:${victim.pid}`))) {
        victim.kill('SIGKILL');
        killed = true;
      } else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(killed).toBe(true);
    const result = await run;
    const dataset = readDataset(out);
    expect(dataset).toEqual(local);
    expectNoDuplicateLines(dataset);
    expect(result.manifest.failures).toEqual(
      JSON.parse(readFileSync(join(localOut, 'manifest.json'), 'utf8')).failures,
    );
    startWorker();
    await workersListening(3);
  }, 180_000);

  it('takes --no-ocr to the workers with the jobs: a scanned page keeps its parse issue and is not read', async () => {
    const scans = tmp();
    copyFileSync(join(root, 'packages/ingest/src/ocr/fixtures/doc002-mixed.pdf'), join(scans, 'mixed.pdf'));
    const out = tmp();
    await runOnQueue({
      inputs: [scans],
      out,
      queue: redis.url,
      force: false,
      quiet: true,
      workers: 1,
      maxBytes: 200_000_000,
      ocr: false,
      command: ['govdocs', 'run', '--no-ocr'],
      log: () => undefined,
    });
    const [document] = readJsonl(out, 'documents');
    expect(document.ocrPages).toBeUndefined();
    expect(
      readJsonl(out, 'issues')
        .filter((i) => i.rule === 'parse.scanned')
        .map((i) => i.message)
        .join('\n'),
    ).toMatch(/OCR is turned off \(--no-ocr\)/);
  }, 180_000);

  it('waits while Redis is down for a few seconds and then completes, byte-identical', async () => {
    const out = tmp();
    const lines: string[] = [];
    let settledBeforeStop = false;
    const run = queueRun(out, (line) => lines.push(line));
    // Stop once the run is under way (its jobs are in Redis), then start Redis again, empty.
    for (let i = 0; i < 600; i++) {
      const report = (await queueStatus(target(), 0)).find((r) => r.name === queueName);
      if ((report?.completed ?? 0) >= 3) {
        settledBeforeStop = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await redis.start();
    const result = await run;
    expect(settledBeforeStop).toBe(true);
    expect(readDataset(out)).toEqual(local);
    expect(result.manifest.failures).toEqual(
      JSON.parse(readFileSync(join(localOut, 'manifest.json'), 'utf8')).failures,
    );
    expect(lines.join('\n')).toMatch(/Redis does not answer .* waiting for it to come back/);
  }, 180_000);
});
