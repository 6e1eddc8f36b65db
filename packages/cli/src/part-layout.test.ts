/**
 * The part file layout and the merge that copies it: parts written in-process (the same renderer
 * the workers use) round-trip, are merged into exactly the jsonl lines of their records, are
 * relabelled byte for byte when the same bytes come under another name, and parts that are not
 * whole parts of this layout and version count as missing.
 */
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type DocumentOutput, type IssueRecord, type Manifest } from '@govdocs/core';
import { PIPELINE, processDocument } from '@govdocs/pipelines';
import { DatasetWriter } from './writer.js';
import { buildPart } from './part-records.js';
import { parsePart, renderPart, replaceAll, SECTIONS } from './part-layout.js';
import { BufferedFile } from './buffered-file.js';
import type { Tally } from './tally.js';
import { seeds } from './fixtures/harness.js';

const VERSION = `${PIPELINE.name}@${PIPELINE.version}`;
const tmp = () => mkdtempSync(join(tmpdir(), 'govdocs-part-'));
/** File names a crawl really brings home: quotes and backslashes (escaped in JSON), Chinese, spaces. */
const AWKWARD = '/data/县 "财政" 局\\2023年 部门预算.txt';
const RENAMED = '/data/改名后\\"引号"\t文件.txt';

/** The seed with the most issues (planted faults), read under `path`. */
async function seedOutput(path: string): Promise<DocumentOutput> {
  const outputs = await Promise.all(
    readdirSync(seeds)
      .sort()
      .map((seed) => processDocument({ path, bytes: new Uint8Array(readFileSync(join(seeds, seed))) })),
  );
  return outputs.reduce((best, o) => (o.diagnostics.length > best.diagnostics.length ? o : best));
}

