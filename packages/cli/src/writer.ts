/**
 * Writes a dataset folder. Each finished document is written at once to its own part file
 * (`.parts/<sha256>.json`), so memory stays flat and a killed run keeps what it finished; the
 * final jsonl files are merged from the parts in document-id order, so output is byte-identical
 * whatever order documents finished in. Every record is checked against its zod schema first.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  DocumentRecordSchema, FactRecordSchema, IndicatorRecordSchema, IssueRecordSchema, ManifestSchema, TableRecordSchema,
  toIssueRecord, type DocumentOutput, type IssueRecord, type Manifest,
} from '@govdocs/core';
import type { ZodType } from 'zod';

export interface StoredDocument {
  pipelineVersion: string;
  /** Set when the document could not be read. */
  failed?: string;
  document: DocumentOutput['document'];
  tables: DocumentOutput['tables'];
  facts: DocumentOutput['facts'];
  indicators: DocumentOutput['indicators'];
  issues: IssueRecord[];
  timings: Record<string, number>;
}

/** Thrown when a record does not match its schema: always a bug in govdocs. */
export class SchemaViolation extends Error {}

export class DatasetWriter {
  readonly partsDir: string;

  constructor(readonly outDir: string, readonly pipelineVersion: string) {
    this.partsDir = join(outDir, '.parts');
    mkdirSync(this.partsDir, { recursive: true });
  }

  partPath(sha256: string): string {
    return join(this.partsDir, `${sha256}.json`);
  }

  /** A finished part of the same pipeline version, for resume; undefined when it must be redone. */
  readPart(sha256: string): StoredDocument | undefined {
    const path = this.partPath(sha256);
    if (!existsSync(path)) return undefined;
    try {
      const part = JSON.parse(readFileSync(path, 'utf8')) as StoredDocument;
      return part.pipelineVersion === this.pipelineVersion ? part : undefined;
    } catch {
      return undefined;
    }
  }

  /** Validates and stores one document's output; written to a temp file and renamed, so a kill never leaves half a part. */
  writePart(output: DocumentOutput): StoredDocument {
    const id = output.document.id;
    const part: StoredDocument = {
      pipelineVersion: this.pipelineVersion,
      ...(output.failed ? { failed: output.failed } : {}),
      document: check(DocumentRecordSchema, output.document, 'document', id),
      tables: output.tables.map((t) => check(TableRecordSchema, t, 'table', t.id)),
      facts: output.facts.map((f) => check(FactRecordSchema, f, 'fact', `${f.tableId} r${f.source.row} c${f.source.col}`)),
      indicators: output.indicators.map((x) => check(IndicatorRecordSchema, x, 'indicator', `${x.tableId} r${x.source.row}`)),
      issues: output.diagnostics.map((d) => check(IssueRecordSchema, toIssueRecord(id, d), 'issue', d.rule)),
      timings: output.timings,
    };
    const path = this.partPath(output.document.source.sha256);
    writeFileSync(path + '.tmp', JSON.stringify(part));
    renameSync(path + '.tmp', path);
    return part;
  }

  /**
   * Merges the parts of `sha256s` (this run's documents, deduplicated) into the jsonl files, plus
   * issues that belong to no document (missing inputs), in a fixed order.
   */
  finish(sha256s: string[], looseIssues: IssueRecord[], manifest: Manifest): void {
    const names = ['documents', 'tables', 'facts', 'indicators', 'issues'] as const;
    const fds = Object.fromEntries(names.map((n) => [n, openSync(join(this.outDir, `${n}.jsonl.tmp`), 'w')])) as Record<(typeof names)[number], number>;
    const put = (name: (typeof names)[number], record: unknown) => writeSync(fds[name], JSON.stringify(record) + '\n');
    for (const issue of sortIssues(looseIssues)) put('issues', check(IssueRecordSchema, issue, 'issue', issue.rule));
    for (const sha of [...new Set(sha256s)].sort()) {
      const part = JSON.parse(readFileSync(this.partPath(sha), 'utf8')) as StoredDocument;
      put('documents', part.document);
      part.tables.forEach((t) => put('tables', t));
      part.facts.forEach((f) => put('facts', f));
      part.indicators.forEach((x) => put('indicators', x));
      sortIssues(part.issues).forEach((x) => put('issues', x));
    }
    for (const name of names) {
      closeSync(fds[name]);
      renameSync(join(this.outDir, `${name}.jsonl.tmp`), join(this.outDir, `${name}.jsonl`));
    }
    writeFileSync(join(this.outDir, 'manifest.json'), JSON.stringify(check(ManifestSchema, manifest, 'manifest', 'manifest'), null, 2) + '\n');
  }
}

function check<T>(schema: ZodType<T>, record: T, type: string, where: string): T {
  const result = schema.safeParse(record);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SchemaViolation(`govdocs bug: a ${type} record (${where}) does not match the canonical schema: ${problems}`);
  }
  return result.data;
}

function sortIssues(issues: IssueRecord[]): IssueRecord[] {
  const key = (x: IssueRecord) => [x.tableId ?? '', x.source.page ?? 0, x.source.row ?? -1, x.source.col ?? -1, x.rule, x.message] as const;
  return [...issues].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}
