/**
 * @govdocs/headers: each grid → a canonical table record (kind, title, code, unit, columns,
 * raw cells), and the facts and indicators read from it.
 */
import type { Diagnostic, DocumentModel, FactRecord, IndicatorRecord, StageResult, TableRecord } from '@govdocs/core';
import { readTableContext } from './context.js';
import { kindFromTitle } from './kind.js';

export { readTableContext } from './context.js';
export { kindFromTitle } from './kind.js';

export interface AlignedTables {
  tables: TableRecord[];
  facts: FactRecord[];
  indicators: IndicatorRecord[];
}

export function alignTables(doc: DocumentModel): StageResult<AlignedTables> {
  const tables: TableRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const block of doc.blocks) {
    if (block.type !== 'grid') continue;
    const grid = block.grid;
    const context = readTableContext(grid.before);
    tables.push({
      id: `${doc.id}#${tables.length + 1}`,
      documentId: doc.id,
      kind: kindFromTitle(context.title) ?? 'other',
      title: context.title,
      code: context.code,
      unit: context.unit,
      department: context.department,
      pages: grid.pages,
      columns: [],
      rows: grid.rowCount,
      cells: grid.cells.map((c) => ({ ...c })),
    });
  }
  return { value: { tables, facts: [], indicators: [] }, diagnostics };
}
