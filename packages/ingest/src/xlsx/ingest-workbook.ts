/**
 * Workbooks (XLSX and legacy XLS) with SheetJS: every visible sheet's used range is one region,
 * split into tables on blank rows and title rows (html/grid.ts); merged ranges become spans,
 * cells keep sheet + A1 ref, title/部门/单位 rows go to the grid's context.
 *
 * Read for safety and speed: no formula parsing (cached values are what a reader sees), no
 * styles, no VBA, rows capped. Names from the file (sheets, cells) are only used as values and
 * Map keys, never as keys of plain objects, so a sheet named __proto__ changes nothing.
 */
import * as XLSX from '@e965/xlsx';
import { errorText } from '@govdocs/core';
import type { Block, Cell } from '@govdocs/core';
import { toSimplified, simplify } from '../script.js';
import { attachGridContext, piecesToBlocks } from '../html/context.js';
import { splitRegion, type Region } from '../html/grid.js';
import { displayText } from './cell-text.js';

/** Rows read per sheet and cells per workbook: far beyond any disclosure, well short of exhausting memory. */
export const MAX_ROWS = 20_000;
export const MAX_CELLS = 2_000_000;
const MAX_COLS = 1_000;

export type WorkbookIngest =
  | { ok: true; blocks: Block[]; script: 'simplified' | 'traditional'; truncated: string[] }
  | { ok: false; problem: 'password' | 'unreadable'; message: string };

const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellFormula: false,
  cellHTML: false,
  // Styles are read only for hidden rows/columns (SheetJS reports them only with cellStyles).
  cellStyles: true,
  cellNF: true,
  cellText: true,
  cellDates: false,
  bookVBA: false,
  WTF: false,
  sheetRows: MAX_ROWS,
};

export function ingestWorkbook(bytes: Uint8Array): WorkbookIngest {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), READ_OPTIONS);
  } catch (error) {
    const text = errorText(error);
    if (/password|encrypt/i.test(text)) return { ok: false, problem: 'password', message: 'the workbook is password-protected: remove the password and retry.' };
    return { ok: false, problem: 'unreadable', message: `the workbook could not be read (${text}). Open and re-save it in a spreadsheet program, then retry.` };
  }
  const regions: Region[] = [];
  const truncated: string[] = [];
  let budget = MAX_CELLS;
  workbook.SheetNames.forEach((name, index) => {
    if (isHidden(workbook, index) || budget <= 0) return;
    const sheet = sheetByName(workbook, name);
    if (!sheet) return;
    const region = sheetRegion(sheet, name, budget);
    budget -= region.cells.length;
    if (region.cut) truncated.push(name);
    regions.push(region);
  });
  const script = simplifyRegions(regions);
  const blocks = regions.flatMap((region) => piecesToBlocks(splitRegion(region)));
  attachGridContext(blocks);
  return { ok: true, blocks, script, truncated };
}

/**
 * SheetJS keeps sheets in a plain object, so a sheet named __proto__ lands as that object's
 * prototype (not on Object.prototype: nothing global changes). It is found there, not lost.
 */
function sheetByName(workbook: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  if (Object.prototype.hasOwnProperty.call(workbook.Sheets, name)) return workbook.Sheets[name];
  if (name !== '__proto__') return undefined;
  const proto: unknown = Object.getPrototypeOf(workbook.Sheets);
  return proto && proto !== Object.prototype && Object.prototype.hasOwnProperty.call(proto, '!data') ? (proto as XLSX.WorkSheet) : undefined;
}

function isHidden(workbook: XLSX.WorkBook, index: number): boolean {
  return Boolean(workbook.Workbook?.Sheets?.[index]?.Hidden);
}

/**
 * A sheet's cells as a reader sees them: hidden rows and columns are left out and the positions
 * close up over them (refs stay the real A1 addresses), spans count visible rows/columns only.
 */
function sheetRegion(sheet: XLSX.WorkSheet, name: string, budget: number): Region & { cut: boolean } {
  const rows = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges = sheet['!merges'] ?? [];
  const spans = mergeSpans(merges);
  const rowEnd = Math.max(rows.length, ...merges.map((m) => m.e.r + 1));
  const rowPos = visiblePrefix(rowEnd, (r) => Boolean(sheet['!rows']?.[r]?.hidden));
  const colPos = visiblePrefix(MAX_COLS, (c) => Boolean(sheet['!cols']?.[c]?.hidden));
  const cells: Cell[] = [];
  let colCount = 0;
  let cut = Boolean(sheet['!fullref'] && sheet['!ref'] !== sheet['!fullref']);
  for (let r = 0; r < rows.length && cells.length < budget; r++) {
    const row = rows[r];
    if (!row || rowPos[r + 1] === rowPos[r]) continue;
    const width = Math.min(row.length, MAX_COLS);
    if (row.length > MAX_COLS) cut = true;
    for (let c = 0; c < width; c++) {
      if (colPos[c + 1] === colPos[c]) continue;
      const text = displayText(row[c]).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (!text) continue;
      const span = spans.get(r * MAX_COLS + c) ?? { rs: 1, cs: 1 };
      const rs = rowPos[Math.min(rowEnd, r + span.rs)] - rowPos[r];
      const cs = colPos[Math.min(MAX_COLS, c + span.cs)] - colPos[c];
      cells.push({ r: rowPos[r], c: colPos[c], rs, cs, text, sheet: name, ref: XLSX.utils.encode_cell({ r, c }) });
      colCount = Math.max(colCount, colPos[c] + cs);
    }
  }
  if (cells.length >= budget) cut = true;
  const rowCount = cells.reduce((n, cell) => Math.max(n, cell.r + cell.rs), 0);
  return { cells, rowCount, colCount, sheet: name, cut };
}

/** prefix[i] = how many of the indexes before i are visible (length n + 1). */
function visiblePrefix(n: number, hidden: (i: number) => boolean): Int32Array {
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + (hidden(i) ? 0 : 1);
  return prefix;
}

/** Merged ranges by their top-left cell (r * MAX_COLS + c). */
function mergeSpans(merges: XLSX.Range[]): Map<number, { rs: number; cs: number }> {
  const spans = new Map<number, { rs: number; cs: number }>();
  for (const m of merges) {
    if (m.s.c >= MAX_COLS) continue;
    spans.set(m.s.r * MAX_COLS + m.s.c, { rs: m.e.r - m.s.r + 1, cs: Math.min(m.e.c, MAX_COLS - 1) - m.s.c + 1 });
  }
  return spans;
}

/** Decides the script from all the workbook's text at once, then converts cell by cell. */
function simplifyRegions(regions: Region[]): 'simplified' | 'traditional' {
  const all = regions.flatMap((region) => [region.sheet ?? '', ...region.cells.map((c) => c.text)]).join('\n');
  const { script } = toSimplified(all);
  if (script === 'traditional') {
    for (const region of regions) {
      for (const cell of region.cells) {
        cell.text = simplify(cell.text);
      }
    }
  }
  return script;
}
