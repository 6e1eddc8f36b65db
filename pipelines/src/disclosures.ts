/**
 * The `disclosures` pipeline: one file in, the canonical records of one document out.
 *
 *   ingest → tables → headers → names → validate → narrative
 *
 * Each stage is a pure function from a typed input to a typed output plus diagnostics. A stage
 * that throws loses only its own document: the error becomes a `document.crash` issue.
 */
import { errorText, Reporter, type Diagnostic, type DocumentModel, type DocumentOutput, type DocumentRecord, type FactRecord, type InputFile, type Stage, type StageResult, type TableRecord } from '@govdocs/core';
import { baseModel, ingest, sniffFormat, MEDIA_TYPES } from '@govdocs/ingest';
import { detectTables } from '@govdocs/tables';
import { alignTables } from '@govdocs/headers';
import { resolveNames, type DocumentIdentity } from '@govdocs/names';
import { nationalName, validateDocument } from '@govdocs/validate';
import { readNarrative } from '@govdocs/narrative';
import { withOcrConfidence } from './ocr-confidence.js';

export { PIPELINE } from './pipeline.js';

export async function processDocument(file: InputFile): Promise<DocumentOutput> {
  const run = new StageRunner();
  try {
    const doc = await run.stage('ingest', () => ingest(file));
    if (!doc) return failedOutput(file, run, 'the file could not be read');
    const withTables = await run.stage('tables', () => detectTables(doc));
    const aligned = await run.stage('headers', () => alignTables(withTables));
    const identity = await run.stage('names', () => resolveNames({ doc: withTables, tables: aligned.tables }));
    const document = documentRecord(withTables, identity, aligned.tables);
    await run.stage('validate', () => validateDocument({ document, tables: aligned.tables, facts: aligned.facts }));
    const ocr = withOcrConfidence(doc, aligned.tables, withNationalNames(aligned.facts, document.fiscalYear));
    run.diagnostics.push(...ocr.diagnostics);
    const statements = await run.stage('narrative', () => readNarrative({ doc: withTables, document, tables: aligned.tables, facts: ocr.facts }));
    return { document, ...aligned, facts: ocr.facts, statements, diagnostics: run.diagnostics, timings: run.timings };
  } catch (error) {
    run.diagnostics.push(new Reporter(run.current, file.path).report('document.crash',
      `${file.path}: the ${run.current} stage failed (${errorText(error)}). This is a govdocs bug: please report it with the file.`));
    return failedOutput(file, run, `${run.current} stage failed: ${errorText(error)}`);
  }
}

class StageRunner {
  diagnostics: Diagnostic[] = [];
  timings: Record<string, number> = {};
  current: Stage = 'ingest';

  async stage<T>(name: Stage, fn: () => StageResult<T> | Promise<StageResult<T>>): Promise<T> {
    this.current = name;
    const started = performance.now();
    const result = await fn();
    this.timings[name] = (this.timings[name] ?? 0) + performance.now() - started;
    this.diagnostics.push(...result.diagnostics);
    return result.value;
  }
}

function documentRecord(doc: DocumentModel, identity: DocumentIdentity, tables: TableRecord[]): DocumentRecord {
  return {
    id: doc.id,
    source: doc.source,
    kind: identity.kind,
    fiscalYear: identity.fiscalYear,
    title: identity.title,
    region: identity.region,
    department: identity.department,
    pages: doc.pageCount,
    script: doc.script,
    tables: tables.length,
    ...(doc.ocrPages?.length ? { ocrPages: doc.ocrPages } : {}),
  };
}

/** A document that could not be read still gets its record, so its failure can be traced. */
function failedOutput(file: InputFile, run: StageRunner, reason: string): DocumentOutput {
  const { id, source } = baseModel(file, MEDIA_TYPES[sniffFormat(file.bytes)] ?? MEDIA_TYPES.binary);
  const document: DocumentRecord = {
    id, source, kind: 'unknown', fiscalYear: null, title: null, region: null, department: null, pages: 0, script: 'simplified', tables: 0,
  };
  return { document, tables: [], facts: [], indicators: [], statements: [], diagnostics: run.diagnostics, timings: run.timings, failed: reason };
}

/**
 * CANONICAL.md: a coded subject carries the national name of its code where the code is known.
 * Done after validation, which compares the printed name (source.rowLabel) with the national one.
 */
function withNationalNames(facts: FactRecord[], year: number | null): FactRecord[] {
  return facts.map((fact) => {
    const subject = fact.subject;
    if (!('code' in subject)) return fact;
    const name = nationalName(subject.scheme, subject.code, year);
    return name && name !== subject.name ? { ...fact, subject: { ...subject, name } } : fact;
  });
}
