/**
 * @govdocs/headers: each grid → a canonical table record (kind, title, code, unit, columns,
 * raw cells), and the facts and indicators read from it.
 */
import type { Diagnostic, DocumentModel, FactRecord, IndicatorRecord, StageResult, TableRecord } from '@govdocs/core';
import { alignGrid } from './align.js';

export { readTableContext } from './context.js';
export { kindFromTitle, kindFromShape } from './kind.js';
export { alignGrid, type AlignContext, type AlignedTable } from './align.js';
export { cleanLabel, stripOrdinal, normHeader } from './normalize.js';
export { composeCode, functionClassByName, functionClassByCode, threePublicItem } from './subject.js';
export { tokenOf } from './measure.js';

export interface AlignedTables {
  tables: TableRecord[];
  facts: FactRecord[];
  indicators: IndicatorRecord[];
}

export function alignTables(doc: DocumentModel): StageResult<AlignedTables> {
  const tables: TableRecord[] = [];
  const facts: FactRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const block of doc.blocks) {
    if (block.type !== 'grid') continue;
    const tableId = `${doc.id}#${tables.length + 1}`;
    const aligned = alignGrid(block.grid, { documentId: doc.id, tableId, file: doc.source.path });
    tables.push(aligned.table);
    facts.push(...aligned.facts);
    diagnostics.push(...aligned.diagnostics);
  }
  return { value: { tables, facts, indicators: [] }, diagnostics };
}
