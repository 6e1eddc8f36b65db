/**
 * Resume against parts it cannot use (an older layout, a part cut short) and parts stored under
 * another name: the CLI as a user runs it, compared byte for byte with a clean run.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE } from '@govdocs/pipelines';
import { DatasetWriter } from './writer.js';
import { ensureBuilt, readDataset, runCli, seeds } from './fixtures/harness.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'govdocs-resume-'));

/** The seeds and an empty file under names with quotes, backslashes, spaces and Chinese (all JSON-escaped or multi-byte in records). */
function awkwardFolder(): string {
  const dir = tmp();
  for (const [i, f] of readdirSync(seeds).sort().entries())
    copyFileSync(join(seeds, f), join(dir, `${i} 县"财政"\\局 ${f}`));
  writeFileSync(join(dir, '空 "文件"\\.docx'), ''); // a failure, whose reason the manifest lists
  return dir;
}

function runOrFail(input: string, out: string): Record<string, unknown> {
  const { status, stderr } = runCli(['run', input, '--out', out, '--quiet', '--workers', '2']);
  expect([0, 2], stderr).toContain(status);
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
}

describe('resume with parts it cannot use or must relabel', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('redoes a part of the old layout and a part cut short, and writes what a clean run writes', () => {
    const input = awkwardFolder();
    const clean = tmp();
    runOrFail(input, clean);
    const out = tmp();
    const first = runOrFail(input, out);
    const parts = readdirSync(join(out, '.parts'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(parts.length).toBe(first.counts.documents);
    const writer = new DatasetWriter(out, `${PIPELINE.name}@${PIPELINE.version}`);
    const [oldLayout, cutShort] = parts.map((f) => f.replace('.json', ''));
    // The layout before parts were rendered as jsonl sections: the whole part as one JSON object.
    writeFileSync(writer.partPath(oldLayout!), JSON.stringify(writer.readPart(oldLayout!)));
    truncateSync(writer.partPath(cutShort!), readFileSync(writer.partPath(cutShort!)).length - 1);

    const again = runOrFail(input, out);
    expect(again.run.processed).toBe(2);
    expect(again.run.resumed).toBe(first.counts.documents - 2);
    expect(readDataset(out)).toEqual(readDataset(clean));
    expect(again.timings.mergeMs).toBeGreaterThanOrEqual(0);
  });

  it('relabels parts of renamed files to their new names, JSON-escaped paths included', () => {
    const input = awkwardFolder();
    const out = tmp();
    runOrFail(input, out);
    for (const f of readdirSync(input)) renameSync(join(input, f), join(input, `改名 "新"\\${f}`));
    const resumed = runOrFail(input, out);
    expect(resumed.run.processed).toBe(0);
    const clean = tmp();
    runOrFail(input, clean);
    const dataset = readDataset(out);
    expect(dataset).toEqual(readDataset(clean));
    expect(dataset.documents).toContain(JSON.stringify(join(input, '改名 "新"\\')).slice(1, -1));
    expect(resumed.failures).toEqual(JSON.parse(readFileSync(join(clean, 'manifest.json'), 'utf8')).failures);
  });
});
