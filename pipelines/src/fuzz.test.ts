/**
 * Fuzzing: the sample documents, mutated a few hundred times (truncated, bytes flipped, bytes
 * inserted, zip entries dropped, corrupted or cut), must each give an output, never a crash, a
 * hang or an unhandled rejection of ours (pdf.js's own strays on damaged PDFs are contained by the
 * CLI's worker; see fixtures/fuzz-worker.mjs), and every record must still match the schemas.
 * The mutations come from a seeded generator, so a failure names a case that can be replayed
 * (GOVDOCS_FUZZ_SEED, GOVDOCS_FUZZ_CASES; GOVDOCS_FUZZ_TRACE=file logs each case and its bytes).
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../packages/cli/src/fixtures/harness.js';

const samples = new URL('../../../shared/samples/docs/', import.meta.url).pathname;
const CASES = Number(process.env.GOVDOCS_FUZZ_CASES ?? 500);
const SEED = Number(process.env.GOVDOCS_FUZZ_SEED ?? 20231123);
/** A case slower than this counts as a hang (the CLI's worker pool stops it at --timeout). */
const CASE_LIMIT_MS = Number(process.env.GOVDOCS_FUZZ_LIMIT_MS ?? 20_000);
/** A file to log each case to before it runs: the last line names the case that hung, TRACE.bin holds its bytes. */
const TRACE = process.env.GOVDOCS_FUZZ_TRACE;

/** mulberry32: small, seeded, good enough to pick mutations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ZipEntry {
  name: string;
  /** Offset of the central directory record, and of the local header it points at. */
  central: number;
  centralLength: number;
  local: number;
  /** Where the local entry ends: the next entry's local header, or the central directory. */
  localEnd: number;
}

/** The entries of a zip, read from its central directory; undefined when it is not a zip. */
function zipEntries(bytes: Buffer): { entries: ZipEntry[]; eocd: number; cdStart: number } | undefined {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  const cdStart = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  let p = cdStart;
  for (let i = 0; i < count && p + 46 <= bytes.length && bytes.readUInt32LE(p) === 0x02014b50; i++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    const centralLength = 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    entries.push({
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      central: p,
      centralLength,
      local: bytes.readUInt32LE(p + 42),
      localEnd: 0,
    });
    p += centralLength;
  }
  const starts = entries.map((e) => e.local).sort((a, b) => a - b);
  for (const e of entries) e.localEnd = starts.find((s) => s > e.local) ?? cdStart;
  return { entries, eocd, cdStart };
}

/** A well-formed zip without entry `drop`: offsets rewritten, so only the missing part is wrong. */
function dropZipEntry(bytes: Buffer, zip: NonNullable<ReturnType<typeof zipEntries>>, drop: number): Buffer {
  const kept = zip.entries.filter((_, i) => i !== drop);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of kept) {
    const local = bytes.subarray(e.local, e.localEnd);
    const central = Buffer.from(bytes.subarray(e.central, e.central + e.centralLength));
    central.writeUInt32LE(offset, 42);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.from(bytes.subarray(zip.eocd, zip.eocd + 22));
  eocd.writeUInt16LE(kept.length, 8);
  eocd.writeUInt16LE(kept.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, cd, eocd]);
}

type Mutation = (bytes: Buffer, rand: () => number) => { bytes: Buffer; what: string };
const pick = (n: number, rand: () => number) => Math.floor(rand() * n);

