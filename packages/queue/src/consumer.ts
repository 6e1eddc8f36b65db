/**
 * The consuming side: a BullMQ worker on one queue that hands each job's data to `process`.
 *
 * A job whose process dies (kill -9, a machine lost) keeps its lock only `lockMs`: after that the
 * stalled-job check of any live worker puts it back in the queue, and another worker takes it.
 * The lock is renewed while `process` runs, so a long document is never taken twice while its
 * worker lives. Whatever `process` throws is the job's failure; BullMQ retries it with backoff.
 */
import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { OutageLog, type RedisTarget } from './connection.js';

export interface ConsumerOptions<D, R> {
  target: RedisTarget;
  queueName: string;
  /** Jobs held at once by this process. */
  concurrency: number;
  /** How long a job stays locked to a process that stopped answering. */
  lockMs?: number;
  process: (data: D, job: Job<D, R>) => Promise<R>;
  log: (line: string) => void;
}

export interface Consumer {
  /** Stops taking jobs and waits for those in hand (unless `force`). */
  close(force?: boolean): Promise<void>;
  readonly name: string;
}

export const DEFAULT_LOCK_MS = 30_000;

export function startConsumer<D, R>(options: ConsumerOptions<D, R>): Consumer {
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  const name = `${hostname()}:${process.pid}`;
  const outage = new OutageLog(`worker on ${options.queueName}`, options.log);
  const worker = new Worker<D, R>(
    options.queueName,
    async (job) => {
      outage.ok();
      return options.process(job.data, job);
    },
    {
      connection: options.target.options,
      concurrency: options.concurrency,
      name,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.round(lockMs / 2)),
      // A document that kills its worker twice is one that will do so again: it fails with a reason.
      maxStalledCount: 2,
    },
  );
  worker.on('error', (error) => outage.error(error));
  return {
    name,
    close: (force = false) => worker.close(force),
  };
}
