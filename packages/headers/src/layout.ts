/**
 * A dense view of a grid: which cell covers each (row, col), spans filled in. Built once per
 * grid in O(cells + area) so later passes can look positions up in constant time.
 */
import type { Cell, Grid } from '@govdocs/core';

export interface Layout {
  rows: number;
  cols: number;
  /** The cell covering each position (its own or a spanning one), or undefined. */
  cover: (Cell | undefined)[][];
  /** Label text wrapped onto following rows, appended when the label is read (cells stay raw). */
  wrapped: Map<Cell, string>;
}

/** Positions a layout may hold; a sparse grid beyond this (a cell at XFD1048576) is not aligned. */
export const MAX_AREA = 4_000_000;

/** Rows × columns the grid's cells reach, spans included. */
export function gridArea(grid: Grid): number {
  let rows = grid.rowCount;
  let cols = grid.colCount;
  for (const c of grid.cells) {
    rows = Math.max(rows, c.r + span(c.rs));
    cols = Math.max(cols, c.c + span(c.cs));
  }
  return rows * cols;
}

export function buildLayout(grid: Grid): Layout {
  let rows = grid.rowCount;
  let cols = grid.colCount;
  const cells = grid.cells.filter((c) => Number.isInteger(c.r) && Number.isInteger(c.c) && c.r >= 0 && c.c >= 0);
  for (const c of cells) {
    rows = Math.max(rows, c.r + span(c.rs));
    cols = Math.max(cols, c.c + span(c.cs));
  }
  const cover: (Cell | undefined)[][] = Array.from({ length: rows }, () => new Array(cols).fill(undefined));
  for (const cell of cells) {
    const rs = span(cell.rs);
    const cs = span(cell.cs);
    for (let r = cell.r; r < cell.r + rs; r++)
      for (let c = cell.c; c < cell.c + cs; c++) if (!cover[r][c]) cover[r][c] = cell;
  }
  return { rows, cols, cover, wrapped: new Map() };
}

function span(n: number): number {
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/** Text at a position, from the covering cell ('' when empty). */
export function textAt(layout: Layout, r: number, c: number): string {
  const cell = layout.cover[r]?.[c];
  if (!cell) return '';
  const more = layout.wrapped.get(cell);
  return more ? cell.text + more : cell.text;
}

/** The cell whose top-left is this position (value cells are read only there). */
export function originAt(layout: Layout, r: number, c: number): Cell | undefined {
  const cell = layout.cover[r]?.[c];
  return cell && cell.r === r && cell.c === c ? cell : undefined;
}

/** Non-empty cells of a row, each once, in column order. */
export function rowCells(layout: Layout, r: number): Cell[] {
  const out: Cell[] = [];
  for (let c = 0; c < layout.cols; c++) {
    const cell = layout.cover[r][c];
    if (cell?.text.trim() && out[out.length - 1] !== cell) out.push(cell);
  }
  return out;
}

/** A cell as it goes into the table record: as read, with spans of at least 1. */
export function rawCell(cell: Cell): Cell {
  return { ...cell, rs: span(cell.rs), cs: span(cell.cs) };
}
