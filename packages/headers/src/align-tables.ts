import type { Diagnostic, DocumentModel, FactRecord, IndicatorRecord, StageResult, TableRecord } from '@govdocs/core';
import { alignGrid, type AlignedTable } from './align.js';
import { continues, templateOf, unshift, withHeader, type HeaderTemplate } from './continuation.js';
import { IndicatorCollector } from './indicators/collector.js';

export interface AlignedTables {
  tables: TableRecord[];
  facts: FactRecord[];
  indicators: IndicatorRecord[];
}

export function alignTables(doc: DocumentModel): StageResult<AlignedTables> {
  const tables: TableRecord[] = [];
  const facts: FactRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  let template: HeaderTemplate | null = null;
  const indicators = new IndicatorCollector(); // 绩效指标 rows, see indicators/
  for (const block of doc.blocks) {
    if (block.type !== 'grid') continue;
    const grid = block.grid;
    const ctx = { documentId: doc.id, tableId: `${doc.id}#${tables.length + 1}`, file: doc.source.path };
    let aligned: AlignedTable;
    if (template && continues(grid, template)) {
      aligned = unshift(alignGrid(withHeader(grid, template), ctx), grid, template.headerEnd);
    } else {
      aligned = alignGrid(grid, ctx);
      template = templateOf(grid, aligned);
    }
    tables.push(aligned.table);
    const kindBefore = aligned.table.kind;
    const found: Diagnostic[] = [];
    indicators.add(grid, aligned.table, ctx, found);
    // A grid the indicator reader claims (a 绩效 table cut at a blank line) gives no facts, and
    // the financial-table complaints about it no longer apply.
    const claimed = kindBefore !== 'performance_indicators' && aligned.table.kind === 'performance_indicators';
    if (!claimed) facts.push(...aligned.facts);
    diagnostics.push(
      ...(claimed ? aligned.diagnostics.filter((d) => !d.rule.startsWith('parse.')) : aligned.diagnostics),
      ...found,
    );
  }
  return { value: { tables, facts, indicators: indicators.records }, diagnostics };
}
