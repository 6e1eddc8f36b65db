import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedisUrl } from './connection.js';
import { startConsumer } from './consumer.js';
import { runJobs, type Settled } from './producer.js';
import { describeEvery, parseEvery } from './schedules.js';
import { queueStatus } from './status.js';
import { startRedis, type TestRedis } from './fixtures/redis-server.js';

describe('addresses and schedules', () => {
  it('reads redis:// addresses and says what is wrong with others', () => {
    const ok = parseRedisUrl('redis://user:secret@10.0.0.5:6380/3');
    expect(ok.ok && ok.target.options).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      db: 3,
      username: 'user',
      password: 'secret',
    });
    expect(ok.ok && ok.target.display).toBe('redis://user@10.0.0.5:6380/3');
    const plain = parseRedisUrl('redis://localhost');
    expect(plain.ok && plain.target.options).toMatchObject({ host: 'localhost', port: 6379, db: 0 });
    const bad = parseRedisUrl('http://localhost:6379');
    expect(!bad.ok && bad.message).toContain('redis:// or rediss://');
    const badDb = parseRedisUrl('redis://localhost/x');
    expect(!badDb.ok && badDb.message).toContain('whole number');
  });

  it('takes cron patterns and intervals for --every', () => {
    expect(parseEvery('0 3 * * *')).toEqual({ pattern: '0 3 * * *' });
    expect(parseEvery('*/5 * * * * *')).toEqual({ pattern: '*/5 * * * * *' });
    expect(parseEvery('6h')).toEqual({ every: 6 * 3600 * 1000 });
    expect(parseEvery('90s')).toEqual({ every: 90_000 });
    expect(parseEvery('500ms')).toHaveProperty('error');
    expect(parseEvery('daily')).toHaveProperty('error');
    expect(describeEvery({ every: 6 * 3600 * 1000 })).toBe('every 6h');
    expect(describeEvery({ every: 90_000 })).toBe('every 90s');
  });
});

describe('jobs through a real Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const target = () => {
    const parsed = parseRedisUrl(redis.url);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.target;
  };

  it('reports every job once: results, and failures after their last attempt, beyond the window', async () => {
    const tries = new Map<number, number>();
    const consumer = startConsumer<{ n: number }, number>({
      target: target(),
      queueName: 'govdocs-parse-test-a',
      concurrency: 4,
      log: () => undefined,
      process: async ({ n }) => {
        tries.set(n, (tries.get(n) ?? 0) + 1);
        if (n % 50 === 7) throw new Error(`document.crash: ${n} is bad`);
        return n * 2;
      },
    });
    const settled: Settled<number>[] = [];
    const jobs = Array.from({ length: 300 }, (_, n) => ({ id: `a-${n}`, data: { n } }));
    await runJobs<{ n: number }, number>({
      target: target(),
      queueName: 'govdocs-parse-test-a',
      jobName: 't',
      jobs,
      window: 64,
      attempts: 2,
      backoffMs: 10,
      onSettled: (s) => settled.push(s),
      log: () => undefined,
    });
    await consumer.close();
    expect(settled).toHaveLength(300);
    expect(new Set(settled.map((s) => s.id)).size).toBe(300);
    const failed = settled.filter((s) => !s.ok);
    expect(failed.map((s) => s.id).sort()).toEqual(['a-107', 'a-157', 'a-207', 'a-257', 'a-57', 'a-7']);
    expect(failed[0]).toMatchObject({ reason: expect.stringMatching(/^document\.crash: \d+ is bad$/) });
    expect(tries.get(7)).toBe(2);
    for (const s of settled) if (s.ok) expect(s.value).toBe(Number(s.id.slice(2)) * 2);
    const status = await queueStatus(target());
    const report = status.find((r) => r.name === 'govdocs-parse-test-a')!;
    expect(report).toMatchObject({ completed: 294, failed: 6, waiting: 0, active: 0 });
    expect(report.failures[0]!.reason).toMatch(/is bad/);
  });

  it('waits out a Redis restart that lost every job, and still reports each job once', async () => {
    let stopped = false;
    const done = new Set<number>();
    const consumer = startConsumer<{ n: number }, number>({
      target: target(),
      queueName: 'govdocs-parse-test-b',
      concurrency: 2,
      lockMs: 2000,
      log: () => undefined,
      process: async ({ n }) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        done.add(n);
        return n;
      },
    });
    const settled: string[] = [];
    const lines: string[] = [];
    const run = runJobs<{ n: number }, number>({
      target: target(),
      queueName: 'govdocs-parse-test-b',
      jobName: 't',
      jobs: Array.from({ length: 200 }, (_, n) => ({ id: `b-${n}`, data: { n } })),
      reconcileMs: 500,
      onSettled: (s) => {
        settled.push(s.id);
        if (settled.length === 40 && !stopped) {
          stopped = true;
          void redis
            .stop()
            .then(() => new Promise((resolve) => setTimeout(resolve, 2000)))
            .then(() => redis.start());
        }
      },
      log: (line) => lines.push(line),
    });
    await run;
    await consumer.close();
    expect(stopped).toBe(true);
    expect(settled).toHaveLength(200);
    expect(new Set(settled).size).toBe(200);
    expect(lines.join('\n')).toMatch(/waiting for it to come back/);
    expect(lines.join('\n')).toMatch(/no longer in Redis .* added again/);
  }, 60_000);
});
