import { describe, expect, it } from 'vitest';
import { workerHeapLimitMb, workersFor } from './sizing.js';

describe('workersFor (parsing threads a run starts)', () => {
  it('starts no more threads than there are files', () => {
    expect(workersFor(['a.pdf'], 8)).toBe(1);
    expect(workersFor(['a.pdf', 'b.docx', 'c.html'], 8)).toBe(3);
    expect(workersFor(['a.pdf', 'b.pdf', 'c.pdf'], 2)).toBe(2);
  });

  it('starts one even with no files, so the run can still write its empty dataset', () => {
    expect(workersFor([], 4)).toBe(1);
  });

  it('starts all it was asked for when an archive may hold many documents', () => {
    expect(workersFor(['bundle.ZIP'], 4)).toBe(4);
    expect(workersFor(['a.pdf', 'x.7z'], 3)).toBe(3);
  });
});

describe('workerHeapLimitMb', () => {
  it('stays between 512 MB and 1.5 GB and shrinks as workers are added', () => {
    const limits = [1, 2, 8, 64, 1024].map(workerHeapLimitMb);
    for (const limit of limits) expect(limit).toBeGreaterThanOrEqual(512);
    for (const limit of limits) expect(limit).toBeLessThanOrEqual(1536);
    expect(workerHeapLimitMb(1024)).toBe(512);
    for (let i = 1; i < limits.length; i++) expect(limits[i]).toBeLessThanOrEqual(limits[i - 1]!);
  });
});
