import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles, RULE_IDS, rulesMarkdown } from '@govdocs/core';

describe('schemas/', () => {
  it('matches the zod schemas (run `pnpm build && pnpm schemas` when this fails)', () => {
    for (const [file, text] of Object.entries(jsonSchemaFiles())) {
      expect(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'), file).toBe(text);
    }
  });
});

describe('docs/rules.md', () => {
  const doc = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');

  it('matches the rule list (run `pnpm build && pnpm schemas` when this fails)', () => {
    expect(doc).toBe(rulesMarkdown());
  });

  it('names every rule the issue schema accepts', () => {
    const issue = JSON.parse(readFileSync(new URL('../schemas/issue.schema.json', import.meta.url), 'utf8'));
    expect(issue.properties.rule.enum).toEqual(RULE_IDS);
    for (const id of RULE_IDS) expect(doc).toContain(`| \`${id}\` |`);
  });
});
