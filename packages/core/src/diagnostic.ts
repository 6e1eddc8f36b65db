import type { Place } from './place.js';

export type Severity = 'error' | 'warning' | 'info';

/** The rule families of CANONICAL.md; a rule is `family.detail`. */
export const RULE_FAMILIES = ['sum', 'balance', 'crosstable', 'code', 'name', 'unit', 'narrative', 'parse', 'document'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/**
 * A finding of any stage, modelled on unified's vfile-message: what (`message`), which rule
 * (`rule`, `family.detail`), who said it (`stage`), how bad (`severity`) and where (`place`).
 */
export interface Diagnostic {
  rule: `${RuleFamily}.${string}`;
  severity: Severity;
  message: string;
  /** The stage that raised it: `ingest`, `tables`, `headers`, `names`, `validate`, `run`. */
  stage: string;
  place: Place;
  /** The table the finding is about, when there is one (`sha256:…#3`). */
  tableId?: string;
  expected?: number | string | null;
  actual?: number | string | null;
}

/** What every stage returns: its typed output plus what it found on the way. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function diagnostic(d: Diagnostic): Diagnostic {
  return d;
}
