/**
 * `govdocs run`: every input file through the pipeline, into one dataset folder.
 *
 * The main thread reads files, hashes them, skips what an earlier run already finished (resume),
 * hands the rest to a pool of worker threads and writes the parts they return; it never parses.
 * p-queue bounds the documents in flight, so memory stays flat however many files there are.
 */
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import PQueue from 'p-queue';
import {
  Reporter,
  SCHEMA_VERSION,
  toIssueRecord,
  type IssueRecord,
  type Manifest,
  type RuleDetail,
  type RuleId,
} from '@govdocs/core';
import { expandInputs } from './inputs.js';
import { createCrawlLookup } from '@govdocs/crawl/lookup';
import { archiveKind, expandArchive } from '@govdocs/ingest/archive';
import { DatasetWriter } from './writer.js';
import { WorkerPool, type PoolOutcome } from './pool.js';
import { ByteBudget, READ_AHEAD_BYTES, READ_AHEAD_PER_WORKER } from './read-ahead.js';
import { Progress, type ProgressStream } from './progress.js';
import { workerHeapLimitMb, workersFor } from './sizing.js';
import { sortedRecord, type Tally } from './tally.js';
import { VERSION } from './version.js';

export interface RunOptions {
  inputs: string[];
  out: string;
  force: boolean;
  quiet: boolean;
  workers: number;
  /** Largest file read, in bytes; larger ones get a `document.too_large` issue. */
  maxBytes: number;
  /** Per-document time limit in ms; a document over it gets a `document.timeout` issue. */
  timeoutMs?: number;
  /** False: scanned pages are not read by OCR (--no-ocr). */
  ocr?: boolean;
  command: string[];
  log: (line: string) => void;
  /** Where progress goes (stderr by default). */
  progressStream?: ProgressStream;
  /** The worker script; the compiled `worker.js` beside this file by default. */
  workerScript?: URL;
}

export interface RunResult {
  exitCode: 0 | 2;
  manifest: Manifest;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** The compiled worker. Under vitest this module is TypeScript source, so the worker comes from dist/. */
export function defaultWorkerScript(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url);
}

export interface Counters {
  processed: number;
  resumed: number;
  duplicates: number;
  timeouts: number;
  crashes: number;
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const { files, missing } = expandInputs(options.inputs, [options.out]);
  const workers = workersFor(files, options.workers);
  // Workers start loading the pipeline at once; the main thread never loads it (memory, start-up).
  const pool = new WorkerPool({
    size: workers,
    script: options.workerScript ?? defaultWorkerScript(),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOldGenerationSizeMb: workerHeapLimitMb(workers),
  });
  const looseIssues: IssueRecord[] = missing.map((m) =>
    looseIssue(
      m.path,
      'document.missing',
      `${m.path}: ${m.reason}. Check the path, or quote a glob so the shell does not expand it.`,
    ),
  );
  const failures: Manifest['failures'] = missing.map((m) => ({ path: m.path, reason: m.reason }));
  const counters: Counters = { processed: 0, resumed: 0, duplicates: 0, timeouts: 0, crashes: 0 };
  /** sha256 → the path its records carry: the smallest path among files with those bytes. */
  const documents = new Map<string, string>();
  const duplicates: { path: string; sha: string; other: string }[] = [];
  /** Archive member path → the sha256 of the archive it was taken out of (source.container). */
  const containers = new Map<string, string>();
  const progressStream = options.progressStream ?? process.stderr;
  const progress = new Progress(files.length, Progress.modeFor(progressStream, options.quiet), progressStream);
  const ready = await pool.ready;
  if (!ready) throw new Error(pool.broken ?? 'the parsing workers stopped before they started');
  const pipeline = ready.pipeline;
  const writer = new DatasetWriter(options.out, `${pipeline.name}@${pipeline.version}`);

  const crawlOrigin = createCrawlLookup();
  const fail = (path: string, rule: RuleId, reason: string) => {
    looseIssues.push(looseIssue(path, rule, `${path}: ${reason}`));
    failures.push({ path, reason });
  };

