#!/usr/bin/env node
/**
 * `pnpm bench [folder] [--rounds N] [--copies K] [--pdf-only]`: how fast `govdocs run` is, and how
 * it compares with pdfminer's `pdf2txt` and poppler's `pdftotext -layout` on the same PDFs.
 *
 * - Runs the pipeline over the folder (default ../shared/samples) with --workers 1 and --workers 2,
 *   N rounds each, interleaved (so a busy machine slows both alike), and prints the best round of
 *   each: docs/s, pages/s, peak RSS, CPU cores busy, and the speed-up of 2 workers over 1.
 * - Does the same over a larger folder made of K byte-distinct, still-valid copies of every file
 *   (--copies K, default 4; 0 to skip), so that start-up and JIT warm-up, paid once per worker,
 *   weigh less and the steady-state throughput shows.
 * - Runs every PDF of the folder (told by its bytes, not its name; any folder of real PDFs will do,
 *   e.g. ../shared/real/docs) through govdocs (2 workers), `pdf2txt` and `pdftotext -layout`, and
 *   prints CPU s, wall s and peak memory of each, and the two ratios the project aims at: govdocs
 *   CPU over pdf2txt's and govdocs wall time over pdftotext's. PDFs with pages read by OCR are
 *   timed apart: pages OCR'd and seconds per OCR page. `--pdf-only` runs just this part.
 * - Runs the name-resolution micro-benchmark when the names package provides one.
 *
 * Figures are reported, never asserted: they depend on the machine and on what else it is doing.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
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
const pdfOnlyAt = args.indexOf('--pdf-only');
const pdfOnly = pdfOnlyAt >= 0 && args.splice(pdfOnlyAt, 1).length > 0;
const folder = resolve(args[0] ?? join(root, '../shared/samples'));

if (!existsSync(folder)) fail(`no such folder: ${folder}`);
build();
console.log(`govdocs bench: ${folder}`);
console.log(
  `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; best of ${rounds} rounds\n`,
);

if (!pdfOnly) speedUp(await benchWorkers([folder], [1, 2]));
if (copies > 0 && !pdfOnly) {
  const scaled = mkdtempSync(join(tmpdir(), 'govdocs-bench-copies-'));
  const made = makeCopies(listFiles(folder), scaled, copies);
  console.log(
    `\nthe same over ${made} files: ${copies} byte-distinct copies of each (start-up and warm-up weigh less)`,
  );
  speedUp(await benchWorkers([scaled], [1, 2]));
  rmSync(scaled, { recursive: true, force: true });
}

await compareTools();
if (!pdfOnly) namesBench();

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
  console.log(
    'workers  documents  pages  seconds   docs/s  pages/s  peak RSS  CPU busy     CPU s: parsing threads / other threads / main',
  );
  for (const [workers, r] of best) {
    const threads = r.threads
      ? `${r.threads.parsing.toFixed(2)} / ${r.threads.other.toFixed(2)} / ${r.threads.main.toFixed(2)}`
      : '?';
    console.log(
      `${String(workers).padStart(7)}  ${String(r.documents).padStart(9)}  ${String(r.pages).padStart(5)}  ${(r.totalMs / 1000).toFixed(2).padStart(7)}  ` +
        `${r.docsPerSecond.toFixed(1).padStart(7)}  ${r.pagesPerSecond.toFixed(1).padStart(7)}  ${mb(r.peakRssBytes).padStart(8)}  ${r.coresBusy === null ? '       ?' : `${r.coresBusy.toFixed(2)} cores`}   ${threads}`,
    );
  }
  console.log(
    '(CPU s per thread from /proc: parsing threads = the busiest N threads, N = workers; other = V8 compiler and GC helpers, libuv; main = the orchestrating thread)',
  );
  return best;
}

/**
 * One `govdocs run --force` into a fresh folder: the manifest's figures, CPU time when
 * /usr/bin/time is there, and CPU time per thread sampled from /proc while it runs (Linux).
 */
