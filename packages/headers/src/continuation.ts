/**
 * Tables continued over a page or section break: the continuation often comes as a grid with no
 * header (PDF pages, text dumps split by a blank line). When such a grid has the column count of
 * the table just before it, it is read under that table's header and context.
 */
import type { Grid } from '@govdocs/core';
import type { AlignedTable } from './align.js';
import { readTableContext } from './context.js';
import { buildLayout, gridArea, MAX_AREA, rawCell } from './layout.js';
import { planRows } from './rows.js';

export interface HeaderTemplate {
  grid: Grid;
  /** Rows of `grid` before its data: context and header. */
  headerEnd: number;
}

/** The template a finished table offers to a following headerless grid, or null. */
export function templateOf(grid: Grid, aligned: AlignedTable): HeaderTemplate | null {
  const kind = aligned.table.kind;
  if (aligned.headerEnd === 0 || kind === 'other') return null;
  return { grid, headerEnd: aligned.headerEnd };
}

/** True when `grid` looks like the continuation of the template's table. */
export function continues(grid: Grid, template: HeaderTemplate): boolean {
  if (width(grid) !== width(template.grid) || gridArea(grid) > MAX_AREA) return false;
  if (readTableContext(grid.before).title) return false;
  const plan = planRows(buildLayout(grid));
  return plan.header.length === 0 && plan.context.length === 0 && plan.data.length > 0;
}

/** Columns actually used (text dumps count trailing empty cells in colCount). */
function width(grid: Grid): number {
  let w = 0;
  for (const c of grid.cells) w = Math.max(w, c.c + Math.max(1, c.cs));
  return w;
}

/** The continuation grid with the template's header rows put on top of it. */
export function withHeader(grid: Grid, template: HeaderTemplate): Grid {
  const top = template.headerEnd;
  return {
    ...grid,
    before: template.grid.before,
    rowCount: grid.rowCount + top,
    cells: [...template.grid.cells.filter((c) => c.r < top), ...grid.cells.map((c) => ({ ...c, r: c.r + top }))],
  };
}

/** Rows and cells of the aligned continuation back in the continuation grid's own numbering. */
export function unshift(aligned: AlignedTable, grid: Grid, top: number): AlignedTable {
  const table = { ...aligned.table, rows: grid.rowCount, cells: grid.cells.map(rawCell), pages: grid.pages };
  const facts = aligned.facts.map((f) => ({ ...f, source: { ...f.source, row: f.source.row - top } }));
  const diagnostics = aligned.diagnostics.map((d) =>
    d.place.row !== undefined ? { ...d, place: { ...d.place, row: Math.max(0, d.place.row - top) } } : d,
  );
  return { table, facts, diagnostics, headerEnd: 0 };
}
