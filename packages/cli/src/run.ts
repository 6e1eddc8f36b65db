/**
 * `govdocs run`: every input file through the pipeline, into one dataset folder.
 * The main thread reads files, hands them to the pipeline and writes; it never parses.
 */
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { SCHEMA_VERSION, type IssueRecord, type Manifest } from '@govdocs/core';
import { PIPELINE, processDocument } from '@govdocs/pipelines';
import { expandInputs } from './inputs.js';
import { DatasetWriter, type StoredDocument } from './writer.js';
import { VERSION } from './version.js';

export interface RunOptions {
  inputs: string[];
  out: string;
  force: boolean;
  quiet: boolean;
  workers: number;
  /** Largest file read, in bytes; larger ones get a `document.too_large` issue. */
  maxBytes: number;
  command: string[];
  log: (line: string) => void;
}

export interface RunResult {
  exitCode: 0 | 2;
  manifest: Manifest;
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const writer = new DatasetWriter(options.out, `${PIPELINE.name}@${PIPELINE.version}`);
  const { files, missing } = expandInputs(options.inputs, [options.out]);
  const looseIssues: IssueRecord[] = missing.map((m) => looseIssue(m.path, 'missing', `${m.path}: ${m.reason}. Check the path, or quote a glob so the shell does not expand it.`));
  const tally = new Tally();
  const shas: string[] = [];
  const byMediaType: Record<string, number> = {};
  const failures: Manifest['failures'] = missing.map((m) => ({ path: m.path, reason: m.reason }));

  for (const [index, path] of files.entries()) {
    const bytes = readInput(path, options.maxBytes);
    if ('reason' in bytes) {
      looseIssues.push(looseIssue(path, bytes.rule, `${path}: ${bytes.reason}`));
      failures.push({ path, reason: bytes.reason });
      continue;
    }
    const sha = createHash('sha256').update(bytes.data).digest('hex');
    let part: StoredDocument | undefined = options.force ? undefined : writer.readPart(sha);
    if (!part) part = writer.writePart(await processDocument({ path, bytes: bytes.data }));
    shas.push(sha);
    tally.add(part);
    byMediaType[part.document.source.mediaType] = (byMediaType[part.document.source.mediaType] ?? 0) + 1;
    if (part.failed) failures.push({ path, reason: part.failed });
    if (!options.quiet && (index + 1) % 50 === 0) options.log(`${index + 1}/${files.length} documents`);
  }
  tally.issues(looseIssues);
  const totalMs = performance.now() - started;
  const manifest: Manifest = {
    tool: { name: 'govdocs', version: VERSION },
    schemaVersion: SCHEMA_VERSION,
    pipeline: { ...PIPELINE },
    command: options.command,
    inputs: { files: files.length + missing.length, byMediaType: sortedRecord(byMediaType) },
    counts: { ...tally.counts, issuesByFamily: sortedRecord(tally.byFamily), issuesBySeverity: sortedRecord(tally.bySeverity) },
    failures,
    timings: { totalMs: round(totalMs), byStageMs: sortedRecord(tally.stageMs, round), docsPerSecond: round(files.length / (totalMs / 1000)) },
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    workers: options.workers,
  };
  writer.finish(shas, looseIssues, manifest);
  if (!options.quiet) options.log(`${files.length} documents, ${tally.counts.facts} facts, ${failures.length} failed → ${resolve(options.out)}`);
  return { exitCode: failures.length ? 2 : 0, manifest };
}

function readInput(path: string, maxBytes: number): { data: Uint8Array } | { rule: string; reason: string } {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { rule: 'too_large', reason: `the file is ${size} bytes, over the limit of ${maxBytes}; raise --max-bytes to read it.` };
    return { data: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied; give the user running govdocs read access.' : `it could not be read (${code ?? String(error)}).`;
    return { rule: 'unreadable', reason };
  }
}

function looseIssue(path: string, detail: string, message: string): IssueRecord {
  return { documentId: null, tableId: null, severity: 'error', rule: `document.${detail}`, message, expected: null, actual: null, stage: 'run', source: { file: path } };
}

class Tally {
  counts = { documents: 0, tables: 0, facts: 0, indicators: 0, issues: 0 };
  byFamily: Record<string, number> = {};
  bySeverity: Record<string, number> = {};
  stageMs: Record<string, number> = {};

  add(part: StoredDocument): void {
    this.counts.documents++;
    this.counts.tables += part.tables.length;
    this.counts.facts += part.facts.length;
    this.counts.indicators += part.indicators.length;
    this.issues(part.issues);
    for (const [stage, ms] of Object.entries(part.timings)) this.stageMs[stage] = (this.stageMs[stage] ?? 0) + ms;
  }

  issues(issues: IssueRecord[]): void {
    for (const issue of issues) {
      this.counts.issues++;
      const family = issue.rule.split('.')[0];
      this.byFamily[family] = (this.byFamily[family] ?? 0) + 1;
      this.bySeverity[issue.severity] = (this.bySeverity[issue.severity] ?? 0) + 1;
    }
  }
}

function sortedRecord(record: Record<string, number>, map: (n: number) => number = (n) => n): Record<string, number> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, map(record[k])]));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
