/** A grid laid out as a full matrix: every position points at the cell covering it (spans repeated). */
import type { Grid } from '@govdocs/core';
import { buildLayout, gridArea, type Layout } from '../layout.js';

/** Grids larger than this are not scanned for indicators (sparse spreadsheets); alignment allows more. */
const MAX_INDICATOR_AREA = 1_000_000;

export type Dense = Pick<Layout, 'rows' | 'cols' | 'cover'>;

export function denseOf(grid: Grid): Dense | null {
  if (gridArea(grid) > MAX_INDICATOR_AREA) return null;
  const layout = buildLayout(grid);
  return layout.rows === 0 || layout.cols === 0 ? null : layout;
}

/** Texts of a row by column, spanning cells repeated under every column they cover. */
export function rowTexts(dense: Dense, r: number): string[] {
  return dense.cover[r].map((c) => c?.text.trim() ?? '');
}

/** Texts of the cells that start in this row (not those reaching down from above). */
export function ownTexts(dense: Dense, r: number): string[] {
  return dense.cover[r].map((c) => (c && c.r === r ? c.text.trim() : ''));
}
