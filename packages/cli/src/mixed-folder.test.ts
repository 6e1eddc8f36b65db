/**
 * A folder mixing good documents with every kind of bad file a crawl brings home: every good one
 * is read, every bad one gets exactly one `document` issue naming the file and the reason, the
 * run exits 2 and nothing crashes.
 */
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt, readJsonl, runCli, samples } from './fixtures/harness.js';

/** A minimal PDF protected by the standard security handler with an unknown user password. */
function encryptedPdf(): Buffer {
  const hex = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + seed * 11) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    `<< /Length 16 >>\nstream\n${'\u00a7'.repeat(16)}\nendstream`,
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${hex(16, 3)}><${hex(16, 3)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const isRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };

/** Whether `nobody` can run the CLI here (a checkout under /root, say, is closed to it). */
function nobodyCanRunCli(): boolean {
  const probe = `require('fs').accessSync(${JSON.stringify(bin)}, require('fs').constants.R_OK)`;
  return spawnSync(process.execPath, ['-e', probe], { ...NOBODY, timeout: 30_000 }).status === 0;
}

describe('a folder of good and bad files', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('reads every good document and gives every bad file exactly one document issue, exit status 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govdocs-mixed-'));
    const good = readdirSync(samples).map((f) => join(dir, f));
    for (const f of readdirSync(samples)) copyFileSync(join(samples, f), join(dir, f));
    const sample = (ext: string) => readFileSync(join(samples, readdirSync(samples).find((f) => f.endsWith(ext))!));
    const maxBytes = Math.max(...good.map((f) => statSync(f).size)) + 1;

    const bad: Record<string, Buffer> = {
      'corrupt.pdf': sample('.pdf').subarray(0, 4000),
      'cut-short.docx': sample('.docx').subarray(0, 3000),
      'noise.xlsx': Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)),
      'empty.pdf': Buffer.alloc(0),
      'encrypted.pdf': encryptedPdf(),
      'huge.txt': Buffer.from('预算'.repeat(maxBytes)),
    };
    for (const [name, bytes] of Object.entries(bad)) writeFileSync(join(dir, name), bytes);
    // A .pdf that is really an HTML page: read as HTML, with a warning saying so.
    writeFileSync(
      join(dir, 'mislabelled.pdf'),
      Buffer.concat([sample('.html'), Buffer.from('\n<!-- saved as .pdf -->\n')]),
    );
    // root reads anything whatever its mode, so as root the run goes as the user `nobody`.
    // Where nobody cannot reach the checkout, the permission case cannot be made as root and is left out.
    const testUnreadable = !isRoot || nobodyCanRunCli();
    if (testUnreadable) {
      writeFileSync(join(dir, 'unreadable.txt'), sample('.txt'));
      chmodSync(join(dir, 'unreadable.txt'), 0o000);
      bad['unreadable.txt'] = Buffer.alloc(0);
    }

    const out = mkdtempSync(join(tmpdir(), 'govdocs-mixed-out-'));
    chmodSync(dir, 0o755);
    chmodSync(out, 0o777);
    const { status, stderr } = runCli(
      ['run', dir, '--out', out, '--quiet', '--max-bytes', String(maxBytes), '--timeout', '60'],
      isRoot && testUnreadable ? NOBODY : undefined,
    );
    expect(status, stderr).toBe(2);
    expect(stderr).not.toMatch(/internal error/);

    const documents = readJsonl(out, 'documents');
    const issues = readJsonl(out, 'issues').filter((x) => x.rule.startsWith('document.'));
    const issuesOf = (path: string) => issues.filter((x) => x.source.file === path);

    for (const path of good) {
      expect(
        documents.some((d) => d.source.path === path),
        `${path} has a document record`,
      ).toBe(true);
      expect(
        issuesOf(path).filter((x) => x.severity === 'error'),
        path,
      ).toEqual([]);
    }
    for (const name of Object.keys(bad)) {
      const path = join(dir, name);
      const found = issuesOf(path);
      expect(found.length, `${name}: ${JSON.stringify(found)}`).toBe(1);
      expect(found[0].severity).toBe('error');
      expect(found[0].message).toContain(name);
      expect(found[0].message.length).toBeGreaterThan(path.length + 20); // a reason, not just the name
    }
    expect(issuesOf(join(dir, 'huge.txt'))[0].rule).toBe('document.too_large');
    if (testUnreadable)
      expect(issuesOf(join(dir, 'unreadable.txt'))[0]).toMatchObject({
        rule: 'document.unreadable',
        message: expect.stringMatching(/permission/),
      });
    expect(issuesOf(join(dir, 'encrypted.pdf'))[0].message).toMatch(/encrypt|password/i);

    const mislabelled = issuesOf(join(dir, 'mislabelled.pdf'));
    expect(mislabelled.map((x) => [x.rule, x.severity])).toEqual([['document.mislabelled', 'warning']]);
    expect(documents.find((d) => d.source.path === join(dir, 'mislabelled.pdf'))?.source.mediaType).toBe('text/html');

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.failures.map((f: { path: string }) => basename(f.path)).sort()).toEqual(Object.keys(bad).sort());
    expect(manifest.failures.every((f: { reason: string }) => f.reason.length > 10)).toBe(true);
  });
});
