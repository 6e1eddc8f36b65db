/** A grid laid out as a full matrix: every position points at the cell covering it (spans repeated). */
import type { Cell, Grid } from '@govdocs/core';

/** Grids larger than this are not scanned for indicators (sparse spreadsheets). */
const MAX_AREA = 1_000_000;

export interface Dense {
  rows: number;
  cols: number;
  cover: (Cell | undefined)[][];
}

export function denseOf(grid: Grid): Dense | null {
  const cells = grid.cells.filter((c) => Number.isInteger(c.r) && Number.isInteger(c.c) && c.r >= 0 && c.c >= 0);
  const span = (n: number) => (Number.isInteger(n) && n > 1 ? n : 1);
  let rows = Number.isInteger(grid.rowCount) ? grid.rowCount : 0;
  let cols = Number.isInteger(grid.colCount) ? grid.colCount : 0;
  for (const c of cells) {
    rows = Math.max(rows, c.r + span(c.rs));
    cols = Math.max(cols, c.c + span(c.cs));
  }
  if (rows * cols > MAX_AREA || rows === 0 || cols === 0) return null;
  const cover: (Cell | undefined)[][] = Array.from({ length: rows }, () => new Array(cols).fill(undefined));
  for (const cell of cells) {
    for (let r = cell.r; r < cell.r + span(cell.rs); r++) {
      for (let c = cell.c; c < cell.c + span(cell.cs); c++) cover[r][c] ??= cell;
    }
  }
  return { rows, cols, cover };
}

/** Texts of a row by column, spanning cells repeated under every column they cover. */
export function rowTexts(dense: Dense, r: number): string[] {
  return dense.cover[r].map((c) => c?.text.trim() ?? '');
}

/** Texts of the cells that start in this row (not those reaching down from above). */
export function ownTexts(dense: Dense, r: number): string[] {
  return dense.cover[r].map((c) => (c && c.r === r ? c.text.trim() : ''));
}
