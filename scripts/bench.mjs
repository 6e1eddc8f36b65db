#!/usr/bin/env node
/**
 * `pnpm bench [folder] [--rounds N]`: how fast `govdocs run` is, and how it compares with poppler's
 * `pdftotext -layout` on the same PDFs.
 *
 * - Runs the pipeline over the folder (default ../shared/samples) with --workers 1 and --workers 2,
 *   N rounds each, interleaved (so a busy machine slows both alike), and prints the best round of
 *   each: docs/s, pages/s, peak RSS, CPU cores busy, and the speed-up of 2 workers over 1.
 * - Does the same over a larger folder made of K byte-distinct, still-valid copies of every file
 *   (--copies K, default 4; 0 to skip), so that start-up and JIT warm-up, paid once per worker,
 *   weigh less and the steady-state throughput shows.
 * - Times `pdftotext -layout` over every PDF of the folder (told by its bytes, not its name), one
 *   after another, against our run over the same PDFs with one worker: prints our time over theirs.
 * - Runs the name-resolution micro-benchmark when the names package provides one.
 *
 * Figures are reported, never asserted: they depend on the machine and on what else it is doing.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { isPdf, listFiles, makeCopies } from './copies.mjs';

if (process.argv.includes('--queue')) {
  // `pnpm bench --queue`: the job queue beside a local run (scripts/bench-queue.mjs).
  await import('./bench-queue.mjs');
  process.exit(process.exitCode ?? 0);
}

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'packages/cli/dist/bin.js');
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
const copiesAt = args.indexOf('--copies');
const copies = copiesAt >= 0 ? Number(args.splice(copiesAt, 2)[1]) : 4;
const folder = resolve(args[0] ?? join(root, '../shared/samples'));

if (!existsSync(folder)) fail(`no such folder: ${folder}`);
build();
console.log(`govdocs bench: ${folder}`);
console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; best of ${rounds} rounds\n`);

speedUp(await benchWorkers([folder], [1, 2]));
if (copies > 0) {
  const scaled = mkdtempSync(join(tmpdir(), 'govdocs-bench-copies-'));
  const made = makeCopies(listFiles(folder), scaled, copies);
  console.log(`\nthe same over ${made} files: ${copies} byte-distinct copies of each (start-up and warm-up weigh less)`);
  speedUp(await benchWorkers([scaled], [1, 2]));
  rmSync(scaled, { recursive: true, force: true });
}

await comparePdftotext();
namesBench();

function speedUp(results) {
  const [one, two] = [results.get(1), results.get(2)];
  console.log(`speed-up, 2 workers over 1: ${(two.docsPerSecond / one.docsPerSecond).toFixed(2)}× (docs/s)`);
}

async function benchWorkers(inputs, workerCounts) {
  const best = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const workers of workerCounts) {
      const r = await runGovdocs(inputs, workers);
      if (!best.has(workers) || r.totalMs < best.get(workers).totalMs) best.set(workers, r);
    }
  }
  console.log('workers  documents  pages  seconds   docs/s  pages/s  peak RSS  CPU busy     CPU s: parsing threads / other threads / main');
  for (const [workers, r] of best) {
    const threads = r.threads ? `${r.threads.parsing.toFixed(2)} / ${r.threads.other.toFixed(2)} / ${r.threads.main.toFixed(2)}` : '?';
    console.log(
      `${String(workers).padStart(7)}  ${String(r.documents).padStart(9)}  ${String(r.pages).padStart(5)}  ${(r.totalMs / 1000).toFixed(2).padStart(7)}  ` +
        `${r.docsPerSecond.toFixed(1).padStart(7)}  ${r.pagesPerSecond.toFixed(1).padStart(7)}  ${mb(r.peakRssBytes).padStart(8)}  ${r.coresBusy === null ? '       ?' : `${r.coresBusy.toFixed(2)} cores`}   ${threads}`,
    );
  }
  console.log('(CPU s per thread from /proc: parsing threads = the busiest N threads, N = workers; other = V8 compiler and GC helpers, libuv; main = the orchestrating thread)');
  return best;
}

/**
 * One `govdocs run --force` into a fresh folder: the manifest's figures, CPU time when
 * /usr/bin/time is there, and CPU time per thread sampled from /proc while it runs (Linux).
 */
