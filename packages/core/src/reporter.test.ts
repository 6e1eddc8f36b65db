import { describe, expect, it } from 'vitest';
import { Reporter } from './reporter.js';

describe('Reporter', () => {
  const reporter = new Reporter('headers', 'a/b.pdf');

  it('fills in the stage, the file and the rule’s own severity', () => {
    expect(reporter.report('parse.cell', 'not a number', { page: 3, row: 7, col: 2 })).toEqual({
      rule: 'parse.cell', severity: 'warning', stage: 'headers', message: 'not a number', place: { file: 'a/b.pdf', page: 3, row: 7, col: 2 },
    });
    expect(reporter.report('sum.unchecked', 'm').severity).toBe('info');
  });

  it('takes another severity, the table and the figures when given, and keeps its own file', () => {
    const d = reporter.report('parse.cell', 'm', { file: 'other.pdf', row: 1 } as never, { severity: 'info', tableId: 't#1', expected: null, actual: '无' });
    expect(d).toEqual({ rule: 'parse.cell', severity: 'info', stage: 'headers', message: 'm', place: { file: 'a/b.pdf', row: 1 }, tableId: 't#1', expected: null, actual: '无' });
  });
});
