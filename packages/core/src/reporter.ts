import type { Diagnostic, Stage } from './diagnostic.js';
import type { Place } from './place.js';
import { ruleInfo, type RuleId, type Severity } from './rules.js';

/** Where in the reporter's file: page, line, row, column, sheet, cell reference (a `file` given is overridden). */
export type Spot = Omit<Place, 'file'>;

export interface ReportDetails {
  /** Default: the rule's own (rules.ts). */
  severity?: Severity;
  tableId?: string;
  expected?: number | string | null;
  actual?: number | string | null;
}

/**
 * One stage's reporter for one file, after vfile's `file.message(reason, place)`: the stage and
 * the file are filled in here; the caller says which rule, what, and where in the file.
 */
export class Reporter {
  constructor(readonly stage: Stage, readonly file: string) {}

  report(rule: RuleId, message: string, at: Spot = {}, details: ReportDetails = {}): Diagnostic {
    const diagnostic: Diagnostic = { rule, severity: details.severity ?? ruleInfo(rule).severity, stage: this.stage, message, place: { ...at, file: this.file } };
    if (details.tableId !== undefined) diagnostic.tableId = details.tableId;
    if (details.expected !== undefined) diagnostic.expected = details.expected;
    if (details.actual !== undefined) diagnostic.actual = details.actual;
    return diagnostic;
  }
}
