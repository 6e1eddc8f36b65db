/**
 * Borderless tables from text alignment. A run of lines with several words each is a table;
 * its columns are the x-ranges where words of many rows lie (a header word that spans
 * several columns is left out when finding them), its rows are text lines, with wrapped
 * lines joined to the row they belong to.
 */
import type { RuleLine } from '@govdocs/core';
import type { PageCell, PageTable } from './table.js';
import { boxOf, cellText, isNumeric, median, type Line, type Word } from './words.js';
import { completeHeader } from './header-spans.js';

export type Segment = { type: 'text'; line: Line } | { type: 'table'; table: PageTable };

/** Words gathered into one cell of a row. */
interface Slot { c0: number; c1: number; words: Word[] }
interface Row { slots: Slot[]; y0: number; y1: number }

/** Lines naming a table (部门：…  金额单位：元) are never rows of it. */
const CONTEXT = /^(?:(?:金额|计量)?单位|部门|编制单位|编制部门|填报单位|预算单位|单位名称)\s*[:：]/;

export function isContextLine(line: Line): boolean {
  return line.words.some((w) => CONTEXT.test(w.text));
}

function isTabular(line: Line): boolean {
  return line.words.length >= 2 && !isContextLine(line);
}

export function streamSegments(page: number, lines: Line[], rules: RuleLine[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < lines.length) {
    const run = tableRun(lines, i);
    if (!run) {
      out.push({ type: 'text', line: lines[i] });
      i++;
      continue;
    }
    for (let k = i; k < run.start; k++) out.push({ type: 'text', line: lines[k] });
    const table = buildTable(page, lines.slice(run.start, run.end), rules);
    if (table) out.push({ type: 'table', table });
    else for (let k = run.start; k < run.end; k++) out.push({ type: 'text', line: lines[k] });
    i = run.end;
  }
  return out;
}

/** The next run of table lines at or after `from`, or null when the line at `from` starts none. */
function tableRun(lines: Line[], from: number): { start: number; end: number } | null {
  if (!isTabular(lines[from])) return null;
  const size = lines[from].size;
  let end = from + 1;
  let lastTabular = from;
  while (end < lines.length) {
    const line = lines[end];
    const gap = line.y0 - lines[end - 1].y1;
    if (isContextLine(line) || gap > 2.5 * size || line.size > 1.25 * size) break;
    if (line.words.length === 1 && gap > 1.2 * size) break;
    if (isTabular(line)) lastTabular = end;
    end++;
  }
  // Single-word lines after the last row belong to it only when set tight below it (a wrap).
  end = lastTabular + 1;
  while (end < lines.length && lines[end].words.length === 1 && !isContextLine(lines[end]) && lines[end].y0 - lines[end - 1].y1 < 0.35 * size) end++;
  let start = from;
  // A header line above the first row that holds one spanning word (支出功能分类科目编码).
  while (start > 0) {
    const above = lines[start - 1];
    const gap = lines[start].y0 - above.y1;
    if (above.words.length !== 1 || isContextLine(above) || gap > 0.6 * size || above.size > 1.15 * size) break;
    start--;
  }
  const tabular = lines.slice(start, end).filter(isTabular);
  // One row alone is a table when it reads like one (a row carried over to the next page).
  const oneRow = tabular.length === 1 && tabular[0].words.length >= 3 && tabular[0].words.some((w) => isNumeric(w.text));
  return tabular.length >= 2 || oneRow ? { start, end } : null;
}

function buildTable(page: number, lines: Line[], rules: RuleLine[]): PageTable | null {
  const words = lines.flatMap((l) => l.words);
  const columns = findColumns(words, lines);
  if (columns.length < 2) return null;
  const rows = joinWrappedRows(lines.map((l) => toRow(l, columns)), rules, columns.length);
  const cells: PageCell[] = [];
  rows.forEach((row, r) => {
    for (const s of row.slots) {
      const text = cellText(s.words);
      if (text) cells.push({ r, c: s.c0, rs: 1, cs: s.c1 - s.c0 + 1, text, bbox: boxOf(s.words) });
    }
  });
  completeHeader(cells, rows.length, columns.length);
  cells.sort((a, b) => a.r - b.r || a.c - b.c);
  return {
    page, cells, method: 'stream', confidence: 0.6,
    bbox: boxOf(words), rowCount: rows.length, colCount: columns.length,
    columns,
  };
}

/**
 * Columns: x-ranges covered by words, merged where they overlap. A word that holds two
 * side-by-side words of other lines within its width is a spanning header and is left out.
 */
