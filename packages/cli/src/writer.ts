/**
 * Writes a dataset folder. Each finished document is written at once to its own part file
 * (`.parts/<sha256>.json`), so memory stays flat and a killed run keeps what it finished; the
 * final jsonl files are merged from the parts in document-id order (the id is `sha256:<hash>`),
 * so output is byte-identical whatever order documents finished in and however many workers ran.
 * manifest.json is the one file with timings and memory figures; the jsonl files have none.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IssueRecordSchema, ManifestSchema, type DocumentOutput, type IssueRecord, type Manifest } from '@govdocs/core';
import { buildPart, check, type StoredDocument } from './part.js';
import { Tally } from './tally.js';

export { SchemaViolation, type StoredDocument } from './part.js';

const RECORD_FILES = ['documents', 'tables', 'facts', 'indicators', 'issues'] as const;

export class DatasetWriter {
  readonly partsDir: string;

  constructor(readonly outDir: string, readonly pipelineVersion: string) {
    this.partsDir = join(outDir, '.parts');
    mkdirSync(this.partsDir, { recursive: true });
    // A run killed mid-write leaves a temp file, never a half part: drop the leftovers.
    for (const name of readdirSync(this.partsDir)) if (name.endsWith('.tmp')) rmSync(join(this.partsDir, name), { force: true });
  }

  partPath(sha256: string): string {
    return join(this.partsDir, `${sha256}.json`);
  }

  /**
   * Whether a part of this pipeline version exists, for resume. Parts are written whole (temp file
   * + rename) with `pipelineVersion` as their first key, so reading the first bytes is enough.
   */
  hasPart(sha256: string): boolean {
    const path = this.partPath(sha256);
    if (!existsSync(path)) return false;
    const expected = `{"pipelineVersion":${JSON.stringify(this.pipelineVersion)},`;
    const head = Buffer.alloc(Buffer.byteLength(expected));
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      readSync(fd, head, 0, head.length, 0);
      return head.toString('utf8') === expected;
    } catch {
      return false;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** A finished part of the same pipeline version; undefined when it must be redone. */
  readPart(sha256: string): StoredDocument | undefined {
    if (!this.hasPart(sha256)) return undefined;
    try {
      return JSON.parse(readFileSync(this.partPath(sha256), 'utf8')) as StoredDocument;
    } catch {
      return undefined;
    }
  }

  /** Validates and stores one document's output (in-process callers; the worker pool uses writePartBytes). */
  writePart(output: DocumentOutput): StoredDocument {
    const part = buildPart(output, this.pipelineVersion);
    const path = this.partPath(output.document.source.sha256);
    writeFileSync(path + '.tmp', JSON.stringify(part));
    renameSync(path + '.tmp', path);
    return part;
  }

  /** Stores a part already validated and serialised by a worker; temp file + rename, so a kill never leaves half a part. */
  async writePartBytes(sha256: string, json: Uint8Array): Promise<void> {
    const path = this.partPath(sha256);
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, json);
    await rename(temp, path);
  }

  /**
   * Merges the parts of this run's documents (sha256 → the path it was read from; the smallest
   * path when the same bytes came under several names) into the jsonl files, plus issues that belong
   * to no document, in a fixed order; then writes the manifest `makeManifest` builds from the tally.
   */
  finish(documents: Map<string, string>, looseIssues: IssueRecord[], makeManifest: (tally: Tally) => Manifest): Manifest {
    const tally = new Tally();
    const fds = Object.fromEntries(RECORD_FILES.map((n) => [n, openSync(join(this.outDir, `${n}.jsonl.tmp`), 'w')])) as Record<(typeof RECORD_FILES)[number], number>;
    const put = (name: (typeof RECORD_FILES)[number], record: unknown) => writeSync(fds[name], JSON.stringify(record) + '\n');
    const loose = sortIssues(looseIssues).map((issue) => check(IssueRecordSchema, issue, 'issue', issue.rule));
    loose.forEach((issue) => put('issues', issue));
    tally.issues(loose);
    for (const sha of [...documents.keys()].sort()) {
      const part = this.loadPart(sha, documents.get(sha)!);
      tally.add(part);
      put('documents', part.document);
      part.tables.forEach((t) => put('tables', t));
      part.facts.forEach((f) => put('facts', f));
      part.indicators.forEach((x) => put('indicators', x));
      sortIssues(part.issues).forEach((x) => put('issues', x));
    }
    for (const name of RECORD_FILES) {
      closeSync(fds[name]);
      renameSync(join(this.outDir, `${name}.jsonl.tmp`), join(this.outDir, `${name}.jsonl`));
    }
    const manifest = check(ManifestSchema, makeManifest(tally), 'manifest', 'manifest');
    writeFileSync(join(this.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  }

  /**
   * A part as this run would have written it. A part stored under another name for the same bytes
   * (a renamed file, or a duplicate read first in a previous run) is relabelled with this run's path,
   * so a resumed run writes exactly what a clean one would.
   */
  private loadPart(sha256: string, path: string): StoredDocument {
    const text = readFileSync(this.partPath(sha256), 'utf8');
    const part = JSON.parse(text) as StoredDocument;
    const stored = part.document.source.path;
    if (stored === path) return part;
    const quote = (s: string) => JSON.stringify(s).slice(1, -1);
    return JSON.parse(text.split(quote(stored)).join(quote(path))) as StoredDocument;
  }
}

function sortIssues(issues: IssueRecord[]): IssueRecord[] {
  const key = (x: IssueRecord) => [x.tableId ?? '', x.source.file, x.source.page ?? 0, x.source.row ?? -1, x.source.col ?? -1, x.rule, x.message] as const;
  return [...issues].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}
