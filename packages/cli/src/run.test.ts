import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt, readDataset, runCli, samples, seeds } from './fixtures/harness.js';
import { runPipeline } from './run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'govdocs-run-'));

/** A folder of real documents: the samples and seeds, plus `copies` distinct variants of each seed. */
function corpus(copies: number): string {
  const dir = tmp();
  for (const f of readdirSync(samples)) copyFileSync(join(samples, f), join(dir, f));
  for (const f of readdirSync(seeds)) {
    const text = readFileSync(join(seeds, f));
    for (let i = 0; i <= copies; i++)
      writeFileSync(join(dir, `${i}-${f}`), Buffer.concat([text, Buffer.from('\n'.repeat(i))]));
  }
  return dir;
}

describe('govdocs run (worker pool, end to end)', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('writes byte-identical jsonl files with 1 or 2 workers and on a second run', () => {
    const input = corpus(3);
    const outs = [1, 2, 2].map((workers) => {
      const out = tmp();
      const { status, stderr } = runCli(['run', input, '--out', out, '--workers', String(workers), '--quiet']);
      expect([0, 2], stderr).toContain(status);
      return out;
    });
    const [one, two, again] = outs.map(readDataset);
    expect(one.documents.split('\n').length).toBeGreaterThan(24);
    expect(two).toEqual(one);
    expect(again).toEqual(one);
    const manifest = JSON.parse(readFileSync(join(outs[1], 'manifest.json'), 'utf8'));
    expect(manifest.workers).toBe(2);
    expect(manifest.run.processed).toBe(manifest.counts.documents);
  });

  it('resumes a run killed halfway: nothing lost, nothing duplicated, the same bytes as a clean run', async () => {
    const input = corpus(30);
    const total = readdirSync(input).length;
    const clean = tmp();
    expect([0, 2]).toContain(runCli(['run', input, '--out', clean, '--workers', '2', '--quiet']).status);

    const out = tmp();
    const partsAtKill = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'run', input, '--out', out, '--workers', '1', '--quiet'], {
        stdio: 'ignore',
      });
      let killed = false;
      const poll = setInterval(() => {
        let parts = 0;
        try {
          parts = readdirSync(join(out, '.parts')).filter((f) => f.endsWith('.json')).length;
        } catch {
          return;
        }
        if (parts >= total / 4) {
          clearInterval(poll);
          killed = true;
          child.kill('SIGKILL');
          child.on('exit', () => resolve(parts));
        }
      }, 5);
      child.on('exit', (code) => {
        clearInterval(poll);
        if (!killed) reject(new Error(`the run ended (code ${code}) before it could be killed`));
      });
    });
    expect(partsAtKill).toBeLessThan(total);

    const { status } = runCli(['run', input, '--out', out, '--workers', '2', '--quiet']);
    expect([0, 2]).toContain(status);
    expect(readDataset(out)).toEqual(readDataset(clean));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.run.resumed).toBeGreaterThanOrEqual(partsAtKill);
    expect(manifest.run.processed + manifest.run.resumed).toBe(manifest.counts.documents);
    expect(readdirSync(join(out, '.parts')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('redoes every document with --force', () => {
    const input = seeds;
    const out = tmp();
    runCli(['run', input, '--out', out, '--quiet']);
    runCli(['run', input, '--out', out, '--quiet', '--force']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.run.resumed).toBe(0);
    expect(manifest.run.processed).toBe(manifest.counts.documents);
  });

  it('writes the records of duplicate files once, under the smallest path, with an info issue for the other', () => {
    const input = tmp();
    const seed = readdirSync(seeds)[0];
    copyFileSync(join(seeds, seed), join(input, 'b.txt'));
    copyFileSync(join(seeds, seed), join(input, 'a.txt'));
    const out = tmp();
    expect(runCli(['run', input, '--out', out, '--quiet']).status).toBe(0);
    const { documents, issues } = readDataset(out);
    expect(
      documents
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).source.path),
    ).toEqual([join(input, 'a.txt')]);
    const duplicate = issues
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((x) => x.rule === 'document.duplicate');
    expect(duplicate.map((x) => [x.source.file, x.severity])).toEqual([[join(input, 'b.txt'), 'info']]);
  });

  it('stops a document that hangs the parser at --timeout, and keeps a worker alive through a stray rejection', async () => {
    // stray-rejection.pdf came out of the fuzz test: pdf.js rejects a promise nobody awaits.
    // hangs-sheetjs.xlsx did too (SheetJS looped on it); it is now refused by its zip checksums.
    const input = tmp();
    for (const f of ['hangs-sheetjs.xlsx', 'stray-rejection.pdf'])
      copyFileSync(new URL(`./fixtures/${f}`, import.meta.url), join(input, f));
    for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(input, f));
    writeFileSync(join(input, 'hangs-here.txt'), '部门收支总表\n');
    const out = tmp();
    const { exitCode, manifest } = await runPipeline({
      inputs: [input],
      out,
      force: false,
      quiet: true,
      workers: 1,
      maxBytes: 1e8,
      timeoutMs: 3_000,
      command: ['test'],
      log: () => {},
      workerScript: new URL('./fixtures/hanging-worker.mjs', import.meta.url),
    });
    expect(exitCode).toBe(2);
    const issues = readFileSync(join(out, 'issues.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const documentIssues = (name: string) =>
      issues.filter((x) => x.source.file === join(input, name) && x.rule.startsWith('document.')).map((x) => x.rule);
    expect(documentIssues('hangs-here.txt')).toEqual(['document.timeout']);
    expect(documentIssues('hangs-sheetjs.xlsx')).toEqual(['document.not_zip']);
    expect(issues.find((x) => x.source.file === join(input, 'hangs-sheetjs.xlsx'))!.message).toMatch(
      /checksum does not match/,
    );
    expect(documentIssues('stray-rejection.pdf')).toEqual(['document.stray_error']);
    const documents = readFileSync(join(out, 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).source.path);
    expect(documents.sort()).toEqual(
      [
        ...readdirSync(seeds).map((f) => join(input, f)),
        join(input, 'hangs-sheetjs.xlsx'),
        join(input, 'stray-rejection.pdf'),
      ].sort(),
    );
    expect(manifest.run?.timeouts).toBe(1);
    expect(manifest.run?.crashes).toBe(0);
  });
});