const MUTATIONS: Mutation[] = [
  (b, r) => {
    const at = pick(b.length, r);
    return { bytes: b.subarray(0, at), what: `truncated at ${at}` };
  },
  (b, r) => {
    const out = Buffer.from(b);
    const n = 1 + pick(20, r);
    for (let i = 0; i < n; i++) out[pick(out.length, r)] ^= 1 << pick(8, r);
    return { bytes: out, what: `${n} bits flipped` };
  },
  (b, r) => {
    const at = pick(b.length, r);
    const junk = Buffer.from(Array.from({ length: 1 + pick(64, r) }, () => pick(256, r)));
    return {
      bytes: Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]),
      what: `${junk.length} random bytes inserted at ${at}`,
    };
  },
  (b, r) => {
    const from = pick(b.length, r);
    const to = Math.min(b.length, from + 1 + pick(4096, r));
    return { bytes: Buffer.concat([b.subarray(0, from), b.subarray(to)]), what: `bytes ${from}-${to} cut out` };
  },
  (b, r) => {
    const zip = zipEntries(b);
    if (!zip?.entries.length) return { bytes: b.subarray(0, pick(b.length, r)), what: 'not a zip: truncated' };
    const i = pick(zip.entries.length, r);
    return { bytes: dropZipEntry(b, zip, i), what: `zip entry ${zip.entries[i].name} dropped` };
  },
  (b, r) => {
    const zip = zipEntries(b);
    if (!zip?.entries.length) return { bytes: b.subarray(0, pick(b.length, r)), what: 'not a zip: truncated' };
    const e = zip.entries[pick(zip.entries.length, r)];
    const out = Buffer.from(b);
    for (let p = e.local + 30 + Math.floor((e.localEnd - e.local - 30) / 2); p < e.localEnd; p += 1 + pick(16, r))
      out[p] = pick(256, r);
    return { bytes: out, what: `zip entry ${e.name} data corrupted` };
  },
  (b, r) => {
    const zip = zipEntries(b);
    if (!zip?.entries.length) return { bytes: b.subarray(0, pick(b.length, r)), what: 'not a zip: truncated' };
    const e = zip.entries[pick(zip.entries.length, r)];
    const half = e.local + Math.floor((e.localEnd - e.local) / 2);
    return {
      bytes: Buffer.concat([b.subarray(0, half), b.subarray(e.localEnd)]),
      what: `zip entry ${e.name} cut in half`,
    };
  },
];

/**
 * Runs cases in worker threads on the compiled pipeline: a synchronous hang cannot be stopped
 * in-process, but a worker can be terminated (and replaced) when its case runs past the limit.
 * A worker's uncaught error or unhandled rejection is a failure of the case it held.
 */
class FuzzRunner {
  private workers: { worker: Worker; ready: Promise<void> }[] = [];
  private nextId = 1;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  private spawn() {
    const worker = new Worker(new URL('./fixtures/fuzz-worker.mjs', import.meta.url));
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    return { worker, ready };
  }

  /** Runs `cases` over the workers; returns one list of problems per case. */
  async run(cases: { name: string; path: string; bytes: Buffer }[]): Promise<string[]> {
    const failures: string[] = [];
    let next = 0;
    const lane = async (slot: number) => {
      while (next < cases.length) {
        const c = cases[next++];
        if (TRACE) {
          appendFileSync(TRACE, `${c.name}\n`);
          writeFileSync(`${TRACE}.bin`, c.bytes); // the bytes of the last case, to replay a hang
        }
        failures.push(...(await this.runOne(slot, c)).map((p) => `${c.name}: ${p}`));
      }
    };
    await Promise.all(this.workers.map((_, slot) => lane(slot)));
    return failures;
  }

  private async runOne(slot: number, c: { path: string; bytes: Buffer }): Promise<string[]> {
    await this.workers[slot].ready;
    const { worker } = this.workers[slot];
    const id = this.nextId++;
    const bytes = new Uint8Array(c.bytes);
    return new Promise<string[]>((resolve) => {
      const done = (problems: string[], replace: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (replace) {
          void worker.terminate();
          this.workers[slot] = this.spawn();
        }
        resolve(problems);
      };
      const onMessage = (m: { id: number; problems: string[] }) => m.id === id && done(m.problems, false);
      const onError = (error: Error) => done([`the worker died: ${error.message}`], true);
      const timer = setTimeout(() => done([`no answer after ${CASE_LIMIT_MS} ms (a hang)`], true), CASE_LIMIT_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, path: c.path, bytes }, [bytes.buffer]);
    });
  }

  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

describe(`fuzzing the pipeline (${CASES} mutated samples, seed ${SEED})`, () => {
  // The workers run the compiled pipeline: build it first (one build at a time across test files).
  beforeAll(() => ensureBuilt(), 300_000);

  it('never crashes, hangs or leaves an unhandled rejection', async () => {
    const files = readdirSync(samples)
      .sort()
      .map((f) => join(samples, f));
    const originals = files.map((f) => readFileSync(f));
    const rand = random(SEED);
    const cases = Array.from({ length: CASES }, (_, i) => {
      const which = pick(files.length, rand);
      const { bytes, what } = MUTATIONS[pick(MUTATIONS.length, rand)](originals[which], rand);
      return { name: `case ${i} (${files[which]}, ${what})`, path: files[which], bytes };
    });
    const runner = new FuzzRunner(2);
    const started = performance.now();
    try {
      expect(await runner.run(cases)).toEqual([]);
    } finally {
      await runner.close();
    }
    console.log(`fuzz: ${CASES} cases in ${Math.round(performance.now() - started)} ms`);
  }, 180_000);
});
