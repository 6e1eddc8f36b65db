/**
 * Writes a dataset folder. Each finished document is written at once to its own part file
 * (`.parts/<sha256>.json`, laid out as part-layout.ts describes), so memory stays flat and a killed
 * run keeps what it finished; the final jsonl files are merged from the parts in document-id order
 * (the id is `sha256:<hash>`), so output is byte-identical whatever order documents finished in and
 * however many workers ran. Workers render each part's records as the very lines of the jsonl
 * files, so the merge copies bytes: it never parses or serialises a record.
 * manifest.json is the one file with timings and memory figures; the jsonl files have none.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { IssueRecordSchema, ManifestSchema, type DocumentOutput, type IssueRecord, type Manifest } from '@govdocs/core';
import { buildPart, check, type StoredDocument } from './part-records.js';
import {
  parseHeader,
  parsePart,
  relabelPart,
  renderPart,
  SECTIONS,
  sortIssues,
  type PartFile,
  type SectionName,
} from './part-layout.js';
import { BufferedFile } from './buffered-file.js';
import { Tally } from './tally.js';

export { SchemaViolation, type StoredDocument } from './part-records.js';

/** How much of a part hasPart reads at first; headers are far smaller (a long failure reason at most). */
const HEAD_BYTES = 16 * 1024;

export class DatasetWriter {
  readonly partsDir: string;

  constructor(
    readonly outDir: string,
    readonly pipelineVersion: string,
  ) {
    this.partsDir = join(outDir, '.parts');
    mkdirSync(this.partsDir, { recursive: true });
    // A run killed mid-write leaves a temp file, never a half part: drop the leftovers.
    for (const name of readdirSync(this.partsDir))
      if (name.endsWith('.tmp')) rmSync(join(this.partsDir, name), { force: true });
  }

  partPath(sha256: string): string {
    return join(this.partsDir, `${sha256}.json`);
  }

  /**
   * Whether a whole part of this layout and pipeline version exists, for resume: its header line
   * starts with the layout and version, and the file is as long as the header says. Anything else
   * (a part of an older layout or version, one cut short, garbage) counts as missing and is redone.
   */
  hasPart(sha256: string): boolean {
    return isWholePart(this.partPath(sha256), this.pipelineVersion);
  }

  /** A finished part of this layout and pipeline version, records parsed (for tools and tests); undefined when it must be redone. */
  readPart(sha256: string): StoredDocument | undefined {
    const part = this.readPartFile(sha256);
    if (!part) return undefined;
    const records = (name: SectionName) =>
      part.sections[name]
        .toString('utf8')
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line));
    const { summary } = part.header;
    return {
      pipelineVersion: part.header.pipelineVersion,
      ...(summary.failure !== null ? { failed: summary.failure } : {}),
      document: records('documents')[0],
      tables: records('tables'),
      facts: records('facts'),
      indicators: records('indicators'),
      statements: records('statements'),
      issues: records('issues'),
      timings: summary.timings,
    };
  }

  /** Validates and stores one document's output (in-process callers; the worker pool uses writePartBytes). */
  writePart(output: DocumentOutput): StoredDocument {
    const part = buildPart(output, this.pipelineVersion);
    const path = this.partPath(output.document.source.sha256);
    writeFileSync(`${path}.tmp`, renderPart(part));
    renameSync(`${path}.tmp`, path);
    return part;
  }

  /** Stores a part already validated and rendered by a worker; see storePart. */
  async writePartBytes(sha256: string, bytes: Uint8Array): Promise<void> {
    await storePart(this.partPath(sha256), bytes);
  }

  /**
   * Merges the parts of this run's documents (sha256 → the path it was read from; the smallest
   * path when the same bytes came under several names) into the jsonl files, plus issues that belong
   * to no document, in a fixed order; then writes the manifest `makeManifest` builds from the tally
   * and the merge's own time in ms. `containers` gives the archive (sha256) of each path that is an
   * archive member.
   */
  finish(
    documents: Map<string, string>,
    looseIssues: IssueRecord[],
    makeManifest: (tally: Tally, mergeMs: number) => Manifest,
    containers?: Map<string, string>,
  ): Manifest {
    const started = performance.now();
    const tally = new Tally();
    const files = Object.fromEntries(
      SECTIONS.map((n) => [n, new BufferedFile(join(this.outDir, `${n}.jsonl.tmp`))]),
    ) as Record<SectionName, BufferedFile>;
    try {
      const loose = sortIssues(looseIssues).map((issue) => check(IssueRecordSchema, issue, 'issue', issue.rule));
      files.issues.write(Buffer.from(loose.map((issue) => `${JSON.stringify(issue)}\n`).join(''), 'utf8'));
      tally.issues(loose);
      for (const sha of [...documents.keys()].sort()) {
        const path = documents.get(sha)!;
        const part = this.loadPart(sha, path, containers?.get(path));
        tally.add(part.header.summary, path);
        for (const name of SECTIONS) files[name].write(part.sections[name]);
      }
      for (const name of SECTIONS) files[name].close();
    } finally {
      for (const name of SECTIONS) files[name].discard();
    }
    for (const name of SECTIONS) renameSync(join(this.outDir, `${name}.jsonl.tmp`), join(this.outDir, `${name}.jsonl`));
    const manifest = check(ManifestSchema, makeManifest(tally, performance.now() - started), 'manifest', 'manifest');
    writeFileSync(join(this.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }

  private readPartFile(sha256: string): PartFile | undefined {
    try {
      return parsePart(readFileSync(this.partPath(sha256)), this.pipelineVersion);
    } catch {
      return undefined;
    }
  }

  /**
   * A part as this run would have written it, relabelled with this run's path when it was stored
   * under another name for the same bytes (see relabelPart).
   */
  private loadPart(sha256: string, path: string, container: string | undefined): PartFile {
    const part = this.readPartFile(sha256);
    if (!part) {
      // Checked by hasPart or written by this run moments ago: only something outside govdocs gets here.
      rmSync(this.partPath(sha256), { force: true });
      throw new Error(
        `${this.partPath(sha256)}: this part was damaged or removed while the run was writing the dataset; it has been deleted. Run the same command again to redo that document.`,
      );
    }
    return relabelPart(part, path, container);
  }
}

/**
 * Whether `path` holds a whole part of this layout and pipeline version, for resume: its header
 * line starts with the layout and version, and the file is as long as the header says. Anything
 * else (a part of an older layout or version, one cut short, garbage) counts as missing and is redone.
 */
export function isWholePart(path: string, pipelineVersion: string): boolean {
  if (!existsSync(path)) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    let head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    let end = head.indexOf(0x0a);
    if (end < 0 && head.length < size) {
      head = readFileSync(fd);
      end = head.indexOf(0x0a);
    }
    if (end < 0) return false;
    const header = parseHeader(head.subarray(0, end), pipelineVersion);
    return header !== undefined && end + 1 + header.bytes.reduce((a, b) => a + b, 0) === size;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a part under a temporary name unique to this machine and process, then renames it: a
 * kill never leaves half a part, and two workers that took the same document (a retried job, the
 * same bytes under two names) each rename a whole part into place.
 */
export async function storePart(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}