/** The jsonl lines of records, rendered here independently of the writer. */
const lines = (records: readonly unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** Merges `documents` (sha → path) in `dir`; returns the dataset files, the tally and the manifest's merge time. */
function merge(writer: DatasetWriter, documents: Map<string, string>, loose: IssueRecord[] = []) {
  let tally!: Tally;
  let mergeMs = -1;
  writer.finish(documents, loose, (t, ms) => {
    tally = t;
    mergeMs = ms;
    return minimalManifest();
  });
  const files = Object.fromEntries(SECTIONS.map((n) => [n, readFileSync(join(writer.outDir, `${n}.jsonl`), 'utf8')]));
  return { files, tally, mergeMs };
}

function minimalManifest(): Manifest {
  return {
    tool: { name: 'govdocs', version: '0' },
    schemaVersion: SCHEMA_VERSION,
    pipeline: { ...PIPELINE },
    command: [],
    inputs: { files: 0, byMediaType: {} },
    counts: {
      documents: 0,
      tables: 0,
      facts: 0,
      indicators: 0,
      statements: 0,
      issues: 0,
      issuesByFamily: {},
      issuesBySeverity: {},
    },
    failures: [],
    timings: { totalMs: 0, byStageMs: {}, docsPerSecond: 0 },
    peakRssBytes: 0,
    workers: 1,
  };
}

describe('part files', () => {
  let output: DocumentOutput;
  let renamed: DocumentOutput;
  let empty: DocumentOutput;
  let emptyRenamed: DocumentOutput;
  beforeAll(async () => {
    output = await seedOutput(AWKWARD);
    renamed = await seedOutput(RENAMED);
    empty = await processDocument({ path: AWKWARD.replace('.txt', '.docx'), bytes: new Uint8Array() });
    emptyRenamed = await processDocument({ path: RENAMED.replace('.txt', '.docx'), bytes: new Uint8Array() });
  }, 60_000);

  it('round-trips: what is read back is what was checked, with issues in the dataset order', () => {
    const writer = new DatasetWriter(tmp(), VERSION);
    const built = writer.writePart(output);
    const sha = output.document.source.sha256;
    expect(built.issues.length).toBeGreaterThan(1);
    expect(writer.hasPart(sha)).toBe(true);
    const read = writer.readPart(sha)!;
    expect(read.document).toEqual(built.document);
    expect(read.facts).toEqual(built.facts);
    expect(read.tables).toEqual(built.tables);
    expect(read.indicators).toEqual(built.indicators);
    expect(read.timings).toEqual(built.timings);
    expect(new Set(read.issues.map((x) => JSON.stringify(x)))).toEqual(
      new Set(built.issues.map((x) => JSON.stringify(x))),
    );
    // The dataset's issue order: table, file, page, row, column, rule, message.
    const key = (x: IssueRecord) => [
      x.tableId ?? '',
      x.source.file,
      x.source.page ?? 0,
      x.source.row ?? -1,
      x.source.col ?? -1,
      x.rule,
      x.message,
    ];
    const before = (a: IssueRecord, b: IssueRecord) => {
      const [ka, kb] = [key(a), key(b)];
      const i = ka.findIndex((v, j) => v !== kb[j]);
      return i < 0 || ka[i]! < kb[i]!;
    };
    for (const [i, issue] of read.issues.slice(1).entries()) expect(before(read.issues[i]!, issue)).toBe(true);
  });

  it('is a header line then the six sections, each the exact jsonl lines of its records', () => {
    const bytes = Buffer.from(renderPart(buildPart(output, VERSION)));
    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8'));
    expect(Object.keys(header).slice(0, 2)).toEqual(['layout', 'pipelineVersion']);
    expect(header.path).toBe(AWKWARD);
    expect(header.summary.records).toEqual({
      tables: output.tables.length,
      facts: output.facts.length,
      indicators: output.indicators.length,
      statements: output.statements.length,
      issues: output.diagnostics.length,
    });
    expect(output.statements.length).toBeGreaterThan(0);
    const part = parsePart(bytes, VERSION)!;
    expect(part.sections.documents.toString('utf8')).toBe(lines([output.document]));
    expect(part.sections.facts.toString('utf8')).toBe(lines(output.facts));
    expect(part.sections.tables.toString('utf8')).toBe(lines(output.tables));
    expect(part.sections.statements.toString('utf8')).toBe(lines(output.statements));
    // The whole file is JSON lines, path and Chinese text as raw UTF-8.
    for (const line of bytes.toString('utf8').trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(bytes.toString('utf8')).toContain(JSON.stringify(AWKWARD).slice(1, -1));
  });

  it('merges parts into exactly the lines of their records, in document-id order, loose issues first', () => {
    const other = {
      ...output,
      document: {
        ...output.document,
        source: { ...output.document.source, sha256: '0'.repeat(64) },
        id: `sha256:${'0'.repeat(64)}`,
      },
    };
    const writer = new DatasetWriter(tmp(), VERSION);
    writer.writePart(output);
    writer.writePart(other);
    const loose: IssueRecord = {
      documentId: null,
      tableId: null,
      severity: 'error',
      rule: 'document.missing',
      message: 'm',
      expected: null,
      actual: null,
      stage: 'run',
      source: { file: '/x' },
    };
    const documents = new Map([
      [output.document.source.sha256, AWKWARD],
      ['0'.repeat(64), AWKWARD],
    ]);
    const { files, tally, mergeMs } = merge(writer, documents, [loose]);
    expect(files.documents).toBe(lines([other.document, output.document]));
    expect(files.facts).toBe(lines([...other.facts, ...output.facts]));
    expect(files.issues.startsWith(lines([loose]))).toBe(true);
    expect(files.issues.split('\n').length - 1).toBe(1 + 2 * output.diagnostics.length);
    expect(tally.counts).toEqual({
      documents: 2,
      tables: 2 * output.tables.length,
      facts: 2 * output.facts.length,
      indicators: 2 * output.indicators.length,
      statements: 2 * output.statements.length,
      issues: 1 + 2 * output.diagnostics.length,
    });
    expect(mergeMs).toBeGreaterThanOrEqual(0);
  });

  it('relabels a part stored under another path to exactly what a part written under this path gives', () => {
    const sha = output.document.source.sha256;
    const stored = new DatasetWriter(tmp(), VERSION);
    stored.writePart(output); // read first as AWKWARD, say in an earlier run
    const clean = new DatasetWriter(tmp(), VERSION);
    clean.writePart(renamed); // the same bytes read under RENAMED in a clean run
    const relabelled = merge(stored, new Map([[sha, RENAMED]]));
    const direct = merge(clean, new Map([[sha, RENAMED]]));
    expect(relabelled.files).toEqual(direct.files);
    expect(relabelled.files.documents).toContain(JSON.stringify(RENAMED));
    expect(Object.values(relabelled.files).join('')).not.toContain(JSON.stringify(AWKWARD).slice(1, -1));
  });

  it('relabels the failure reason of a document that could not be read', () => {
    const sha = empty.document.source.sha256;
    const path = RENAMED.replace('.txt', '.docx');
    const stored = new DatasetWriter(tmp(), VERSION);
    stored.writePart(empty);
    const clean = new DatasetWriter(tmp(), VERSION);
    clean.writePart(emptyRenamed);
    const relabelled = merge(stored, new Map([[sha, path]]));
    const direct = merge(clean, new Map([[sha, path]]));
    expect(relabelled.tally.failures).toEqual(direct.tally.failures);
    expect(relabelled.tally.failures.map((f) => f.path)).toEqual([path]);
    expect(relabelled.files).toEqual(direct.files);
  });

  it('counts a part of the old layout, another pipeline version, cut short or garbled as missing', () => {
    const dir = tmp();
    const writer = new DatasetWriter(dir, VERSION);
    const sha = output.document.source.sha256;
    const path = writer.partPath(sha);
    // The layout before parts were rendered as jsonl sections: the StoredDocument as one JSON.
    writeFileSync(path, JSON.stringify(buildPart(output, VERSION)));
    expect(writer.hasPart(sha)).toBe(false);
    expect(writer.readPart(sha)).toBeUndefined();

    writer.writePart(output);
    expect(writer.hasPart(sha)).toBe(true);
    expect(new DatasetWriter(dir, `${PIPELINE.name}@0.0.0-other`).hasPart(sha)).toBe(false);

    const whole = readFileSync(path);
    truncateSync(path, whole.length - 10);
    expect(writer.hasPart(sha)).toBe(false);
    truncateSync(path, whole.indexOf(0x0a) - 5); // cut inside the header
    expect(writer.hasPart(sha)).toBe(false);
    writeFileSync(path, Buffer.concat([whole, Buffer.from('{"extra":1}\n')]));
    expect(writer.hasPart(sha)).toBe(false);
    // Section lengths that do not fall on line ends: the right total, but records split across files.
    const header = JSON.parse(whole.subarray(0, whole.indexOf(0x0a)).toString('utf8'));
    header.bytes = [header.bytes[0] + 3, header.bytes[1] - 3, ...header.bytes.slice(2)];
    writeFileSync(
      path,
      Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), whole.subarray(whole.indexOf(0x0a) + 1)]),
    );
    expect(writer.readPart(sha)).toBeUndefined();
  });

  it('reads a header longer than the first bytes resume looks at (a long failure reason)', () => {
    const writer = new DatasetWriter(tmp(), VERSION);
    const reason = '读不了 '.repeat(10_000);
    writer.writePart({ ...empty, failed: reason, diagnostics: [] });
    const sha = empty.document.source.sha256;
    expect(writer.hasPart(sha)).toBe(true);
    expect(writer.readPart(sha)!.failed).toBe(reason);
    truncateSync(writer.partPath(sha), readFileSync(writer.partPath(sha)).length - 1);
    expect(writer.hasPart(sha)).toBe(false);
  });

  it('stops the merge with a clear message when a part vanished under it', () => {
    const writer = new DatasetWriter(tmp(), VERSION);
    const sha = output.document.source.sha256;
    writer.writePart(output);
    truncateSync(writer.partPath(sha), 100);
    expect(() => merge(writer, new Map([[sha, AWKWARD]]))).toThrow(/damaged or removed.*Run the same command again/);
    expect(writer.hasPart(sha)).toBe(false);
  });
});

