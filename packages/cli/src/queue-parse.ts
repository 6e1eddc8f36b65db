/**
 * What a queue worker does with one parse job, as a local run does with one input file: read it,
 * hash it, resume it when DIR/.parts has its part for this pipeline version, else parse it in the
 * worker-thread pool and store the part (temporary name, then rename). An archive is expanded
 * here and each document in it handled the same way, with the hash of the archive it was taken out
 * of as its container.
 *
 * A file that times out or crashes the parser is thrown (BullMQ retries it; after the last
 * attempt the run writes its issue). A member of an archive that does so is reported in the
 * result instead, as a local run reports it, so one bad member does not redo the archive.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { archiveKind, expandArchive } from '@govdocs/ingest/archive';
import type { PoolOutcome, WorkerPool } from './pool.js';
import { ByteBudget, READ_AHEAD_BYTES } from './read-ahead.js';
import { failureText, type MemberResult, type ParseJobData, type ParseJobResult } from './queue-jobs.js';
import { readInput } from './run.js';
import { isWholePart, storePart } from './writer.js';

type Parsed =
  | { kind: 'parsed' | 'resumed'; failed: boolean }
  | { kind: 'failed'; rule: 'timeout' | 'crash'; reason: string };

/** Returns the job handler of a worker process (`me` is its host:pid); `ocr: false` is the worker's --no-ocr. */
export function parseHandler(
  pool: WorkerPool,
  pipelineVersion: string,
  me: string,
  options: { ocr?: boolean } = {},
): (data: ParseJobData) => Promise<ParseJobResult> {
  const budget = new ByteBudget(READ_AHEAD_BYTES);

  const parseBytes = async (
    data: ParseJobData,
    path: string,
    bytes: Uint8Array,
    sha: string,
    container?: string,
  ): Promise<Parsed> => {
    const partPath = join(data.out, '.parts', `${sha}.json`);
    if (!data.force && isWholePart(partPath, pipelineVersion)) return { kind: 'resumed', failed: false };
    const origin = container
      ? { container }
      : { ...(data.url ? { url: data.url } : {}), ...(data.clues ? { clues: data.clues } : {}) };
    const ocr = data.ocr === false || options.ocr === false ? { ocr: false } : {};
    const outcome: PoolOutcome = await pool.run({ path, bytes, sha256: sha, ...origin, ...ocr }, data.timeoutMs);
    switch (outcome.kind) {
      case 'done':
        mkdirSync(join(data.out, '.parts'), { recursive: true });
        await storePart(partPath, outcome.part);
        return { kind: 'parsed', failed: outcome.summary.failed !== null };
      case 'timeout':
        return {
          kind: 'failed',
          rule: 'timeout',
          reason: `parsing took longer than ${outcome.ms / 1000} s and was stopped; the document was skipped. Raise --timeout to give it longer.`,
        };
      case 'crash':
      case 'error':
        if (pool.broken) throw new Error(`the worker ${me} stopped: ${pool.broken}`);
        return {
          kind: 'failed',
          rule: 'crash',
          reason: `the parser failed on this document (${outcome.reason}); it was skipped. This is a govdocs bug: please report it with the file.`,
        };
    }
  };

  const parseArchive = async (data: ParseJobData, bytes: Uint8Array, sha: string): Promise<ParseJobResult> => {
    const { members, problems } = await expandArchive(data.path, bytes);
    const results = await Promise.all(
      members.map(async (member): Promise<MemberResult> => {
        const memberSha = createHash('sha256').update(member.bytes).digest('hex');
        return {
          path: member.path,
          sha: memberSha,
          container: member.container,
          ...(await parseBytes(data, member.path, member.bytes, memberSha, member.container)),
        };
      }),
    );
    return {
      kind: 'archive',
      sha,
      members: results,
      problems: problems.map((p) => ({ path: p.path, rule: p.rule, message: p.message })),
      worker: me,
      heapBytes: pool.peakWorkerHeapBytes,
    };
  };

  return async (data) => {
    const read = await readInput(data.file, data.maxBytes, budget);
    if ('reason' in read) return { kind: 'unreadable', rule: read.rule, reason: read.reason, worker: me };
    try {
      const sha = createHash('sha256').update(read.data).digest('hex');
      if (archiveKind(read.data)) return await parseArchive(data, read.data, sha);
      const parsed = await parseBytes(data, data.path, read.data, sha);
      if (parsed.kind === 'failed') throw new Error(failureText(parsed.rule, parsed.reason));
      return { kind: parsed.kind, sha, failed: parsed.failed, worker: me, heapBytes: pool.peakWorkerHeapBytes };
    } finally {
      budget.give(read.held);
    }
  };
}
