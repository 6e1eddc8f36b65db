/**
 * `govdocs run INPUTS --out DIR --queue redis://…`: the same run as run.ts, with the parsing done
 * by `govdocs worker` processes on any number of machines.
 *
 * This process lists the inputs, adds one job per file (path and crawl origin, never the bytes),
 * follows the jobs' events for the progress bar, and merges the parts into the dataset exactly as
 * a local run does. Workers read and hash each file, skip one whose part is already there (resume:
 * same bytes + same pipeline version), parse the rest and write the part under DIR/.parts. So the
 * jsonl files are byte for byte those of a local run of the same inputs.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { IssueRecord, Manifest, RuleId } from '@govdocs/core';
import { createCrawlLookup } from '@govdocs/crawl/lookup';
import { PIPELINE } from '@govdocs/pipelines/pipeline';
import { parseQueueName, parseRedisUrl, runJobs, type RedisTarget, type Settled } from '@govdocs/queue';
import { expandInputs } from './inputs.js';
import { Progress } from './progress.js';
import { failureOf, type ParseJobData, type ParseJobResult } from './queue-jobs.js';
import {
  buildManifest,
  DEFAULT_TIMEOUT_MS,
  duplicateIssues,
  looseIssue,
  type Counters,
  type RunOptions,
  type RunResult,
} from './run.js';
import { DatasetWriter } from './writer.js';

export interface QueueRunOptions extends RunOptions {
  /** redis://host:port/db, or a connection already parsed. */
  queue: string | RedisTarget;
  /** Files whose bytes are known (a crawl's unchanged files): path → sha256. One with a part needs no job. */
  known?: ReadonlyMap<string, string>;
  /** Tries per document before it becomes its `document` issue. */
  attempts?: number;
}

export interface QueueRunResult extends RunResult {
  /** Files sent to the workers. */
  enqueued: number;
  /** Files known unchanged, with their part there: not sent. */
  unchanged: number;
}

export const DEFAULT_ATTEMPTS = 3;

