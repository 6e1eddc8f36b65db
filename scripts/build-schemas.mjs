#!/usr/bin/env node
// Regenerates schemas/*.schema.json from the zod schemas and docs/rules.md from the rule list in
// packages/core (run `pnpm build` first). scripts/schemas.test.ts fails when either is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemaFiles, rulesMarkdown } from '../packages/core/dist/index.js';

mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
for (const [file, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), text);
  console.log(`schemas/${file}`);
}
mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown());
console.log('docs/rules.md');
