import { describe, expect, it } from 'vitest';
import { IssueRecordSchema } from './schemas.js';
import { isRuleId, RULE_LIST, ruleInfo } from './rules.js';

const issue = (rule: string) => ({
  documentId: null,
  tableId: null,
  severity: 'warning',
  rule,
  message: 'm',
  expected: null,
  actual: null,
  stage: 'run',
  source: { file: 'a.pdf' },
});

describe('rule list', () => {
  it('gives each rule its family from its id', () => {
    for (const r of RULE_LIST) expect(r.id.startsWith(`${r.family}.`), r.id).toBe(true);
    expect(new Set(RULE_LIST.map((r) => r.id)).size).toBe(RULE_LIST.length);
  });

  it('has the narrative rules and the missing-table warning of CANONICAL.md', () => {
    expect(ruleInfo('narrative.mismatch')).toMatchObject({ family: 'narrative', severity: 'error' });
    expect(ruleInfo('narrative.change').family).toBe('narrative');
    expect(ruleInfo('document.missing_table')).toMatchObject({ family: 'document', severity: 'warning' });
  });

  it('is what the issue schema accepts, and nothing else', () => {
    expect(IssueRecordSchema.safeParse(issue('narrative.mismatch')).success).toBe(true);
    expect(IssueRecordSchema.safeParse(issue('sum.total_row')).success).toBe(true);
    expect(IssueRecordSchema.safeParse(issue('sum.made_up')).success).toBe(false);
    expect(IssueRecordSchema.safeParse(issue('nonsense')).success).toBe(false);
    expect(isRuleId('code.name')).toBe(true);
    expect(isRuleId('code.nam')).toBe(false);
  });
});
