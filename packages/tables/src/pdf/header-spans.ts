/**
 * Spans of header cells in a borderless table, as the merged cells of the original sheet had
 * them. Without rulings a header's extent is only seen from its neighbours:
 * - a group header (事业收入) stretches right over columns whose first header text sits on the
 *   same lower row as its own sub-header (小计 | 其中：教育收费);
 * - a header cell stretches up and down over header rows empty in its columns (科目名称
 *   centred beside a two-row group header).
 */
import type { PageCell } from './table.js';
import { isNumeric } from './words.js';

const MAX_HEADER_ROWS = 6;

export function completeHeader(cells: PageCell[], rowCount: number, colCount: number): void {
  const dataRow = firstDataRow(cells, rowCount);
  if (dataRow < 2 || dataRow > MAX_HEADER_ROWS) return;
  const header = cells.filter((c) => c.r < dataRow).sort((a, b) => a.r - b.r || a.c - b.c);
  const grid: (PageCell | null)[][] = Array.from({ length: dataRow }, () =>
    Array<PageCell | null>(colCount).fill(null),
  );
  const place = (cell: PageCell) => {
    for (let r = cell.r; r < cell.r + cell.rs; r++) for (let c = cell.c; c < cell.c + cell.cs; c++) grid[r][c] = cell;
  };
  header.forEach(place);
  const firstBelow = (c: number, r: number) => {
    for (let k = r + 1; k < dataRow; k++) if (grid[k][c]) return k;
    return -1;
  };
  for (const cell of header) {
    const child = firstBelow(cell.c + cell.cs - 1, cell.r);
    if (child < 0) continue;
    let j = cell.c + cell.cs;
    while (j < colCount && rangeEmpty(grid, cell.r, child - 1, j) && firstBelow(j, cell.r) === child) j++;
    cell.cs = j - cell.c;
    place(cell);
  }
  for (const cell of header) {
    while (cell.r > 0 && rowEmpty(grid, cell.r - 1, cell.c, cell.cs)) {
      cell.r--;
      cell.rs++;
    }
    while (cell.r + cell.rs < dataRow && rowEmpty(grid, cell.r + cell.rs, cell.c, cell.cs)) cell.rs++;
    place(cell);
  }
}

function firstDataRow(cells: PageCell[], rowCount: number): number {
  let first = rowCount;
  for (const c of cells) if (c.r < first && isNumeric(c.text)) first = c.r;
  return first;
}

function rangeEmpty(grid: (PageCell | null)[][], r0: number, r1: number, c: number): boolean {
  for (let r = r0; r <= r1; r++) if (grid[r][c]) return false;
  return true;
}

function rowEmpty(grid: (PageCell | null)[][], r: number, c0: number, cs: number): boolean {
  for (let c = c0; c < c0 + cs; c++) if (grid[r][c]) return false;
  return true;
}