  /** One file: read, hash, resume or parse, write. Never throws for a bad document. */
  const handle = async (path: string): Promise<void> => {
    const read = await readInput(path, options.maxBytes, budget);
    if ('reason' in read) {
      fail(path, `document.${read.rule}`, read.reason);
      progress.tick(true);
      return;
    }
    try {
      await handleRead(path, read.data);
    } finally {
      budget.give(read.held);
    }
  };

  /**
   * An archive (.zip that is not an Office file, .rar, .7z): each document in it is a document of
   * its own, with its path inside the archive and the hash of the archive it was taken out of (the
   * innermost, when archives are nested) as its container; each member that cannot be read gets
   * its issue. The archive itself has no record.
   */
  const handleArchive = async (path: string, data: Uint8Array): Promise<boolean> => {
    const { members, problems } = await expandArchive(path, data);
    for (const member of members) containers.set(member.path, member.container);
    for (const problem of problems) fail(problem.path, problem.rule, problem.message);
    const outcomes = await Promise.all(
      members.map((member) => handleRead(member.path, member.bytes, member.container)),
    );
    return problems.length > 0 || outcomes.some(Boolean);
  };

  /** A file read: hash, resume or parse, write; returns whether it failed. */
  const handleRead = async (path: string, data: Uint8Array, container?: string): Promise<boolean> => {
    const sha = createHash('sha256').update(data).digest('hex');
    if (container === undefined && archiveKind(data)) {
      const failed = await handleArchive(path, data);
      progress.tick(failed);
      return failed;
    }
    const tick = (failed: boolean) => {
      if (container === undefined) progress.tick(failed);
      return failed;
    };
    const claimed = documents.get(sha);
    if (claimed !== undefined) {
      // The same bytes under another name: one document, labelled with the smaller path.
      counters.duplicates++;
      duplicates.push({ path: path < claimed ? claimed : path, sha, other: path < claimed ? path : claimed });
      if (path < claimed) documents.set(sha, path);
      return tick(false);
    }
    documents.set(sha, path);
    if (!options.force && writer.hasPart(sha)) {
      counters.resumed++;
      return tick(false);
    }
    // A file from a crawl folder carries its address, site and title (source.url, region clues).
    const outcome = await pool.run({
      path,
      bytes: data,
      sha256: sha,
      ...(container ? { container } : crawlOrigin(path)),
      ...(options.ocr === false ? { ocr: false } : {}),
    });
    return tick(await settle(path, sha, outcome));
  };

  /** Writes a finished part, or records why there is none; returns whether the document failed. */
  const settle = async (path: string, sha: string, outcome: PoolOutcome): Promise<boolean> => {
    switch (outcome.kind) {
      case 'done':
        await writer.writePartBytes(sha, outcome.part);
        counters.processed++;
        return outcome.summary.failed !== null;
      case 'timeout':
        counters.timeouts++;
        documents.delete(sha);
        fail(
          path,
          'document.timeout',
          `parsing took longer than ${outcome.ms / 1000} s and was stopped; the document was skipped. Raise --timeout to give it longer.`,
        );
        return true;
      case 'crash':
      case 'error':
        counters.crashes++;
        documents.delete(sha);
        fail(
          path,
          'document.crash',
          `the parser failed on this document (${outcome.reason}); it was skipped. This is a govdocs bug: please report it with the file.`,
        );
        return true;
    }
  };

  const readAhead = workers * READ_AHEAD_PER_WORKER;
  const budget = new ByteBudget(READ_AHEAD_BYTES);
  const queue = new PQueue({ concurrency: readAhead });
  let fatal: unknown;
  try {
    for (const path of files) {
      // Keep only so many documents (and bytes, see read-ahead.ts) ahead of the workers: memory stays flat.
      await queue.onSizeLessThan(readAhead);
      if (fatal !== undefined || pool.broken) break;
      queue.add(() => handle(path)).catch((error: unknown) => (fatal ??= error));
    }
    await queue.onIdle();
  } finally {
    await pool.close();
    progress.end();
  }
  if (pool.broken) throw new Error(pool.broken);
  if (fatal !== undefined) throw fatal;

