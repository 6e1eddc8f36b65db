/**
 * One document's records (a "part", stored as `.parts/<sha256>.json` in the layout of
 * part-layout.ts), checked against the canonical schemas inside the worker threads, so the main
 * thread only writes bytes.
 */
import {
  DocumentRecordSchema, FactRecordSchema, IndicatorRecordSchema, IssueRecordSchema, StatementRecordSchema, TableRecordSchema,
  toIssueRecord, type DocumentOutput, type IssueRecord,
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
  statements: DocumentOutput['statements'];
  issues: IssueRecord[];
  /** Wall time per stage in ms. Only the manifest reports timings; the jsonl files never do. */
  timings: Record<string, number>;
}

/** Thrown when a record does not match its schema: always a bug in govdocs. */
export class SchemaViolation extends Error {}

/** Validates one document's output against the canonical schemas; throws SchemaViolation. */
export function buildPart(output: DocumentOutput, pipelineVersion: string): StoredDocument {
  const id = output.document.id;
  return {
    pipelineVersion,
    ...(output.failed ? { failed: output.failed } : {}),
    document: check(DocumentRecordSchema, output.document, 'document', id),
    tables: output.tables.map((t) => check(TableRecordSchema, t, 'table', t.id)),
    facts: output.facts.map((f) => check(FactRecordSchema, f, 'fact', `${f.tableId} r${f.source.row} c${f.source.col}`)),
    indicators: output.indicators.map((x) => check(IndicatorRecordSchema, x, 'indicator', `${x.tableId} r${x.source.row}`)),
    statements: output.statements.map((x) => check(StatementRecordSchema, x, 'statement', `page ${x.page ?? '-'} sentence ${x.sentence}`)),
    issues: output.diagnostics.map((d) => check(IssueRecordSchema, toIssueRecord(id, d), 'issue', d.rule)),
    timings: output.timings,
  };
}

export function check<T>(schema: ZodType<T>, record: T, type: string, where: string): T {
  const result = schema.safeParse(record);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SchemaViolation(`govdocs bug: a ${type} record (${where}) does not match the canonical schema: ${problems}`);
  }
  return result.data;
}
