#!/usr/bin/env node
/**
 * `pnpm bench --queue [folder] [--rounds N] [--copies K] [--jobs J]`: the job queue's cost.
 *
 * - docs/s of `govdocs run --queue` with 1, 2 and 3 `govdocs worker` processes (one parsing
 *   thread each, started fresh for each round and ready before the run starts), beside a local
 *   `govdocs run --workers 1|2|3` on the same files: the best of N rounds each, interleaved.
 *   The folder is ../shared/samples/docs by default, with K byte-distinct copies of each file
 *   (default 4), so start-up weighs less.
 * - The queue's own cost per job: J jobs (default 5000) with an empty pipeline (the worker returns
 *   at once), i.e. enqueue, take and complete. Reported as jobs/s, and as Redis CPU ms per job,
 *   read from /proc for the redis-server process: the figure that says how many machines one
 *   Redis core can feed.
 *
 * Starts its own redis-server (Debian's) on a free loopback port, without persistence.
 * Figures are reported, never asserted: the machine may be shared and busy.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listFiles, makeCopies } from './copies.mjs';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'packages/cli/dist/bin.js');
const args = process.argv.slice(2).filter((a) => a !== '--queue');
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const rounds = option('--rounds', 3);
const copies = option('--copies', 4);
const emptyJobs = option('--jobs', 5000);
const folder = resolve(args[0] ?? join(root, '../shared/samples/docs'));
const counts = [1, 2, 3];

try {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: root, stdio: 'pipe' });
} catch {
  console.log('(pnpm build reports type errors; benchmarking the JavaScript it emitted)');
}
if (!existsSync(folder)) throw new Error(`no such folder: ${folder}`);
const redis = await startRedis();
try {
  console.log(`govdocs bench --queue: ${folder}${copies ? `, ${copies} byte-distinct copies of each file` : ''}`);
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; redis-server on port ${redis.port}; best of ${rounds} rounds\n`,
  );
  const input = copies > 0 ? mkdtempSync(join(tmpdir(), 'govdocs-bench-queue-')) : folder;
  const files = copies > 0 ? makeCopies(listFiles(folder), input, copies) : listFiles(folder).length;
  const best = new Map();
  const keep = (key, r) => {
    if (!best.has(key) || r.docsPerSecond > best.get(key).docsPerSecond) best.set(key, r);
  };
  for (let round = 0; round < rounds; round++) {
    for (const n of counts) {
      keep(`local ${n}`, await localRun(input, n));
      keep(`queue ${n}`, await queueRun(input, n));
    }
  }
  console.log(`${files} files`);
  console.log('workers   local docs/s   queue docs/s   queue/local');
  for (const n of counts) {
    const [l, q] = [best.get(`local ${n}`), best.get(`queue ${n}`)];
    console.log(
      `${String(n).padStart(7)}   ${l.docsPerSecond.toFixed(1).padStart(12)}   ${q.docsPerSecond.toFixed(1).padStart(12)}   ${(q.docsPerSecond / l.docsPerSecond).toFixed(2).padStart(11)}`,
    );
  }
  console.log(
    '(local: govdocs run --workers N, one process; queue: N govdocs worker processes of one parsing thread each, plus the run that enqueues and merges)',
  );
  if (copies > 0) rmSync(input, { recursive: true, force: true });

  console.log(`\nthe queue's own cost: ${emptyJobs} jobs with an empty pipeline (enqueue, take, complete)`);
  for (const concurrency of [1, 16]) {
    let bestRun;
    for (let round = 0; round < rounds; round++) {
      const r = await emptyRun(emptyJobs, concurrency);
      if (!bestRun || r.jobsPerSecond > bestRun.jobsPerSecond) bestRun = r;
    }
    console.log(
      `  worker concurrency ${String(concurrency).padStart(2)}: ${bestRun.jobsPerSecond.toFixed(0)} jobs/s, ${(1000 / bestRun.jobsPerSecond).toFixed(2)} ms per job end to end; Redis CPU ${bestRun.redisCpuMsPerJob.toFixed(3)} ms per job`,
    );
  }
} finally {
  await redis.stop();
}

async function localRun(input, workers) {
  const out = mkdtempSync(join(tmpdir(), 'govdocs-bench-local-'));
  await run([bin, 'run', input, '--out', out, '--workers', String(workers), '--quiet']);
  return result(out);
}

async function queueRun(input, workers) {
  const procs = [];
  for (let i = 0; i < workers; i++) procs.push(startWorker());
  await Promise.all(procs.map((p) => p.ready));
  const out = mkdtempSync(join(tmpdir(), 'govdocs-bench-queue-out-'));
  await run([bin, 'run', input, '--out', out, '--queue', redis.url, '--quiet']);
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
  return result(out);
}

function startWorker() {
  const child = spawn(process.execPath, [bin, 'worker', '--queue', redis.url, '--workers', '1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let text = '';
  const ready = new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      text += chunk;
      if (text.includes('parsing thread')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready: ${text}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { child, ready, exited };
}

function result(out) {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  return { docsPerSecond: manifest.timings.docsPerSecond, documents: manifest.counts.documents };
}

async function emptyRun(n, concurrency) {
  const { parseRedisUrl, runJobs, startConsumer } = await import('../packages/queue/dist/index.js');
  const parsed = parseRedisUrl(redis.url);
  const name = `govdocs-parse-bench-${concurrency}-${Date.now()}`;
  const consumer = startConsumer({
    target: parsed.target,
    queueName: name,
    concurrency,
    process: async () => 1,
    log: () => undefined,
  });
  const jobs = Array.from({ length: n }, (_, i) => ({ id: `e-${i}`, data: { path: `/data/${i}.pdf` } }));
  const cpuBefore = redisCpuMs();
  const started = performance.now();
  let settled = 0;
  await runJobs({
    target: parsed.target,
    queueName: name,
    jobName: 'empty',
    jobs,
    onSettled: () => settled++,
    log: () => undefined,
  });
  const ms = performance.now() - started;
  const cpu = redisCpuMs() - cpuBefore;
  await consumer.close();
  if (settled !== n) throw new Error(`${settled} of ${n} empty jobs settled`);
  return { jobsPerSecond: (n / ms) * 1000, redisCpuMsPerJob: cpu / n };
}

/** CPU time (user + system) of the redis-server process so far, in ms; Linux only. */
function redisCpuMs() {
  const stat = readFileSync(`/proc/${redis.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function run(command) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) =>
      code === 0 || code === 2 ? resolve() : reject(new Error(`govdocs ${command[1]} exited ${code}: ${stderr}`)),
    );
  });
}

async function startRedis() {
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('Ready to accept connections')) resolve();
    });
    child.on('error', () => reject(new Error('redis-server is not installed: apt-get install redis-server')));
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${text}`)));
  });
  return {
    port,
    pid: child.pid,
    url: `redis://127.0.0.1:${port}/0`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGKILL');
      }),
  };
}
