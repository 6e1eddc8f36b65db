/**
 * Scheduled crawls: one BullMQ job scheduler per crawl, on the crawl queue. A scheduler adds the
 * crawl's job each time it falls due (a cron pattern, or a fixed interval); whichever worker is
 * free runs it.
 */
import { Queue } from 'bullmq';
import type { RedisTarget } from './connection.js';
import { CRAWL_QUEUE } from './names.js';

export type Every = { pattern: string } | { every: number };

export interface Schedule<D> {
  name: string;
  every: Every;
  /** When it next falls due (ms since the epoch), when Redis knows. */
  next?: number;
  data?: D;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--every`: a cron pattern (5 fields, or 6 with seconds first) or an interval such as `30s`, `15m`, `6h`, `1d`. */
export function parseEvery(text: string): Every | { error: string } {
  const interval = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (interval) {
    const ms = Number(interval[1]) * UNITS[interval[2]!]!;
    return ms >= 1000 ? { every: ms } : { error: `--every ${text} is shorter than a second; give at least 1s` };
  }
  const fields = text.trim().split(/\s+/);
  if (fields.length === 5 || fields.length === 6) return { pattern: text.trim() };
  return {
    error: `--every takes a cron pattern such as "0 3 * * *" (every day at 03:00) or an interval such as 30m or 6h, not "${text}"`,
  };
}

export function describeEvery(every: Every): string {
  if ('pattern' in every) return `cron "${every.pattern}"`;
  const [unit, size] = Object.entries(UNITS)
    .reverse()
    .find(([, ms]) => every.every % ms === 0)!;
  return `every ${every.every / size}${unit}`;
}

/** Registers (or replaces) the schedule `name`; the crawl queue gets `jobName` jobs with `data`. */
export async function upsertSchedule<D>(
  target: RedisTarget,
  name: string,
  every: Every,
  jobName: string,
  data: D,
): Promise<Schedule<D>> {
  const queue = new Queue(CRAWL_QUEUE, { connection: target.options });
  try {
    await queue.upsertJobScheduler(name, every, {
      name: jobName,
      data,
      opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    });
    const stored = await queue.getJobScheduler(name);
    return { name, every, ...(stored?.next ? { next: stored.next } : {}), data };
  } finally {
    await queue.close();
  }
}

export async function listSchedules<D>(target: RedisTarget): Promise<Schedule<D>[]> {
  const queue = new Queue(CRAWL_QUEUE, { connection: target.options });
  try {
    const schedulers = await queue.getJobSchedulers(0, -1, true);
    return schedulers.map((s) => ({
      name: s.id ?? s.key,
      every: s.pattern ? { pattern: s.pattern } : { every: s.every ?? 0 },
      ...(s.next ? { next: s.next } : {}),
      ...(s.template?.data !== undefined ? { data: s.template.data as D } : {}),
    }));
  } finally {
    await queue.close();
  }
}

/** Whether there was such a schedule. Jobs it already added still run. */
export async function removeSchedule(target: RedisTarget, name: string): Promise<boolean> {
  const queue = new Queue(CRAWL_QUEUE, { connection: target.options });
  try {
    return await queue.removeJobScheduler(name);
  } finally {
    await queue.close();
  }
}

/** Adds one crawl job now (`govdocs crawl --queue` without `--every`). */
export async function addOnce<D>(target: RedisTarget, jobName: string, data: D): Promise<string> {
  const queue = new Queue(CRAWL_QUEUE, { connection: target.options });
  try {
    const job = await queue.add(jobName, data, {
      attempts: 1,
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 100 },
    });
    return job.id ?? '?';
  } finally {
    await queue.close();
  }
}
