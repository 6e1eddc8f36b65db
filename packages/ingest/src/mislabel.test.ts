import { describe, expect, it } from 'vitest';
import { Reporter } from '@govdocs/core';
import { mislabelWarning } from './mislabel.js';

describe('mislabelWarning', () => {
  const reporter = new Reporter('run', 'x');

  it('warns when the extension promises another format than the bytes are', () => {
    const d = mislabelWarning({ path: 'saved/p14.pdf', mediaType: 'text/html' }, reporter);
    expect(d).toMatchObject({ rule: 'document.mislabelled', severity: 'warning', stage: 'run' });
    expect(d?.message).toBe('saved/p14.pdf: named .pdf but its bytes are text/html; it was read as text/html. Check how the file was downloaded or exported.');
  });

  it('accepts what sites commonly do and names that promise nothing', () => {
    expect(mislabelWarning({ path: 'b.XLS', mediaType: 'text/html' }, reporter)).toBeUndefined();
    expect(mislabelWarning({ path: 'b.pdf', mediaType: 'application/pdf' }, reporter)).toBeUndefined();
    expect(mislabelWarning({ path: 'notes.txt', mediaType: 'text/html' }, reporter)).toBeUndefined();
    expect(mislabelWarning({ path: 'noext', mediaType: 'application/pdf' }, reporter)).toBeUndefined();
  });
});