async function runGovdocs(inputs, workers) {
  const out = mkdtempSync(join(tmpdir(), 'govdocs-bench-'));
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const command = [bin, 'run', ...inputs, '--out', out, '--workers', String(workers), '--quiet', '--force'];
  const started = performance.now();
  const proc = timeBin ? spawn(timeBin, ['-f', 'BENCH-CPU %U %S', process.execPath, ...command]) : spawn(process.execPath, command);
  let stderr = '';
  proc.stderr.on('data', (chunk) => (stderr += chunk));
  const ticks = new Map();
  const sampler = setInterval(() => sampleThreads(timeBin ? childOf(proc.pid) : proc.pid, ticks), 25);
  const status = await new Promise((resolve) => proc.on('close', resolve));
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  const child = { status, stderr };
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  const cpu = /BENCH-CPU ([\d.]+) ([\d.]+)/.exec(child.stderr ?? '');
  return {
    documents: manifest.counts.documents,
    pages: manifest.run?.pages ?? 0,
    totalMs: manifest.timings.totalMs,
    docsPerSecond: manifest.timings.docsPerSecond,
    pagesPerSecond: manifest.timings.pagesPerSecond ?? 0,
    ingestMs: manifest.timings.byStageMs.ingest ?? 0,
    peakRssBytes: manifest.peakRssBytes,
    wallMs,
    coresBusy: cpu ? ((Number(cpu[1]) + Number(cpu[2])) * 1000) / wallMs : null,
    threads: threadSplit(ticks, workers),
  };
}

/** The pid of a process's only child (the node process under /usr/bin/time), or undefined. */
function childOf(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** Records the CPU clock ticks (user + system) of each thread of `pid` seen so far; Linux only. */
function sampleThreads(pid, ticks) {
  if (!pid) return;
  ticks.pid = pid;
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(tid, Math.max(ticks.get(tid) ?? 0, Number(fields[11]) + Number(fields[12])));
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

/** CPU seconds of the parsing threads (the busiest `workers` threads), the main thread and the rest. */
function threadSplit(ticks, workers) {
  if (!ticks.pid || !ticks.size) return null;
  const hz = 100; // USER_HZ, the unit of /proc/<pid>/stat times on Linux
  const main = (ticks.get(String(ticks.pid)) ?? 0) / hz;
  const others = [...ticks].filter(([tid]) => tid !== String(ticks.pid)).map(([, t]) => t / hz).sort((a, b) => b - a);
  const parsing = others.slice(0, workers).reduce((a, b) => a + b, 0);
  const other = others.slice(workers).reduce((a, b) => a + b, 0);
  return { parsing, other, main };
}

async function comparePdftotext() {
  const pdfs = listFiles(folder).filter(isPdf);
  console.log(`\npdftotext -layout on the same ${pdfs.length} PDFs`);
  if (!pdfs.length) return console.log('  (no PDFs in the folder)');
  const which = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (which.error) return console.log('  pdftotext is NOT installed (apt-get install poppler-utils): no comparison made.');
  let theirs = Infinity;
  let ours;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const pdf of pdfs) spawnSync('pdftotext', ['-layout', pdf, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    theirs = Math.min(theirs, performance.now() - started);
    const r = await runGovdocs(pdfs, 1);
    if (!ours || r.wallMs < ours.wallMs) ours = r;
  }
  const version = /pdftotext version ([\d.]+)/.exec(which.stderr)?.[1] ?? '?';
  console.log(`  pdftotext ${version}, one process per PDF, one after another: ${(theirs / 1000).toFixed(2)} s`);
  console.log(`  govdocs run --workers 1 (whole pipeline, process start included): ${(ours.wallMs / 1000).toFixed(2)} s → ${(ours.wallMs / theirs).toFixed(2)}× pdftotext's time`);
  console.log(`  govdocs ingest stage alone (text + layout, no process start):     ${(ours.ingestMs / 1000).toFixed(2)} s → ${(ours.ingestMs / theirs).toFixed(2)}× pdftotext's time`);
}

function namesBench() {
  const script = ['packages/names/bench.mjs', 'scripts/bench-names.mjs'].map((p) => join(root, p)).find(existsSync);
  console.log('\nname resolution');
  if (!script) return console.log('  (no names benchmark found: packages/names/bench.mjs or scripts/bench-names.mjs)');
  const r = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`  the names benchmark failed (status ${r.status})`);
}

/** Incremental build, so the benchmark measures the code as it is; a type error elsewhere does not stop tsc emitting. */
function build() {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: root, stdio: 'pipe' });
  } catch {
    console.log('(pnpm build reports type errors; benchmarking the JavaScript it emitted)');
  }
  if (!existsSync(bin)) fail('packages/cli/dist/bin.js is missing: run `pnpm build` first.');
}

function mb(bytes) {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
