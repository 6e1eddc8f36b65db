import type { Diagnostic } from './diagnostic.js';
import type { DocumentRecord, FactRecord, IndicatorRecord, StatementRecord, TableRecord } from './schemas.js';

/** Everything the pipeline produces for one document, before it is written. */
export interface DocumentOutput {
  document: DocumentRecord;
  tables: TableRecord[];
  facts: FactRecord[];
  indicators: IndicatorRecord[];
  /** Figures stated in the prose (情况说明, 编制说明), one per figure. */
  statements: StatementRecord[];
  diagnostics: Diagnostic[];
  /** Wall time per stage in ms, for the manifest. */
  timings: Record<string, number>;
  /** Set when the document could not be read at all (a `document` issue says why). */
  failed?: string;
}

import type { IssueRecord } from './schemas.js';

/** A diagnostic as the line it becomes in issues.jsonl. */
export function toIssueRecord(documentId: string | null, d: Diagnostic): IssueRecord {
  const { file, page, line, row, col, sheet, ref } = d.place;
  const source: IssueRecord['source'] = { file };
  if (page !== undefined) source.page = page;
  if (line !== undefined) source.line = line;
  if (row !== undefined) source.row = row;
  if (col !== undefined) source.col = col;
  if (sheet !== undefined) source.sheet = sheet;
  if (ref !== undefined) source.ref = ref;
  return {
    documentId,
    tableId: d.tableId ?? null,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    expected: d.expected ?? null,
    actual: d.actual ?? null,
    stage: d.stage,
    source,
  };
}
