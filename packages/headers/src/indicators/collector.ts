import type { Diagnostic, Grid, IndicatorRecord, TableRecord } from '@govdocs/core';
import { newIndicatorMemory, readIndicators, type IndicatorContext } from './read.js';

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
