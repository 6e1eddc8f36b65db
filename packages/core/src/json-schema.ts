/** JSON Schema of every output record, generated from the zod schemas (the single source). */
import { z } from 'zod';
import { RECORD_SCHEMAS } from './schemas.js';

const FILES: Record<keyof typeof RECORD_SCHEMAS, string> = {
  document: 'document.schema.json',
  table: 'table.schema.json',
  fact: 'fact.schema.json',
  indicator: 'indicator.schema.json',
  statement: 'statement.schema.json',
  issue: 'issue.schema.json',
  manifest: 'manifest.schema.json',
};

/** File name → JSON text (2-space indented, trailing newline), as committed under schemas/. */
export function jsonSchemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(RECORD_SCHEMAS) as [keyof typeof RECORD_SCHEMAS, z.ZodType][]) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
    out[FILES[name]] =
      `${JSON.stringify({ $id: `https://govdocs.dev/schemas/v1/${FILES[name]}`, title: `govdocs ${name} record`, ...json }, null, 2)}\n`;
  }
  return out;
}