async function runGovdocs(inputs, workers, { keepOut = false } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'govdocs-bench-'));
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const command = [bin, 'run', ...inputs, '--out', out, '--workers', String(workers), '--quiet', '--force'];
  const started = performance.now();
  const proc = timeBin
    ? spawn(timeBin, ['-f', 'BENCH-CPU %U %S', process.execPath, ...command])
    : spawn(process.execPath, command);
  let stderr = '';
  proc.stderr.on('data', (chunk) => (stderr += chunk));
  const ticks = new Map();
  const sampler = setInterval(() => sampleThreads(timeBin ? childOf(proc.pid) : proc.pid, ticks), 25);
  const status = await new Promise((resolve) => proc.on('close', resolve));
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  const child = { status, stderr };
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const documents$ = keepOut
    ? readFileSync(join(out, 'documents.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
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
    documents$,
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
  const others = [...ticks]
    .filter(([tid]) => tid !== String(ticks.pid))
    .map(([, t]) => t / hz)
    .sort((a, b) => b - a);
  const parsing = others.slice(0, workers).reduce((a, b) => a + b, 0);
  const other = others.slice(workers).reduce((a, b) => a + b, 0);
  return { parsing, other, main };
}

/**
 * The PDFs of the folder through three tools, in the same run, one after another, best of N
 * rounds each: govdocs's whole pipeline with 2 workers, pdfminer's `pdf2txt` (text with layout
 * analysis) and poppler's `pdftotext -layout` (text only), each under /usr/bin/time: CPU is user +
 * system of the whole process tree, peak memory the largest resident set of any of its processes
 * (worker threads live in govdocs's one process). PDFs with pages read by OCR are timed apart.
 */
async function compareTools() {
  const pdfs = listFiles(folder).filter(isPdf);
  console.log(`\nPDFs: the same ${pdfs.length} PDFs through govdocs, pdfminer and poppler`);
  if (!pdfs.length) return console.log('  (no PDFs in the folder)');
  if (!existsSync('/usr/bin/time'))
    return console.log('  /usr/bin/time is NOT installed (apt-get install time): no comparison made.');
  const first = await runGovdocs(pdfs, 2, { keepOut: true });
  const scanned = new Set(first.documents$.filter((d) => d.ocrPages?.length).map((d) => d.source.path));
  const ocrPages = first.documents$.reduce((n, d) => n + (d.ocrPages?.length ?? 0), 0);
  const digital = pdfs.filter((p) => !scanned.has(p));
  if (scanned.size)
    console.log(`  ${scanned.size} of them have pages read by OCR (${ocrPages} pages): timed apart below`);
  if (digital.length) {
    const rows = [
      { tool: 'govdocs run, whole pipeline, 2 workers', run: () => timeGovdocs(digital, 2) },
      { tool: 'pdfminer `pdf2txt`, text with layout analysis only', run: () => timeCommand('pdf2txt', [], digital) },
      { tool: '`pdftotext -layout`, text only', run: () => timeCommand('pdftotext', ['-layout'], digital, ['-']) },
    ];
    const best = rows.map(() => null);
    for (let round = 0; round < rounds; round++) {
      rows.forEach((row, i) => {
        const r = row.run();
        if (r && (!best[i] || r.cpu < best[i].cpu)) best[i] = r;
      });
    }
    const pages = digital.reduce((n, p) => n + pageCount(p), 0);
    console.log(
      `  ${digital.length} PDFs with a text layer, ${pages || '?'} pages; best of ${rounds} rounds by CPU time:\n`,
    );
    console.log('  | tool | CPU s | wall s | peak memory |');
    console.log('  | --- | --- | --- | --- |');
    rows.forEach((row, i) => {
      const r = best[i];
      console.log(
        r
          ? `  | ${row.tool} | ${r.cpu.toFixed(2)} | ${r.wall.toFixed(2)} | ${mb(r.rss)} |`
          : `  | ${row.tool} | not installed | | |`,
      );
    });
    const [ours, pdfminer, poppler] = best;
    const startUp = ours ? timeStartUp() : null;
    if (startUp)
      console.log(
        `  govdocs start-up, paid once per run (the same command on two one-line text files): ${startUp.cpu.toFixed(2)} CPU s, ${startUp.wall.toFixed(2)} s wall, ${Math.round((100 * startUp.cpu) / ours.cpu)} % of its CPU here`,
      );
    console.log('');
    if (ours && pdfminer)
      console.log(`  govdocs CPU / pdf2txt CPU:          ${(ours.cpu / pdfminer.cpu).toFixed(2)}× (goal ≤ 0.5×)`);
    if (ours && poppler)
      console.log(`  govdocs wall / pdftotext -layout wall: ${(ours.wall / poppler.wall).toFixed(2)}× (goal ≤ 6×)`);
    if (!pdfminer) console.log('  pdf2txt is NOT installed (apt-get install python3-pdfminer): no pdfminer ratio.');
  }
  if (scanned.size) {
    let best;
    for (let round = 0; round < Math.min(rounds, 2); round++) {
      const r = timeGovdocs([...scanned], 2);
      if (r && (!best || r.cpu < best.cpu)) best = r;
    }
    console.log(
      `\n  OCR: ${ocrPages} pages read by OCR in ${scanned.size} PDF(s); govdocs run on them, 2 workers: ${best.cpu.toFixed(1)} CPU s, ${best.wall.toFixed(1)} s wall, ${mb(best.rss)} peak`,
    );
    console.log(
      `       → ${(best.cpu / ocrPages).toFixed(1)} CPU s and ${(best.wall / ocrPages).toFixed(1)} s wall per OCR page (whole documents, their text pages included)`,
    );
  }
}

/** `govdocs run` over `files` under /usr/bin/time: CPU s (user + system), wall s, peak RSS bytes. */
function timeGovdocs(files, workers) {
  const out = mkdtempSync(join(tmpdir(), 'govdocs-bench-'));
  try {
    return timed(process.execPath, [
      bin,
      'run',
      ...files,
      '--out',
      out,
      '--workers',
      String(workers),
      '--quiet',
      '--force',
    ]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `govdocs run` with 2 workers on two one-line files: what starting the process and its workers costs (best of 3). */
function timeStartUp() {
  const empty = mkdtempSync(join(tmpdir(), 'govdocs-bench-start-'));
  try {
    for (const name of ['a.txt', 'b.txt']) writeFileSync(join(empty, name), `${name}\n`);
    let best = null;
    for (let i = 0; i < 3; i++) {
      const r = timeGovdocs([empty], 2);
      if (r && (!best || r.cpu < best.cpu)) best = r;
    }
    return best;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

/** One process of `command` per file, one after another (as a user would script it), under one /usr/bin/time. */
function timeCommand(command, options, files, after = ['/dev/null']) {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) return null;
  const script = `for f in "$@"; do ${command} ${options.join(' ')} "$f" ${after.join(' ')} > /dev/null 2>&1; done`;
  return timed('sh', ['-c', script, 'sh', ...files]);
}

function timed(command, args) {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'BENCH-TIME %U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - started) / 1000;
  const m = /BENCH-TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (!m) return null;
  return { cpu: Number(m[1]) + Number(m[2]), wall, rss: Number(m[3]) * 1024 };
}

function pageCount(pdf) {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(r.stdout ?? '')?.[1] ?? 0);
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
