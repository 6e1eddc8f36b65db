/**
 * `govdocs queue status`: every govdocs queue in a Redis (found by their keys), with its job
 * counts, the workers listening, and the latest failures with their reasons.
 */
import { Queue } from 'bullmq';
import { Redis, type RedisOptions as ClientOptions } from 'ioredis';
import type { RedisTarget } from './connection.js';
import { isGovdocsQueue } from './names.js';

export interface QueueFailure {
  id: string;
  /** The job's file or crawl folder, when its data names one. */
  what: string;
  reason: string;
  attempts: number;
  finishedOn: number | null;
}

export interface QueueReport {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  workers: number;
  failures: QueueFailure[];
}

/** BullMQ's default key prefix. */
const PREFIX = 'bull';

export async function queueStatus(target: RedisTarget, maxFailures = 20): Promise<QueueReport[]> {
  const names = await queueNames(target);
  const reports: QueueReport[] = [];
  for (const name of names) {
    const queue = new Queue(name, { connection: target.options });
    try {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
      const failed = maxFailures > 0 ? await queue.getFailed(0, maxFailures - 1) : [];
      reports.push({
        name,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        workers: await queue.getWorkersCount(),
        failures: failed.map((job) => ({
          id: String(job.id),
          what: describeData(job.data),
          reason: job.failedReason ?? '',
          attempts: job.attemptsMade,
          finishedOn: job.finishedOn ?? null,
        })),
      });
    } finally {
      await queue.close();
    }
  }
  return reports;
}

async function queueNames(target: RedisTarget): Promise<string[]> {
  const client = new Redis(target.options as ClientOptions);
  client.on('error', () => undefined);
  try {
    const names = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${PREFIX}:govdocs-*:meta`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) names.add(key.slice(PREFIX.length + 1, -':meta'.length));
    } while (cursor !== '0');
    return [...names].filter(isGovdocsQueue).sort();
  } finally {
    client.disconnect();
  }
}

function describeData(data: unknown): string {
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const key of ['path', 'out', 'config']) if (typeof record[key] === 'string') return record[key] as string;
  }
  return '';
}

export function formatStatus(reports: QueueReport[], display: string): string {
  if (!reports.length) return `no govdocs queue at ${display} yet (a run with --queue, or a worker, creates them).`;
  const lines = [
    `queues at ${display}:`,
    'queue                                    waiting   active  delayed  completed   failed  workers',
  ];
  for (const r of reports) {
    lines.push(
      `${r.name.padEnd(40)} ${[r.waiting, r.active, r.delayed].map((n) => String(n).padStart(7)).join('  ')}  ${String(r.completed).padStart(9)}  ${String(r.failed).padStart(7)}  ${String(r.workers).padStart(7)}`,
    );
  }
  for (const r of reports.filter((x) => x.failures.length)) {
    lines.push('', `${r.name}: latest failures (${r.failures.length} of ${r.failed})`);
    for (const f of r.failures) {
      const when = f.finishedOn ? new Date(f.finishedOn).toISOString() : '?';
      lines.push(`  ${when}  ${f.what || `job ${f.id}`}  after ${f.attempts} attempt(s): ${f.reason}`);
    }
  }
  return lines.join('\n');
}

/** The jobs being worked on now, and which worker (`host:pid`) holds each. */
export async function activeJobs(
  target: RedisTarget,
  name: string,
): Promise<{ id: string; what: string; worker: string }[]> {
  const queue = new Queue(name, { connection: target.options });
  try {
    return (await queue.getActive()).map((job) => ({
      id: String(job.id),
      what: describeData(job.data),
      worker: job.processedBy ?? '',
    }));
  } finally {
    await queue.close();
  }
}

/** The latest completed jobs of a queue, newest first, with what each returned. */
export async function completedJobs<R>(
  target: RedisTarget,
  name: string,
  max = 20,
): Promise<{ id: string; finishedOn: number | null; result: R }[]> {
  const queue = new Queue(name, { connection: target.options });
  try {
    return (await queue.getCompleted(0, max - 1)).map((job) => ({
      id: String(job.id),
      finishedOn: job.finishedOn ?? null,
      result: job.returnvalue as R,
    }));
  } finally {
    await queue.close();
  }
}

/** How many worker processes listen on a queue now. */
export async function workerCount(target: RedisTarget, name: string): Promise<number> {
  const queue = new Queue(name, { connection: target.options });
  try {
    return await queue.getWorkersCount();
  } finally {
    await queue.close();
  }
}
