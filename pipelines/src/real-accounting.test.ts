/**
 * Regression over ../shared/real/docs: real disclosures nearly always add up, so every accounting
 * alarm (error-severity sum/balance/crosstable issue) must be a fault of the document read on its
 * page and recorded in packages/validate/fixtures/real-anomalies.json (`anomalies`, expected here),
 * or a misread table an earlier stage still owes (`misread`: that document is left out until the
 * stage is fixed and its entry removed). Skipped without the set.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@govdocs/core';
import { processDocument } from './index.js';

interface Recorded {
  sha256: string;
  file: string;
  rules: string[];
  fragment: string;
  page?: number;
  pages?: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../packages/validate/fixtures/real-anomalies.json', import.meta.url), 'utf8'),
) as {
  anomalies: Recorded[];
  misread: Recorded[];
};
const docsDir = new URL('../../../shared/real/docs/', import.meta.url).pathname;
const docs = existsSync(docsDir)
  ? readdirSync(docsDir)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
  : [];
const ACCOUNTING = /^(sum|balance|crosstable)\./;

describe.skipIf(docs.length === 0)('accounting alarms on real disclosures', () => {
  it.each(docs)(
    '%s raises only the faults recorded for it',
    async (name) => {
      const bytes = new Uint8Array(readFileSync(join(docsDir, name)));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (fixture.misread.some((m) => m.sha256 === sha256)) return;
      const output = await processDocument({ path: join(docsDir, name), bytes });
      const alarms = output.diagnostics.filter((d) => d.severity === 'error' && ACCOUNTING.test(d.rule));
      const expected = fixture.anomalies.filter((a) => a.sha256 === sha256);
      const explained = (d: Diagnostic) =>
        expected.some(
          (a) =>
            a.rules.includes(d.rule) &&
            d.message.includes(a.fragment) &&
            (a.page === undefined || d.place.page === a.page),
        );
      expect(alarms.filter((d) => !explained(d)).map((d) => `p.${d.place.page} ${d.rule}: ${d.message}`)).toEqual([]);
      for (const a of expected)
        expect(alarms.some((d) => a.rules.includes(d.rule) && d.message.includes(a.fragment))).toBe(true);
    },
    240_000,
  );
});