export async function runOnQueue(options: QueueRunOptions): Promise<QueueRunResult> {
  const started = performance.now();
  const parsed =
    typeof options.queue === 'string' ? parseRedisUrl(options.queue) : { ok: true as const, target: options.queue };
  if (!parsed.ok) throw new Error(parsed.message);
  const pipeline = { ...PIPELINE };
  const pipelineVersion = `${pipeline.name}@${pipeline.version}`;
  const { files, missing } = expandInputs(options.inputs, [options.out]);
  const looseIssues: IssueRecord[] = missing.map((m) =>
    looseIssue(
      m.path,
      'document.missing',
      `${m.path}: ${m.reason}. Check the path, or quote a glob so the shell does not expand it.`,
    ),
  );
  const failures: Manifest['failures'] = missing.map((m) => ({ path: m.path, reason: m.reason }));
  const fail = (path: string, rule: RuleId, reason: string) => {
    looseIssues.push(looseIssue(path, rule, `${path}: ${reason}`));
    failures.push({ path, reason });
  };
  const writer = new DatasetWriter(options.out, pipelineVersion);
  const progressStream = options.progressStream ?? process.stderr;
  const progress = new Progress(files.length, Progress.modeFor(progressStream, options.quiet), progressStream);
  const crawlOrigin = createCrawlLookup();
  /** Every document found (a file, or a member of an archive): its path, hash, and whether it was parsed now. */
  const found: { path: string; sha: string; parsedNow: boolean }[] = [];
  /** Archive member path → the sha256 of the archive it was taken out of (source.container). */
  const containers = new Map<string, string>();
  const counters: Counters = { processed: 0, resumed: 0, duplicates: 0, timeouts: 0, crashes: 0 };
  const workers = new Set<string>();
  let peakWorkerHeapBytes = 0;
  const out = resolve(options.out);
  const runId = randomBytes(6).toString('hex');
  let enqueued = 0;

  function* jobs() {
    for (const [index, path] of files.entries()) {
      const known = options.known?.get(path);
      if (known !== undefined && !options.force && writer.hasPart(known)) {
        found.push({ path, sha: known, parsedNow: false });
        progress.tick(false);
        continue;
      }
      enqueued++;
      const data: ParseJobData = {
        out,
        path,
        file: resolve(path),
        force: options.force,
        maxBytes: options.maxBytes,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(options.ocr === false ? { ocr: false as const } : {}),
        ...crawlOrigin(path),
      };
      yield { id: `${runId}-${index}`, data };
    }
  }

  const failDocument = (path: string, rule: 'timeout' | 'crash', reason: string) => {
    counters[rule === 'timeout' ? 'timeouts' : 'crashes']++;
    fail(path, `document.${rule}`, reason);
  };

  const onSettled = (settled: Settled<ParseJobResult>) => {
    const path = files[Number(settled.id.slice(runId.length + 1))]!;
    if (!settled.ok) {
      const failure = failureOf(settled.reason);
      failDocument(path, failure.rule, failure.reason);
      progress.tick(true);
      return;
    }
    const result = settled.value;
    workers.add(result.worker);
    if (result.kind === 'unreadable') {
      fail(path, `document.${result.rule}`, result.reason);
      progress.tick(true);
      return;
    }
    peakWorkerHeapBytes = Math.max(peakWorkerHeapBytes, result.heapBytes);
    if (result.kind !== 'archive') {
      found.push({ path, sha: result.sha, parsedNow: result.kind === 'parsed' });
      progress.tick(result.failed);
      return;
    }
    // An archive: its documents, as a local run reads them; the archive itself has no record.
    let failed = result.problems.length > 0;
    for (const problem of result.problems) fail(problem.path, problem.rule, problem.message);
    for (const member of result.members) {
      if (member.kind === 'failed') {
        failDocument(member.path, member.rule, member.reason);
        failed = true;
        continue;
      }
      containers.set(member.path, member.container);
      found.push({ path: member.path, sha: member.sha, parsedNow: member.kind === 'parsed' });
      failed ||= member.failed;
    }
    progress.tick(failed);
  };

  try {
    await runJobs<ParseJobData, ParseJobResult>({
      target: parsed.target,
      queueName: parseQueueName(pipelineVersion),
      jobName: 'parse',
      jobs: jobs(),
      onSettled,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      log: options.log,
    });
  } finally {
    progress.end();
  }

  // sha256 → the smallest path with those bytes, as a local run labels them; the others are duplicates.
  const documents = new Map<string, string>();
  const duplicates: { path: string; sha: string; other: string }[] = [];
  for (const { path, sha, parsedNow } of found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const claimed = documents.get(sha);
    if (claimed !== undefined) {
      counters.duplicates++;
      duplicates.push({ path, sha, other: claimed });
      continue;
    }
    documents.set(sha, path);
    counters[parsedNow ? 'processed' : 'resumed']++;
  }
  looseIssues.push(...duplicateIssues(duplicates, documents));
  const manifest = writer.finish(
    documents,
    looseIssues,
    (tally, mergeMs) =>
      buildManifest({ command: options.command, workers: Math.max(1, workers.size) }, tally, {
        files,
        missing,
        failures,
        counters,
        started,
        pool: { peakWorkerHeapBytes },
        pipeline,
        mergeMs,
      }),
    containers,
  );
  if (!options.quiet) {
    options.log(
      `${files.length} files: ${enqueued} sent to ${workers.size} worker(s) at ${parsed.target.display}, ${counters.processed} parsed, ${counters.resumed} resumed, ${manifest.counts.facts} facts, ${manifest.failures.length} failed → ${resolve(options.out)}`,
    );
  }
  return { exitCode: manifest.failures.length ? 2 : 0, manifest, enqueued, unchanged: files.length - enqueued };
}
