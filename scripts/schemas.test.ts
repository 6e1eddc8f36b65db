import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '@govdocs/core';

describe('schemas/', () => {
  it('matches the zod schemas (run `pnpm build && pnpm schemas` when this fails)', () => {
    for (const [file, text] of Object.entries(jsonSchemaFiles())) {
      expect(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'), file).toBe(text);
    }
  });
});
