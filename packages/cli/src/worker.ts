/**
 * A worker thread of the pool: parses documents with the pipeline, checks their records against
 * the schemas and sends each part back already rendered as the lines of the dataset's jsonl files
 * (part-layout.ts; its buffer transferred, not copied), so the main thread only copies bytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { errorText, Reporter, setNativeGuard, type Diagnostic } from '@govdocs/core';
import { mislabelWarning } from '@govdocs/ingest';
import { PIPELINE, processDocument } from '@govdocs/pipelines';
import { buildPart } from './part-records.js';
import { renderPart } from './part-layout.js';
import type { JobMessage, ReadyMessage, ResultMessage } from './pool.js';

const pipelineVersion = `${PIPELINE.name}@${PIPELINE.version}`;

/**
 * Parser libraries sometimes reject a promise nobody awaits (pdf.js on a damaged xref). Left alone
 * that kills the worker, and with it whatever document it holds next; instead it is noted against
 * the document being read, whose records may be incomplete.
 */
let strays: string[] | undefined;
process.on('unhandledRejection', (reason) => {
  strays?.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
});

setNativeGuard((workerData as { nativeGuard?: Int32Array } | null)?.nativeGuard ?? null);

parentPort!.on('message', async (job: JobMessage) => {
  const reply = await handle(job);
  const transfer = reply.ok ? [reply.part.buffer as ArrayBuffer] : [];
  parentPort!.postMessage(reply, transfer);
});

async function handle(job: JobMessage): Promise<ResultMessage> {
  try {
    strays = [];
    const output = await processDocument({ path: job.path, bytes: job.bytes, sha256: job.sha256, ...(job.container ? { container: job.container } : {}), ...(job.ocr === false ? { ocr: false } : {}), ...(job.url ? { url: job.url } : {}), ...(job.clues ? { clues: job.clues } : {}) });
    await new Promise((resolve) => setImmediate(resolve)); // let this document's stray rejections surface
    if (strays.length) output.diagnostics.push(strayWarning(job.path, strays));
    strays = undefined;
    const mislabelled = output.failed || output.diagnostics.some((d) => d.rule === 'document.mislabelled') ? undefined : mislabelWarning(output.document.source, new Reporter('run', output.document.source.path));
    if (mislabelled) output.diagnostics.push(mislabelled);
    const part = renderPart(buildPart(output, pipelineVersion));
    const summary = { failed: output.failed ?? null, pages: output.document.pages, mediaType: output.document.source.mediaType };
    return { id: job.id, ok: true, part, summary, heapBytes: getHeapStatistics().total_heap_size };
  } catch (error) {
    strays = undefined;
    // processDocument catches stage errors itself; what lands here is a schema violation (a bug).
    return { id: job.id, ok: false, reason: errorText(error), heapBytes: getHeapStatistics().total_heap_size };
  }
}

function strayWarning(path: string, reasons: string[]): Diagnostic {
  return new Reporter('ingest', path).report('document.stray_error',
    `${path}: a parser library failed in the background while reading this file (${[...new Set(reasons)].slice(0, 3).join('; ')}); its records may be incomplete. The file is probably damaged.`);
}

// Imports are loaded by now: tell the pool this worker can take documents.
parentPort!.postMessage({ ready: true, pipeline: { ...PIPELINE } } satisfies ReadyMessage);
