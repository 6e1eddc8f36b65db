/**
 * A fixed pool of worker threads that parse documents. Each worker takes one document at a time.
 * A document that runs past the time limit has its worker terminated; a worker that dies (out of
 * memory, an uncaught error) loses only the document it held. Either way the worker is replaced
 * and the run goes on; the caller gets a `timeout` or `crash` outcome to report.
 */
import { extname } from 'node:path';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { cancelNativeCalls, NATIVE_GUARD, type DocumentClues } from '@govdocs/core';

/** Main → worker: one document; `bytes` is transferred, so the main thread no longer owns it. */
export interface JobMessage {
  id: number;
  path: string;
  url?: string;
  /** Site, title and address of a crawled file (from the crawl folder's fetch-log.jsonl). */
  clues?: DocumentClues;
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`, hashed already by the main thread (for resume). */
  sha256: string;
  /** A member of an archive: the sha256 of the archive it was taken out of (`path` is `archive.zip!/inner/x.pdf`). */
  container?: string;
  /** False with --no-ocr. */
  ocr?: boolean;
}

export interface PartSummary {
  failed: string | null;
  pages: number;
  mediaType: string;
}

/** Worker → main, once, when the pipeline is loaded. */
export interface ReadyMessage {
  ready: true;
  /** The pipeline the worker runs, so the main thread never has to load it. */
  pipeline: { name: string; version: string };
}

/** Worker → main: the serialised, schema-checked part (its buffer transferred), or why there is none. */
export type ResultMessage =
  | { id: number; ok: true; part: Uint8Array; summary: PartSummary; heapBytes: number }
  | { id: number; ok: false; reason: string; heapBytes: number };

export type PoolOutcome =
  | { kind: 'done'; part: Uint8Array; summary: PartSummary }
  | { kind: 'error'; reason: string }
  | { kind: 'timeout'; ms: number }
  | { kind: 'crash'; reason: string };

export interface PoolOptions {
  size: number;
  /** The worker's script (compiled JavaScript). */
  script: URL;
  /** Per-document time limit in ms. */
  timeoutMs: number;
  /** Heap limit per worker, so one huge document fails alone instead of taking the process down. */
  maxOldGenerationSizeMb?: number;
  /** Time added to a document's limit for each page it reads by OCR (OCR_PAGE_MS by default). */
  ocrPageMs?: number;
}

/**
 * A scanned page takes ~5 s of one core to read by OCR, many times that on a busy machine, so a
 * long scan would always outrun a limit made for digital documents. Its limit grows by this much
 * for each page the worker announces it reads by OCR (@govdocs/core announceOcrPages).
 */
export const OCR_PAGE_MS = 60_000;

interface Pending {
  message: JobMessage;
  resolve: (outcome: PoolOutcome) => void;
  /** The file's kind by its extension: a hint for which worker has its parser warmed up. */
  family: string;
  /** How many times a younger document was handed out first; bounded, so none waits forever. */
  passedOver: number;
  timeoutMs: number;
}

interface Slot {
  worker: Worker;
  /** Flags shared with the worker (see @govdocs/core native-guard): it is never stopped inside a native call. */
  guard: Int32Array;
  job?: Pending & { timer: NodeJS.Timeout; limitMs: number; ocrPages: number };
  /** Set when the worker has loaded the pipeline and said so; only ready workers get documents. */
  ready: boolean;
  /** Set once the slot's worker is being torn down, so its late events are ignored. */
  retired: boolean;
  /** Families of the documents this worker has parsed (see pickJob). */
  families: Set<string>;
}

/**
 * The young generation of each worker. Parsers allocate short-lived objects fast, so a roomier one
 * means fewer scavenges; 192 MB paid off while pdf.js's message layer copied every page, but since
 * PDFs are read through pdf.js's core (ingest pdf/core.ts) it mostly held memory: with 2 workers
 * over 960 generated documents the peak RSS was 550-590 MB at 192 MB, 400 at 96, 350 at 48, for
 * a CPU difference lost in the noise of a shared machine.
 */
const YOUNG_GENERATION_MB = 48;

/**
 * V8 settings for the parsing isolates, set once before the first worker starts (V8 flags are
 * per process; a budget is read as code runs). Why, measured with `pnpm bench`: V8 optimises a
 * function with TurboFan after a fixed amount of work in it. A parser stack is a lot of code, each
 * part run a little per document, so by default V8 kept optimising hundreds of lukewarm functions:
 * a third of all CPU time went to TurboFan, on a second core that one worker could not otherwise
 * use, and every worker paid it again. Fifteen times the budget leaves TurboFan the truly hot
 * functions: one worker is as fast, two are 30% faster.
 * (`--single-threaded-gc` gained 3% more but must not be set at run time: the main isolate's
 * heap was made for concurrent marking and V8 aborts on a later collection.)
 * `GOVDOCS_V8_FLAGS` replaces these (an empty value keeps V8's defaults), for measuring.
 */
const WORKER_V8_FLAGS = '--interrupt-budget=1000000';

let v8FlagsSet = false;
function setWorkerV8Flags(): void {
  if (v8FlagsSet) return;
  v8FlagsSet = true;
  const flags = process.env.GOVDOCS_V8_FLAGS ?? WORKER_V8_FLAGS;
  if (flags.trim()) v8.setFlagsFromString(flags);
}

/** Workers that die before ever becoming ready, in a row, before the pool gives up. */
const MAX_FAILED_STARTS = 3;
/** How long a timed-out worker may finish its current native call (one OCR inference: seconds). */
const NATIVE_EXIT_WAIT_MS = 120_000;

export class WorkerPool {
  private slots: Slot[] = [];
  private waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private failedStarts = 0;
  /** Why the pool stopped: workers that cannot even start (a broken build, a missing script). */
  private brokenReason?: string;
  /** Workers started to replace ones that timed out or died. */
  replaced = 0;
  /** The largest V8 heap any worker reported. */
  peakWorkerHeapBytes = 0;
  private announceReady!: (ready: ReadyMessage | undefined) => void;
  /** The first worker's ready message; undefined when workers cannot start. */
  readonly ready: Promise<ReadyMessage | undefined> = new Promise((resolve) => (this.announceReady = resolve));

  constructor(private readonly options: PoolOptions) {
    setWorkerV8Flags();
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Set when workers cannot even start; the run should stop and say why. */
  get broken(): string | undefined {
    return this.brokenReason;
  }

  get size(): number {
    return this.options.size;
  }

  /** Parses one document (within `timeoutMs`, the pool's limit by default); never rejects. */
  run(job: Omit<JobMessage, 'id'>, timeoutMs = this.options.timeoutMs): Promise<PoolOutcome> {
    if (this.closed) return Promise.resolve({ kind: 'crash', reason: this.brokenReason ?? 'the worker pool was closed' });
    return new Promise((resolve) => {
      this.waiting.push({ message: { ...job, id: this.nextId++ }, resolve, family: familyOf(job.path), passedOver: 0, timeoutMs });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.announceReady(undefined);
    const outcome: PoolOutcome = { kind: 'crash', reason: this.brokenReason ?? 'the worker pool was closed' };
    for (const pending of this.waiting.splice(0)) pending.resolve(outcome);
    await Promise.all(this.slots.map((slot) => this.retire(slot, outcome)));
  }

  private spawn(): Slot {
    const { maxOldGenerationSizeMb } = this.options;
    const guard = new Int32Array(new SharedArrayBuffer(NATIVE_GUARD.length * Int32Array.BYTES_PER_ELEMENT));
    const worker = new Worker(this.options.script, {
      workerData: { nativeGuard: guard },
      resourceLimits: {
        ...(maxOldGenerationSizeMb ? { maxOldGenerationSizeMb } : {}),
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
    const slot: Slot = { worker, guard, ready: false, retired: false, families: new Set() };
    worker.on('message', (reply: ResultMessage | ReadyMessage) => this.onReply(slot, reply));
    worker.on('error', (error) => this.onDeath(slot, describeError(error)));
    worker.on('exit', (code) => this.onDeath(slot, `the worker exited with code ${code}`));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || slot.retired || !slot.ready) continue;
      const pending = this.pickJob(slot);
      if (!pending) return;
      slot.families.add(pending.family);
      Atomics.store(slot.guard, NATIVE_GUARD.ocrPages, 0);
      const timer = setTimeout(() => this.onTimeout(slot), pending.timeoutMs);
      slot.job = { ...pending, timer, limitMs: pending.timeoutMs, ocrPages: 0 };
      const { bytes } = pending.message;
      // Transfer the file's buffer when the view owns all of it; otherwise it is copied.
      const transferable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
      slot.worker.postMessage(pending.message, transferable ? [bytes.buffer as ArrayBuffer] : []);
    }
  }

  /**
   * The waiting document this idle worker should take. Each worker compiles the parser stack for
   * itself (JIT), so a document goes, when there is a choice, to a worker that has parsed its kind
   * before, or else to one no other worker has claimed: on a mixed folder each format warms up in
   * one worker instead of all (measured: 3-7% more docs/s with 2 workers). The oldest document is
   * taken once it has been passed over as many times as there are workers, so none waits long.
   */
  private pickJob(slot: Slot): Pending | undefined {
    if (!this.waiting.length) return undefined;
    const claimedElsewhere = (family: string) => this.slots.some((other) => other !== slot && !other.retired && other.families.has(family));
    const index = pickJobIndex(this.waiting, slot.families, claimedElsewhere, this.slots.length);
    for (let i = 0; i < index; i++) this.waiting[i].passedOver++;
    return this.waiting.splice(index, 1)[0];
  }

  private onReply(slot: Slot, reply: ResultMessage | ReadyMessage): void {
    if ('ready' in reply) {
      this.announceReady(reply);
      slot.ready = true;
      this.failedStarts = 0;
      this.dispatch();
      return;
    }
    if (slot.retired || !slot.job || slot.job.message.id !== reply.id) return;
    this.peakWorkerHeapBytes = Math.max(this.peakWorkerHeapBytes, reply.heapBytes);
    const outcome: PoolOutcome = reply.ok ? { kind: 'done', part: reply.part, summary: reply.summary } : { kind: 'error', reason: reply.reason };
    this.settle(slot, outcome);
    this.dispatch();
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    if (slot.retired || !job) return;
    // Pages read by OCR since the limit was set earn the document more time.
    const pages = Atomics.load(slot.guard, NATIVE_GUARD.ocrPages);
    if (pages > job.ocrPages) {
      const extraMs = (pages - job.ocrPages) * (this.options.ocrPageMs ?? OCR_PAGE_MS);
      job.ocrPages = pages;
      job.limitMs += extraMs;
      job.timer = setTimeout(() => this.onTimeout(slot), extraMs);
      return;
    }
    void this.replace(slot, { kind: 'timeout', ms: job.limitMs });
  }

  private onDeath(slot: Slot, reason: string): void {
    if (slot.retired) return;
    if (!slot.ready && ++this.failedStarts >= MAX_FAILED_STARTS) {
      this.brokenReason = `the parsing workers cannot start (${reason}); run \`pnpm build\` and try again`;
      void this.close();
      return;
    }
    void this.replace(slot, { kind: 'crash', reason });
  }

  /** Settles the slot's job with `outcome`, stops its worker and puts a fresh one in its place. */
  private async replace(slot: Slot, outcome: PoolOutcome): Promise<void> {
    const index = this.slots.indexOf(slot);
    const done = this.retire(slot, outcome);
    if (!this.closed && index >= 0) {
      this.slots[index] = this.spawn();
      this.replaced++;
      this.dispatch();
    }
    await done;
  }

  private async retire(slot: Slot, outcome: PoolOutcome): Promise<void> {
    if (slot.retired) return;
    slot.retired = true;
    this.settle(slot, outcome);
    await cancelNativeCalls(slot.guard, NATIVE_EXIT_WAIT_MS);
    await slot.worker.terminate().catch(() => undefined);
  }

  private settle(slot: Slot, outcome: PoolOutcome): void {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    clearTimeout(job.timer);
    job.resolve(outcome);
  }
}

function describeError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'it ran out of memory (the worker heap limit was reached)';
  return `${error.name}: ${error.message}`;
}

/** A document's family for scheduling: its lower-case extension ('' when it has none). */
function familyOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

/**
 * Which of the waiting documents (oldest first) a worker should take: the oldest of a family it
 * has parsed; else the oldest of a family no other worker has; else the oldest. The oldest is
 * taken regardless once it has been passed over `maxPassedOver` times.
 */
export function pickJobIndex(
  waiting: readonly { family: string; passedOver: number }[],
  mine: ReadonlySet<string>,
  claimedElsewhere: (family: string) => boolean,
  maxPassedOver: number,
): number {
  if (!waiting.length || waiting[0].passedOver >= maxPassedOver) return 0;
  const known = waiting.findIndex((job) => mine.has(job.family));
  if (known >= 0) return known;
  const unclaimed = waiting.findIndex((job) => !claimedElsewhere(job.family));
  return unclaimed >= 0 ? unclaimed : 0;
}
