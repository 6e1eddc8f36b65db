/**
 * `govdocs worker --queue redis://…`: takes documents (and scheduled crawls) from the queue and
 * parses them in this process's worker-thread pool, the same pool a local run uses.
 *
 * For each document: read the file, hash it, and if DIR/.parts already holds a whole part for
 * those bytes and this pipeline version, report it resumed; else parse it and write the part
 * (temporary name, then rename). A timeout or crash is thrown, so BullMQ retries the document; on
 * its last attempt the run turns it into the document's issue. Runs until SIGINT/SIGTERM, then
 * finishes the jobs in hand (a second signal stops at once: those jobs go to other workers).
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CRAWL_QUEUE, parseQueueName, startConsumer, type RedisTarget } from '@govdocs/queue';
import { WorkerPool } from './pool.js';
import { ByteBudget, READ_AHEAD_BYTES } from './read-ahead.js';
import { failureText, type CrawlJobData, type CrawlJobResult, type ParseJobData, type ParseJobResult } from './queue-jobs.js';
import { runCrawlJob } from './queue-crawl.js';
import { DEFAULT_TIMEOUT_MS, defaultWorkerScript, readInput, workerHeapLimitMb } from './run.js';
import { isWholePart, storePart } from './writer.js';

export interface WorkerOptions {
  target: RedisTarget;
  /** Parsing threads. */
  workers: number;
  /** How long a job stays locked to this process once it stops answering. */
  lockMs?: number;
  quiet: boolean;
  log: (line: string) => void;
  /** Resolves when the worker should stop (tests); SIGINT/SIGTERM otherwise. */
  stop?: Promise<void>;
}

/** Runs until told to stop; returns the exit status. */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const { target, log } = options;
  const pool = new WorkerPool({ size: options.workers, script: defaultWorkerScript(), timeoutMs: DEFAULT_TIMEOUT_MS, maxOldGenerationSizeMb: workerHeapLimitMb(options.workers) });
  const ready = await pool.ready;
  if (!ready) {
    log(`govdocs worker: ${pool.broken ?? 'the parsing workers stopped before they started'}`);
    return 3;
  }
  const pipelineVersion = `${ready.pipeline.name}@${ready.pipeline.version}`;
  const me = `${hostname()}:${process.pid}`;
  const budget = new ByteBudget(READ_AHEAD_BYTES);
  let stopNow!: () => void;
  const broken = new Promise<void>((resolve) => (stopNow = resolve));

  const parseDocument = async (data: ParseJobData): Promise<ParseJobResult> => {
    const read = await readInput(data.file, data.maxBytes, budget);
    if ('reason' in read) return { kind: 'unreadable', rule: read.rule, reason: read.reason, worker: me };
    try {
      const sha = createHash('sha256').update(read.data).digest('hex');
      const partPath = join(data.out, '.parts', `${sha}.json`);
      if (!data.force && isWholePart(partPath, pipelineVersion)) return { kind: 'resumed', sha, failed: false, worker: me, heapBytes: pool.peakWorkerHeapBytes };
      const outcome = await pool.run({ path: data.path, bytes: read.data, sha256: sha, ...(data.url ? { url: data.url } : {}), ...(data.clues ? { clues: data.clues } : {}) }, data.timeoutMs);
      switch (outcome.kind) {
        case 'done':
          mkdirSync(join(data.out, '.parts'), { recursive: true });
          await storePart(partPath, outcome.part);
          return { kind: 'parsed', sha, failed: outcome.summary.failed !== null, worker: me, heapBytes: pool.peakWorkerHeapBytes };
        case 'timeout':
          throw new Error(failureText('timeout', `parsing took longer than ${outcome.ms / 1000} s and was stopped; the document was skipped. Raise --timeout to give it longer.`));
        case 'crash':
        case 'error':
          if (pool.broken) {
            stopNow();
            throw new Error(`the worker ${me} stopped: ${pool.broken}`);
          }
          throw new Error(failureText('crash', `the parser failed on this document (${outcome.reason}); it was skipped. This is a govdocs bug: please report it with the file.`));
      }
    } finally {
      budget.give(read.held);
    }
  };

  const parseQueue = parseQueueName(pipelineVersion);
  // Twice as many jobs as threads: while a thread parses one document, the next is read and hashed.
  const parsing = startConsumer<ParseJobData, ParseJobResult>({ target, queueName: parseQueue, concurrency: options.workers * 2, lockMs: options.lockMs, process: parseDocument, log });
  const crawling = startConsumer<CrawlJobData, CrawlJobResult>({ target, queueName: CRAWL_QUEUE, concurrency: 1, lockMs: options.lockMs, process: (data) => runCrawlJob(data, target, log), log });
  if (!options.quiet) log(`govdocs worker ${me}: ${options.workers} parsing thread(s) on ${parseQueue} and ${CRAWL_QUEUE} at ${target.display}; Ctrl-C stops it`);

  const signals = options.stop ?? new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130)).once('SIGTERM', () => process.exit(143));
      if (!options.quiet) log(`govdocs worker ${me}: finishing the jobs in hand (a second Ctrl-C stops at once)`);
      resolve();
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
  await Promise.race([signals, broken]);
  await Promise.all([parsing.close(), crawling.close()]);
  await pool.close();
  return pool.broken ? 3 : 0;
}
