/**
 * How many parsing threads a run starts and how much heap each may use.
 */
import { totalmem } from 'node:os';

/**
 * Parsing threads for this run: as many as asked, but no more than there are files, because each
 * one costs about a CPU second and 100 MB to start. An archive may hold many documents, so a run
 * with one gets all it asked for.
 */
export function workersFor(files: string[], asked: number): number {
  if (files.some((f) => /\.(zip|rar|7z)$/i.test(f))) return asked;
  return Math.max(1, Math.min(asked, files.length));
}

/**
 * Each worker may use its share of memory, at most 1.5 GB, so one huge document fails alone. The
 * limit also sets how far V8 lets a heap grow between full collections (its growing factor is
 * smaller for smaller limits): over 960 generated documents, ~45 MB live, the workers' heaps
 * reached ~200 MB each with a 4 GB limit, ~100-150 MB with 1.5 GB.
 */
export function workerHeapLimitMb(workers: number): number {
  return Math.max(512, Math.min(1536, Math.floor(totalmem() / 1024 / 1024 / (workers + 1))));
}
