#!/usr/bin/env node
// Regenerates schemas/*.schema.json from the zod schemas in packages/core (run `pnpm build` first).
// scripts/schemas.test.ts fails when the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemaFiles } from '../packages/core/dist/index.js';

mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
for (const [file, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), text);
  console.log(`schemas/${file}`);
}
