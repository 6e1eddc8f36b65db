import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, readDataset, readJsonl, root, runCli, samples } from './fixtures/harness.js';

const fixtures = join(root, 'packages/ingest/src/archives/fixtures');
const tmp = () => mkdtempSync(join(tmpdir(), 'govdocs-archives-'));
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sha = (file: string) => hash(readFileSync(file));

/** A member of a zip, found by its local header (independent of the zip reader under test). */
function zipMember(zip: Buffer, name: string): Buffer {
  for (let at = zip.indexOf(0x50); at >= 0 && at + 30 <= zip.length; at = zip.indexOf(0x50, at + 1)) {
    if (zip.readUInt32LE(at) !== 0x04034b50) continue;
    const nameLength = zip.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 30, at + 30 + nameLength).toString('latin1') !== name) continue;
    const packed = zip.subarray(start, start + zip.readUInt32LE(at + 18));
    return zip.readUInt16LE(at + 8) === 8 ? inflateRawSync(packed) : Buffer.from(packed);
  }
  throw new Error(`${name} is not in the zip`);
}

describe('govdocs run on archives (.zip, .7z, .rar)', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('reads every good member as a document of its own, reports every bad one, and gives the same bytes again and on resume', () => {
    const input = tmp();
    for (const name of ['samples.zip', 'samples.7z', 'samples.rar'])
      copyFileSync(join(fixtures, name), join(input, name));
    // The same text loose and inside inner.zip (in both the zip and the 7z): one document, under the smallest path.
    copyFileSync(join(samples, 'doc023.txt'), join(input, 'z-doc023.txt'));
    const out = tmp();
    const first = runCli(['run', input, '--out', out, '--quiet']);
    expect(first.status, first.stderr).toBe(2); // bad members are failures, as bad files are
    const documents = readJsonl(out, 'documents');
    const at = (name: string) => join(input, name);
    const containers = Object.fromEntries(documents.map((d) => [d.source.path, d.source.container ?? null]));
    // CANONICAL.md: source.container is the archive the document was taken out of; nested, the innermost.
    // samples.7z holds the same inner.zip as samples.zip.
    const inner = zipMember(readFileSync(at('samples.zip')), 'inner.zip');
    const deeper = zipMember(inner, 'deeper.zip');
    expect(containers).toEqual({
      [at('samples.zip!/2023年部门决算/收入支出决算总表.pdf')]: sha(at('samples.zip')),
      [at('samples.zip!/tables/doc000.xlsx')]: sha(at('samples.zip')),
      [at('samples.7z!/inner.zip!/doc005.txt')]: hash(inner),
      [at('samples.7z!/inner.zip!/deeper.zip!/doc011.txt')]: hash(deeper),
      [at('samples.7z!/表格/部门预算.docx')]: sha(at('samples.7z')),
      [at('samples.7z!/doc023.txt')]: sha(at('samples.7z')),
      [at('samples.rar!/pages/doc004.html')]: sha(at('samples.rar')),
    });
    const docx = documents.find((d) => d.source.path.endsWith('部门预算.docx'))!;
    expect(docx.tables).toBeGreaterThanOrEqual(5);
    expect(readJsonl(out, 'facts').filter((f) => f.documentId === docx.id).length).toBeGreaterThan(100);

    const loose = readJsonl(out, 'issues').filter((i) => i.documentId === null || i.rule === 'document.duplicate');
    const byFile = Object.fromEntries(loose.map((i) => [i.source.file.slice(input.length + 1), i.rule]));
    expect(byFile).toEqual({
      'samples.zip!/bomb.pdf': 'document.zip_bomb',
      'samples.zip!/damaged.txt': 'document.unreadable',
      // Duplicates: the same bytes elsewhere, written once under the smallest path.
      'samples.zip!/inner.zip!/doc005.txt': 'document.duplicate',
      'samples.zip!/inner.zip!/deeper.zip!/doc011.txt': 'document.duplicate',
      'samples.rar!/doc023.txt': 'document.duplicate',
      'z-doc023.txt': 'document.duplicate',
    });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.failures.map((f: { path: string }) => f.path.slice(input.length + 1))).toEqual([
      'samples.zip!/bomb.pdf',
      'samples.zip!/damaged.txt',
    ]);

    const dataset = readDataset(out);
    expect(runCli(['run', input, '--out', out, '--quiet']).status).toBe(2); // resume: every part is there
    expect(readDataset(out)).toEqual(dataset);
    const clean = tmp();
    runCli(['run', input, '--out', clean, '--quiet', '--workers', '1']);
    expect(readDataset(clean)).toEqual(dataset);
  }, 300_000); // three runs of the CLI

  it('reports an archive that cannot be opened, and the run goes on', () => {
    const input = tmp();
    const rar = readFileSync(join(fixtures, 'samples.rar'));
    writeFileSync(join(input, 'cut.rar'), rar.subarray(0, 40));
    copyFileSync(join(samples, 'doc011.txt'), join(input, 'doc011.txt'));
    const out = tmp();
    expect(runCli(['run', input, '--out', out, '--quiet']).status).toBe(2);
    expect(readJsonl(out, 'documents').map((d) => d.source.path)).toEqual([join(input, 'doc011.txt')]);
    const issue = readJsonl(out, 'issues').find((i) => i.source.file === join(input, 'cut.rar'));
    expect(issue).toMatchObject({ rule: 'document.unreadable', severity: 'error' });
  });
});
