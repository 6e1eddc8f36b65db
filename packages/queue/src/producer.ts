/**
 * The producing side of a batch: adds jobs to a queue, at most `window` outstanding, and reports
 * each one once, when it has completed or failed for good.
 *
 * Queue events drive it (one stream read for the whole batch). Events can be missed: the stream is
 * read from the moment the batch starts, but a Redis restart, or one without persistence that
 * comes back empty, loses some. So every `reconcileMs` the jobs still outstanding are looked up:
 * one found finished is reported from its stored result; one Redis no longer has is added again.
 * Adding again is safe because the consumer's work is idempotent (govdocs parts are keyed by the
 * document's bytes), so the batch always ends, and each job is reported exactly once.
 */
import { Queue, QueueEvents } from 'bullmq';
import { Redis, type RedisOptions as ClientOptions } from 'ioredis';
import { OutageLog, type RedisTarget } from './connection.js';

export interface BatchJob<D> {
  /** Unique within the queue; BullMQ ignores a second add of the same id while the first exists. */
  id: string;
  data: D;
}

export type Settled<R> = { id: string; ok: true; value: R } | { id: string; ok: false; reason: string };

export interface RunJobsOptions<D, R> {
  target: RedisTarget;
  queueName: string;
  jobName: string;
  jobs: Iterable<BatchJob<D>>;
  /** Called once per job, in the order jobs finish. */
  onSettled: (settled: Settled<R>) => void;
  log: (line: string) => void;
  /** Jobs outstanding at once (Redis memory stays flat however long the batch). */
  window?: number;
  /** Tries per job before it fails for good. */
  attempts?: number;
  /** First wait before a retry, doubled each time. */
  backoffMs?: number;
  reconcileMs?: number;
  /** After this long with nothing finished, say so if no worker listens on the queue. */
  idleWarnMs?: number;
}

const ADD_CHUNK = 500;
/** Outstanding jobs looked up at once. */
const CHECK_CHUNK = 200;
/** Even when events flow, every outstanding job is looked up this often. */
const FULL_CHECK_MS = 60_000;

export async function runJobs<D, R>(options: RunJobsOptions<D, R>): Promise<void> {
  const { target, queueName, log } = options;
  const window = options.window ?? 2000;
  const reconcileMs = options.reconcileMs ?? 3000;
  const idleWarnMs = options.idleWarnMs ?? 30_000;
  const outage = new OutageLog(`queue ${queueName}`, log);
  const queue = new Queue(queueName, { connection: target.options });
  /** Set when Redis went away: the next check looks at every outstanding job at once. */
  let troubled = false;
  const trouble = (error: Error) => {
    troubled = true;
    outage.error(error);
  };
  queue.on('error', trouble);
  const since = await redisTime(target);
  const events = new QueueEvents(queueName, { connection: target.options, lastEventId: since });
  events.on('error', trouble);

  const jobOptions = {
    attempts: options.attempts ?? 3,
    backoff: { type: 'exponential' as const, delay: options.backoffMs ?? 1000 },
    // Kept a while, so a result whose event was missed can still be read back (reconcile).
    removeOnComplete: { age: 3600, count: 100_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 100_000 },
  };
  const pending = new Map<string, BatchJob<D>>();
  const source = options.jobs[Symbol.iterator]();
  let exhausted = false;
  let lastSettled = Date.now();
  let finish!: () => void;
  let abort!: (error: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    abort = reject;
  });

  const settle = (settled: Settled<R>) => {
    if (!pending.delete(settled.id)) return;
    lastSettled = Date.now();
    outage.ok();
    try {
      options.onSettled(settled);
    } catch (error) {
      abort(error);
      return;
    }
    void fill();
  };
  events.on('completed', ({ jobId, returnvalue }) => settle({ id: jobId, ok: true, value: decode<R>(returnvalue) }));
  events.on('failed', ({ jobId, failedReason }) => settle({ id: jobId, ok: false, reason: failedReason }));

  let filling = false;
  const fill = async (): Promise<void> => {
    if (filling) return;
    filling = true;
    try {
      while (!exhausted && pending.size < window) {
        const chunk: BatchJob<D>[] = [];
        while (chunk.length < Math.min(ADD_CHUNK, window - pending.size)) {
          const next = source.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          chunk.push(next.value);
          pending.set(next.value.id, next.value);
        }
        if (chunk.length)
          await queue.addBulk(
            chunk.map((job) => ({ name: options.jobName, data: job.data, opts: { ...jobOptions, jobId: job.id } })),
          );
      }
      if (exhausted && pending.size === 0) finish();
    } catch (error) {
      abort(error);
    } finally {
      filling = false;
    }
  };

  let lastFullCheck = Date.now();
  const reconcile = async (): Promise<void> => {
    const quiet = Date.now() - lastSettled > reconcileMs;
    if (!troubled && !quiet && Date.now() - lastFullCheck < FULL_CHECK_MS) return;
    troubled = false;
    lastFullCheck = Date.now();
    const lost: BatchJob<D>[] = [];
    const jobs = [...pending.values()];
    for (let at = 0; at < jobs.length; at += CHECK_CHUNK) {
      await Promise.all(
        jobs.slice(at, at + CHECK_CHUNK).map(async (job) => {
          const stored = await queue.getJob(job.id);
          if (!pending.has(job.id)) return;
          if (!stored) return void lost.push(job);
          if (!stored.finishedOn) return;
          const state = await stored.getState();
          if (state === 'completed') settle({ id: job.id, ok: true, value: decode<R>(stored.returnvalue) });
          else if (state === 'failed') settle({ id: job.id, ok: false, reason: stored.failedReason });
        }),
      );
    }
    const stillLost = lost.filter((job) => pending.has(job.id));
    if (stillLost.length) {
      log(
        `govdocs: ${stillLost.length} job(s) of this run were no longer in Redis (it restarted without saving?); added again.`,
      );
      await queue.addBulk(
        stillLost.map((job) => ({ name: options.jobName, data: job.data, opts: { ...jobOptions, jobId: job.id } })),
      );
    }
    // CLIENT LIST may be refused (managed Redis): then no hint, rather than a false alarm.
    if (
      Date.now() - lastSettled > idleWarnMs &&
      pending.size &&
      (await queue.getWorkersCount().catch(() => -1)) === 0
    ) {
      lastSettled = Date.now();
      log(
        `govdocs: no worker takes jobs from ${queueName} at ${target.display}. Start one on each machine: govdocs worker --queue ${target.display}`,
      );
    }
    if (exhausted && pending.size === 0) finish();
  };

  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    timer = setTimeout(() => {
      reconcile().then(tick, (error) => {
        // A command that fails here (Redis going away mid-check) is tried on the next tick.
        trouble(error as Error);
        tick();
      });
    }, reconcileMs);
  };
  try {
    await events.waitUntilReady();
    await fill();
    tick();
    await finished;
  } finally {
    clearTimeout(timer);
    await events.close();
    await queue.close();
  }
}

/** The Redis server's clock as a stream id, so events are read from the start of this batch on. */
async function redisTime(target: RedisTarget): Promise<string> {
  const client = new Redis(target.options as ClientOptions);
  client.on('error', () => undefined);
  try {
    const [seconds, micros] = await client.time();
    return `${Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - 1}-0`;
  } finally {
    client.disconnect();
  }
}

function decode<R>(value: unknown): R {
  if (typeof value !== 'string') return value as R;
  try {
    return JSON.parse(value) as R;
  } catch {
    return value as R;
  }
}
