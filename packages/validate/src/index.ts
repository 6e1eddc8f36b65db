/**
 * @govdocs/validate: content checks on a document's tables and facts (sums, balances,
 * cross-table figures, classification codes). Schema checks happen when records are written.
 */
import type { Diagnostic, DocumentRecord, FactRecord, StageResult, TableRecord } from '@govdocs/core';

export interface ValidateInput {
  document: DocumentRecord;
  tables: TableRecord[];
  facts: FactRecord[];
}

export function validateDocument(_input: ValidateInput): StageResult<null> {
  const diagnostics: Diagnostic[] = [];
  return { value: null, diagnostics };
}