  looseIssues.push(...duplicateIssues(duplicates, documents));
  const manifest = writer.finish(
    documents,
    looseIssues,
    (tally, mergeMs) =>
      buildManifest({ command: options.command, workers }, tally, {
        files,
        missing,
        failures,
        counters,
        started,
        pool,
        pipeline,
        mergeMs,
      }),
    containers,
  );
  if (!options.quiet) {
    options.log(
      `${files.length} files: ${counters.processed} parsed, ${counters.resumed} resumed, ${manifest.counts.facts} facts, ${manifest.failures.length} failed → ${resolve(options.out)}`,
    );
  }
  return { exitCode: manifest.failures.length ? 2 : 0, manifest };
}

export function buildManifest(
  options: Pick<RunOptions, 'command' | 'workers'>,
  tally: Tally,
  run: {
    files: string[];
    missing: unknown[];
    failures: Manifest['failures'];
    counters: Counters;
    started: number;
    pool: Pick<WorkerPool, 'peakWorkerHeapBytes'>;
    pipeline: Manifest['pipeline'];
    mergeMs: number;
  },
): Manifest {
  const totalMs = performance.now() - run.started;
  const seconds = totalMs / 1000;
  return {
    tool: { name: 'govdocs', version: VERSION },
    schemaVersion: SCHEMA_VERSION,
    pipeline: run.pipeline,
    command: options.command,
    inputs: { files: run.files.length + run.missing.length, byMediaType: sortedRecord(tally.byMediaType) },
    counts: {
      ...tally.counts,
      issuesByFamily: sortedRecord(tally.byFamily),
      issuesBySeverity: sortedRecord(tally.bySeverity),
    },
    failures: [...run.failures, ...tally.failures].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    timings: {
      totalMs: round(totalMs),
      byStageMs: sortedRecord(tally.stageMs, round),
      docsPerSecond: round(run.files.length / seconds),
      pagesPerSecond: round(tally.pages / seconds),
      mergeMs: round(run.mergeMs),
    },
    // Worker threads live in this process, so its peak RSS covers them too.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    workers: options.workers,
    run: { ...run.counters, pages: tally.pages, peakWorkerHeapBytes: run.pool.peakWorkerHeapBytes },
  };
}

/** Reads a file once the read-ahead has room for it; on success the caller gives `held` back to `budget`. */
export async function readInput(
  path: string,
  maxBytes: number,
  budget: ByteBudget,
): Promise<{ data: Uint8Array; held: number } | { rule: RuleDetail<'document'>; reason: string }> {
  let held = 0;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes)
      return {
        rule: 'too_large',
        reason: `the file is ${size} bytes, over the limit of ${maxBytes}; raise --max-bytes to read it.`,
      };
    await budget.take(size);
    held = size;
    const data = await readFile(path);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), held };
  } catch (error) {
    budget.give(held);
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES'
        ? 'permission denied; give the user running govdocs read access.'
        : code === 'EISDIR'
          ? 'it is a folder, not a file.'
          : `it could not be read (${code ?? String(error)}).`;
    return { rule: 'unreadable', reason };
  }
}

/** One `document.duplicate` note per file whose bytes another file of the run also has. */
export function duplicateIssues(
  duplicates: { path: string; sha: string; other: string }[],
  documents: Map<string, string>,
): IssueRecord[] {
  return duplicates.map((dup) => {
    const canonical = documents.get(dup.sha);
    const message =
      canonical === undefined
        ? `${dup.path}: the same bytes as ${dup.other}, which could not be parsed (see its issue).`
        : `${dup.path}: the same bytes as ${canonical}; its records are written once, under that path.`;
    return toIssueRecord(
      canonical === undefined ? null : `sha256:${dup.sha}`,
      new Reporter('run', dup.path).report('document.duplicate', message),
    );
  });
}

/** The runner's issue about a file that has no document record (missing, unreadable, timed out). */
export function looseIssue(path: string, rule: RuleId, message: string): IssueRecord {
  return toIssueRecord(null, new Reporter('run', path).report(rule, message));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
