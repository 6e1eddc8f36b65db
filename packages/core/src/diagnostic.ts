import type { Place } from './place.js';
import type { RuleId, Severity } from './rules.js';

/** The stage that raised a diagnostic; `run` is the batch runner around the pipeline. */
export type Stage = 'ingest' | 'tables' | 'headers' | 'names' | 'validate' | 'narrative' | 'run';

/**
 * A finding of any stage, modelled on unified's vfile-message: what (`message`), which rule
 * (`rule`, `family.detail`), who said it (`stage`), how bad (`severity`) and where (`place`).
 */
export interface Diagnostic {
  /** `family.detail`, one of rules.ts. */
  rule: RuleId;
  severity: Severity;
  message: string;
  stage: Stage;
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
