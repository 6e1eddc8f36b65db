/** 绩效指标 tables → IndicatorRecords (see read.ts), collected over the grids of one document. */
import type { Diagnostic, Grid, IndicatorRecord, TableRecord } from '@govdocs/core';
import { newIndicatorMemory, readIndicators, type IndicatorContext } from './read.js';

export { readIndicators, newIndicatorMemory, type IndicatorContext, type IndicatorMemory, type ReadIndicators } from './read.js';
export { readTarget, operatorOf, readScore, splitWeight, type Target } from './values.js';
export { roleOf, rowRoles, stageOf, type Role } from './columns.js';
export { readListing, type ListedIndicator } from './listing.js';
export { splitRunTogether } from './levels.js';

/** Reads every grid of a document in order (a 项目名称 grid names the project of the next). */
export class IndicatorCollector {
  readonly records: IndicatorRecord[] = [];
  private readonly memory = newIndicatorMemory();

  /**
   * Reads one grid; a table whose kind was not recognised but holds indicator rows, or is a
   * fragment of the indicator table before it, is an indicator table.
   */
  add(grid: Grid, table: TableRecord, ctx: IndicatorContext, diagnostics: Diagnostic[]): void {
    const read = readIndicators(grid, { ...ctx, unit: ctx.unit ?? table.unit }, this.memory);
    this.records.push(...read.indicators);
    diagnostics.push(...read.diagnostics);
    if (read.claimed && table.kind === 'other') table.kind = 'performance_indicators';
  }
}