function findColumns(words: Word[], lines: Line[]): { x0: number; x1: number }[] {
  const lineOf = new Map<Word, number>();
  lines.forEach((l, i) => l.words.forEach((w) => lineOf.set(w, i)));
  const spanning = new Set<Word>();
  for (const w of words) {
    const within = words.filter((o) => o !== w && lineOf.get(o) !== lineOf.get(w) && o.x0 >= w.x0 - 1 && o.x1 <= w.x1 + 1).sort((a, b) => a.x0 - b.x0);
    for (let k = 1; k < within.length; k++) {
      if (within.slice(0, k).some((a) => within[k].x0 > a.x1 + 1)) { spanning.add(w); break; }
    }
  }
  const spans = words.filter((w) => !spanning.has(w)).map((w) => ({ x0: w.x0, x1: w.x1 })).sort((a, b) => a.x0 - b.x0);
  const columns: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = columns[columns.length - 1];
    if (last && s.x0 <= last.x1 + 1.5) last.x1 = Math.max(last.x1, s.x1);
    else columns.push({ ...s });
  }
  return columns;
}

function toRow(line: Line, columns: { x0: number; x1: number }[]): Row {
  const slots: Slot[] = [];
  for (const w of line.words) {
    let c0 = columns.findIndex((c) => c.x1 > w.x0 + 0.5);
    let c1 = columns.length - 1;
    while (c1 > 0 && columns[c1].x0 >= w.x1 - 0.5) c1--;
    if (c0 < 0) c0 = columns.length - 1;
    if (c1 < c0) c1 = c0;
    const prev = slots[slots.length - 1];
    if (prev && prev.c1 >= c0) {
      // Two words in one column of a row are one cell's text.
      prev.words.push(w);
      prev.c1 = Math.max(prev.c1, c1);
    } else slots.push({ c0, c1, words: [w] });
  }
  return { slots, y0: line.y0, y1: line.y1 };
}

/**
 * Joins lines that are one row: with a ruling between most rows, lines with no ruling between
 * them; else a header line whose words sit in exactly the columns of the line above (a wrapped
 * header cell), and after the header a line with no numbers set closer than rows are (a wrapped
 * label, vertically centred figures beside it).
 */
function joinWrappedRows(rows: Row[], rules: RuleLine[], columnCount: number): Row[] {
  if (rows.length < 2) return rows;
  const x0 = Math.min(...rows.flatMap((r) => r.slots.flatMap((s) => s.words.map((w) => w.x0))));
  const x1 = Math.max(...rows.flatMap((r) => r.slots.flatMap((s) => s.words.map((w) => w.x1))));
  const long = rules.filter((r) => r.y0 === r.y1 && r.x1 - r.x0 >= 0.5 * (x1 - x0) && r.x0 <= x1 && r.x1 >= x0);
  const ruledBetween = (a: Row, b: Row) => long.some((r) => r.y0 >= a.y1 - 1.5 && r.y0 <= b.y0 + 1.5);
  const pairs = rows.length - 1;
  let ruled = 0;
  for (let k = 1; k < rows.length; k++) if (ruledBetween(rows[k - 1], rows[k])) ruled++;
  const byRules = ruled >= 0.6 * pairs;
  const pitch = median(rows.slice(1).map((r, k) => r.y0 - rows[k].y0));
  const firstData = rows.findIndex((r) => r.slots.some((s) => s.words.some((w) => isNumeric(w.text))));
  const out: Row[] = [rows[0]];
  for (let k = 1; k < rows.length; k++) {
    const row = rows[k];
    const above = out[out.length - 1];
    const join = byRules
      ? !ruledBetween(rows[k - 1], row)
      : k <= firstData || firstData < 0
        ? isWrappedHeader(above, row, rows[k - 1])
        : isWrappedLabel(row, rows[k - 1], pitch);
    if (join) merge(above, row);
    else out.push(row);
  }
  void columnCount;
  return out;
}

function isWrappedHeader(above: Row, row: Row, previousLine: Row): boolean {
  const gap = row.y0 - previousLine.y1;
  const size = Math.max(...row.slots.flatMap((s) => s.words.map((w) => w.y1 - w.y0)));
  if (gap > 0.5 * size) return false;
  return row.slots.every((s) => above.slots.some((a) => a.c0 === s.c0 && a.c1 === s.c1)) && !row.slots.some((s) => s.words.some((w) => isNumeric(w.text)));
}

function isWrappedLabel(row: Row, previousLine: Row, pitch: number): boolean {
  if (row.slots.some((s) => s.words.some((w) => isNumeric(w.text)))) return false;
  return row.y0 - previousLine.y0 < 0.8 * pitch;
}

function merge(into: Row, row: Row): void {
  for (const s of row.slots) {
    const same = into.slots.find((a) => a.c0 <= s.c1 && a.c1 >= s.c0);
    if (same) {
      same.words.push(...s.words);
      same.c0 = Math.min(same.c0, s.c0);
      same.c1 = Math.max(same.c1, s.c1);
    } else into.slots.push(s);
  }
  into.slots.sort((a, b) => a.c0 - b.c0);
  into.y1 = Math.max(into.y1, row.y1);
}
