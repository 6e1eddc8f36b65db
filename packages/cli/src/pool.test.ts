import { describe, expect, it } from 'vitest';
import { WorkerPool, pickJobIndex } from './pool.js';

const script = new URL('./fixtures/fake-worker.mjs', import.meta.url);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('WorkerPool', () => {
  it('returns each document its own part and transfers the bytes instead of copying them', async () => {
    const pool = new WorkerPool({ size: 2, script, timeoutMs: 5_000 });
    try {
      const inputs = ['a', 'bb', 'ccc', 'dddd', 'eeeee'].map(bytes);
      const outcomes = await Promise.all(inputs.map((b, i) => pool.run({ path: `doc${i}`, bytes: b })));
      expect(outcomes.map((o) => (o.kind === 'done' ? new TextDecoder().decode(o.part) : o.kind))).toEqual([
        'a',
        'bb',
        'ccc',
        'dddd',
        'eeeee',
      ]);
      expect(inputs.every((b) => b.byteLength === 0)).toBe(true); // detached: transferred
    } finally {
      await pool.close();
    }
  });

  it('turns a hang into a timeout, replaces the worker and goes on', async () => {
    const pool = new WorkerPool({ size: 1, script, timeoutMs: 300 });
    try {
      const [hang, after] = await Promise.all([
        pool.run({ path: 'hang.pdf', bytes: bytes('x') }),
        pool.run({ path: 'ok.pdf', bytes: bytes('y') }),
      ]);
      expect(hang).toEqual({ kind: 'timeout', ms: 300 });
      expect(after.kind).toBe('done');
      expect(pool.replaced).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('gives a document more time for each page it reads by OCR, and only then', async () => {
    const pool = new WorkerPool({ size: 1, script, timeoutMs: 300, ocrPageMs: 1_000 });
    try {
      // Both take 800 ms; the scan announced two OCR pages, so its limit grew to 2.3 s.
      expect((await pool.run({ path: 'ocr-2-pages.pdf', bytes: bytes('s') })).kind).toBe('done');
      expect(await pool.run({ path: 'slow.pdf', bytes: bytes('x') })).toEqual({ kind: 'timeout', ms: 300 });
      expect(pool.replaced).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('turns an uncaught error, an unhandled rejection and running out of memory into crashes of that document only', async () => {
    const pool = new WorkerPool({ size: 2, script, timeoutMs: 20_000, maxOldGenerationSizeMb: 32 });
    try {
      const paths = ['throw.pdf', 'good1.pdf', 'reject.pdf', 'oom.pdf', 'good2.pdf'];
      const outcomes = await Promise.all(paths.map((path) => pool.run({ path, bytes: bytes(path) })));
      const kinds = Object.fromEntries(paths.map((p, i) => [p, outcomes[i].kind]));
      expect(kinds).toEqual({
        'throw.pdf': 'crash',
        'good1.pdf': 'done',
        'reject.pdf': 'crash',
        'oom.pdf': 'crash',
        'good2.pdf': 'done',
      });
      const oom = outcomes[3];
      expect(oom.kind === 'crash' && oom.reason).toMatch(/memory/);
    } finally {
      await pool.close();
    }
  });

  it('gives up with a reason when workers cannot start at all', async () => {
    const pool = new WorkerPool({
      size: 2,
      script: new URL('./fixtures/no-such-worker.mjs', import.meta.url),
      timeoutMs: 1_000,
    });
    const outcome = await pool.run({ path: 'a.pdf', bytes: bytes('a') });
    expect(outcome.kind).toBe('crash');
    expect(pool.broken).toMatch(/cannot start/);
    await pool.close();
  });
});

describe('pickJobIndex (which waiting document an idle worker takes)', () => {
  const jobs = (...families: string[]) => families.map((family) => ({ family, passedOver: 0 }));
  const claimed =
    (...families: string[]) =>
    (family: string) =>
      families.includes(family);

  it('prefers the oldest document of a kind this worker has parsed', () => {
    expect(pickJobIndex(jobs('pdf', 'docx', 'pdf', 'docx'), new Set(['docx']), claimed('pdf'), 2)).toBe(1);
  });

  it('otherwise claims a kind no other worker has, else takes the oldest', () => {
    expect(pickJobIndex(jobs('pdf', 'pdf', 'xlsx'), new Set(), claimed('pdf'), 2)).toBe(2);
    expect(pickJobIndex(jobs('pdf', 'xlsx'), new Set(), claimed('pdf', 'xlsx'), 2)).toBe(0);
    expect(pickJobIndex(jobs('pdf', 'docx'), new Set(['html']), claimed(), 2)).toBe(0);
  });

  it('takes the oldest once it has been passed over as often as there are workers', () => {
    const waiting = [{ family: 'pdf', passedOver: 2 }, ...jobs('docx')];
    expect(pickJobIndex(waiting, new Set(['docx']), claimed('pdf'), 2)).toBe(0);
  });
});