describe('replaceAll', () => {
  it('replaces bytes as String split/join does, overlapping and multi-byte patterns included', () => {
    const cases: [string, string, string][] = [
      ['aaaa', 'aa', 'b'],
      ['县"财政"县', '县', '市\\'],
      ['no match here', 'zz', 'y'],
      ['x\\"y\\"', '\\"', '"'],
      ['', 'a', 'b'],
    ];
    for (const [text, from, to] of cases) {
      expect(replaceAll(Buffer.from(text), Buffer.from(from), Buffer.from(to)).toString('utf8')).toBe(
        text.split(from).join(to),
      );
    }
  });
});

describe('BufferedFile', () => {
  it('writes small and large pieces in order', () => {
    const path = join(tmp(), 'out');
    const file = new BufferedFile(path);
    const pieces = [
      Buffer.from('a'),
      Buffer.alloc(3 * 1024 * 1024, 'b'),
      Buffer.from('县'),
      Buffer.alloc(700 * 1024, 'c'),
      Buffer.alloc(700 * 1024, 'd'),
      Buffer.alloc(0),
      Buffer.from('e'),
    ];
    for (const piece of pieces) file.write(piece);
    file.close();
    expect(readFileSync(path).equals(Buffer.concat(pieces))).toBe(true);
  });
});
