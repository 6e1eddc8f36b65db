/**
 * `govdocs worker --queue redis://…`: takes documents (queue-parse.ts) and scheduled crawls
 * (queue-crawl.ts) from the queue and parses in this process's worker-thread pool, the same pool
 * a local run uses. Runs until SIGINT/SIGTERM, then finishes the jobs in hand (a second signal
 * stops at once: those jobs go to other workers after the stall time).
 */
import { hostname } from 'node:os';
import { CRAWL_QUEUE, parseQueueName, startConsumer, type RedisTarget } from '@govdocs/queue';
import { WorkerPool } from './pool.js';
import type { CrawlJobData, CrawlJobResult, ParseJobData, ParseJobResult } from './queue-jobs.js';
import { runCrawlJob } from './queue-crawl.js';
import { parseHandler } from './queue-parse.js';
import { DEFAULT_TIMEOUT_MS, defaultWorkerScript } from './run.js';
import { workerHeapLimitMb } from './sizing.js';

export interface WorkerOptions {
  target: RedisTarget;
  /** Parsing threads. */
  workers: number;
  /** How long a job stays locked to this process once it stops answering. */
  lockMs?: number;
  quiet: boolean;
  log: (line: string) => void;
  /** False with --no-ocr: no job's scanned pages are read here, whatever its run asked. */
  ocr?: boolean;
  /** Resolves when the worker should stop (tests); SIGINT/SIGTERM otherwise. */
  stop?: Promise<void>;
}

/** Runs until told to stop; returns the exit status. */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const { target, log } = options;
  const pool = new WorkerPool({
    size: options.workers,
    script: defaultWorkerScript(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxOldGenerationSizeMb: workerHeapLimitMb(options.workers),
  });
  const ready = await pool.ready;
  if (!ready) {
    log(`govdocs worker: ${pool.broken ?? 'the parsing workers stopped before they started'}`);
    return 3;
  }
  const pipelineVersion = `${ready.pipeline.name}@${ready.pipeline.version}`;
  const me = `${hostname()}:${process.pid}`;
  const parseQueue = parseQueueName(pipelineVersion);
  // Twice as many jobs as threads: while a thread parses one document, the next is read and hashed.
  const parsing = startConsumer<ParseJobData, ParseJobResult>({
    target,
    queueName: parseQueue,
    concurrency: options.workers * 2,
    lockMs: options.lockMs,
    process: parseHandler(pool, pipelineVersion, me, { ocr: options.ocr }),
    log,
  });
  const crawling = startConsumer<CrawlJobData, CrawlJobResult>({
    target,
    queueName: CRAWL_QUEUE,
    concurrency: 1,
    lockMs: options.lockMs,
    process: (data) => runCrawlJob(data, target, log),
    log,
  });
  if (!options.quiet)
    log(
      `govdocs worker ${me}: ${options.workers} parsing thread(s) on ${parseQueue} and ${CRAWL_QUEUE} at ${target.display}; Ctrl-C stops it`,
    );

  const signals =
    options.stop ??
    new Promise<void>((resolve) => {
      const onSignal = () => {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        process.once('SIGINT', () => process.exit(130)).once('SIGTERM', () => process.exit(143));
        if (!options.quiet) log(`govdocs worker ${me}: finishing the jobs in hand (a second Ctrl-C stops at once)`);
        resolve();
      };
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    });
  // Workers that can no longer start (a broken build) stop this process: it would fail every job.
  let check: NodeJS.Timeout | undefined;
  const broken = new Promise<void>((resolve) => {
    check = setInterval(() => {
      if (pool.broken) resolve();
    }, 1000);
  });
  await Promise.race([signals, broken]);
  clearInterval(check);
  await Promise.all([parsing.close(), crawling.close()]);
  await pool.close();
  return pool.broken ? 3 : 0;
}
