/**
 * Borderless tables from text alignment. A run of lines with several words each is a table;
 * its columns are the x-ranges where words of many rows lie (a header word that spans
 * several columns is left out when finding them), its rows are text lines, with wrapped
 * lines joined to the row they belong to.
 */
import type { RuleLine } from '@govdocs/core';
import type { PageCell, PageTable } from './table.js';
import { boxOf, cellText, isNumeric, type Line, type Word } from './words.js';
import { completeHeader } from './header-spans.js';
import { joinWrappedRows, tableDecimals, type Row, type Slot } from './rows.js';

export type Segment = { type: 'text'; line: Line } | { type: 'table'; table: PageTable };

/** Lines naming a table (部门：…  金额单位：元) are never rows of it. */
const CONTEXT = /^(?:(?:金额|计量)?单位|部门|编制单位|编制部门|填报单位|预算单位|单位名称)\s*[:：]/;

/** Notes under a table (注：…, 说明：…) are never rows or wrapped labels of it. */
const NOTE = /^(?:注|说明|备注|填报说明)\s*[:：]|^注\s*\d/;

export function isContextLine(line: Line): boolean {
  if (line.words.some((w) => CONTEXT.test(w.text)) || NOTE.test(line.words[0].text)) return true;
  // 单位负责人：…  财务负责人：…  制表人：…: a line of captioned values, not a table row.
  return line.words.length >= 2 && line.words.every((w) => /^[^:：\d]{1,8}[:：]/.test(w.text));
}

function isTabular(line: Line): boolean {
  return line.words.length >= 2 && !isContextLine(line);
}

export function streamSegments(page: number, lines: Line[], rules: RuleLine[], pageHeight = Infinity): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let floor = 0;
  while (i < lines.length) {
    const run = tableRun(lines, i, floor, rules, pageHeight);
    if (!run) {
      out.push({ type: 'text', line: lines[i] });
      i++;
      continue;
    }
    // Lines above `i` taken into the table (a header line) were passed on as text: take them back.
    out.splice(out.length - (i - run.start), i - run.start);
    const table = buildTable(page, lines.slice(run.start, run.end), rules);
    if (table) out.push({ type: 'table', table });
    else for (let k = run.start; k < run.end; k++) out.push({ type: 'text', line: lines[k] });
    i = floor = run.end;
  }
  return out;
}

/** The next run of table lines at or after `from`, or null when the line at `from` starts none. */
function tableRun(
  lines: Line[],
  from: number,
  floor: number,
  rules: RuleLine[],
  pageHeight: number,
): { start: number; end: number } | null {
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
  while (
    end < lines.length &&
    lines[end].words.length === 1 &&
    !isContextLine(lines[end]) &&
    lines[end].y0 - lines[end - 1].y1 < 0.35 * size
  )
    end++;
  end = extendToRule(lines, lastTabular, end, rules, size);
  let start = from;
  // A header line above the first row that holds one spanning word (支出功能分类科目编码).
  while (start > floor) {
    const above = lines[start - 1];
    const gap = lines[start].y0 - above.y1;
    if (above.words.length !== 1 || isContextLine(above) || gap > 0.6 * size || above.size > 1.15 * size) break;
    start--;
  }
  const tabular = lines.slice(start, end).filter(isTabular);
  // One row alone is a table when it reads like one (a row carried over to the next page).
  const oneRow = tabular.length === 1 && tabular[0].words.some((w) => isNumeric(w.text));
  // One header line alone at the foot of a page: its rows start on the next page.
  const footHeader =
    tabular.length === 1 && tabular[0].words.length >= 3 && lines.slice(end).every((l) => l.y0 > 0.9 * pageHeight);
  return tabular.length >= 2 || oneRow || footHeader ? { start, end } : null;
}

/**
 * A table closed by a horizontal rule (三线表) takes the lines above that rule, rows with a label
 * and no figures among them (其他收入 with its figures left blank).
 */
function extendToRule(lines: Line[], lastTabular: number, end: number, rules: RuleLine[], size: number): number {
  const row = lines[lastTabular];
  const x0 = Math.min(...row.words.map((w) => w.x0));
  const x1 = Math.max(...row.words.map((w) => w.x1));
  const below = rules
    .filter((r) => r.y0 === r.y1 && r.y0 > row.y1 && r.x0 <= x0 + size && r.x1 >= x1 - size)
    .sort((a, b) => a.y0 - b.y0)[0];
  if (!below) return end;
  let k = end;
  while (
    k < lines.length &&
    lines[k].y1 <= below.y0 + 1 &&
    !isContextLine(lines[k]) &&
    lines[k].y0 - lines[k - 1].y1 < 2.5 * size
  )
    k++;
  return k;
}

function buildTable(page: number, lines: Line[], rules: RuleLine[]): PageTable | null {
  const words = lines.flatMap((l) => l.words);
  const columns = findColumns(words, lines);
  if (columns.length < 2) return null;
  const lineRows = lines.map((l) => toRow(l, columns));
  const decimals = tableDecimals(lineRows);
  const rows = joinWrappedRows(lineRows, rules, columns);
  const cells: PageCell[] = [];
  rows.forEach((row, r) => {
    for (const s of row.slots) {
      const text = cellText(s.words, decimals);
      if (text) cells.push({ r, c: s.c0, rs: 1, cs: s.c1 - s.c0 + 1, text, bbox: boxOf(s.words) });
    }
  });
  completeHeader(cells, rows.length, columns.length);
  cells.sort((a, b) => a.r - b.r || a.c - b.c);
  return {
    page,
    cells,
    method: 'stream',
    confidence: 0.6,
    bbox: boxOf(words),
    rowCount: rows.length,
    colCount: columns.length,
    columns,
  };
}

/**
 * Columns: x-ranges covered by words, merged where they overlap. A word that overlaps two
 * side-by-side words of other lines is a spanning header (a centred group title) and is left out.
 */
function findColumns(words: Word[], lines: Line[]): { x0: number; x1: number }[] {
  const lineOf = new Map<Word, number>();
  for (const [i, l] of lines.entries()) for (const w of l.words) lineOf.set(w, i);
  // Only header lines (above the first line with a figure) hold spanning group titles.
  const firstData = lines.findIndex((l) => l.words.some((w) => isNumeric(w.text)));
  const headerWords = firstData < 0 ? [] : lines.slice(0, firstData).flatMap((l) => l.words);
  const spanning = new Set<Word>();
  for (const w of headerWords) {
    const within = words
      .filter((o) => o !== w && lineOf.get(o) !== lineOf.get(w) && Math.min(o.x1, w.x1) - Math.max(o.x0, w.x0) > 1)
      .sort((a, b) => a.x0 - b.x0);
    for (let k = 1; k < within.length; k++) {
      if (within.slice(0, k).some((a) => within[k].x0 > a.x1 + 1)) {
        spanning.add(w);
        break;
      }
    }
  }
  const spans = words
    .filter((w) => !spanning.has(w))
    .map((w) => ({ x0: w.x0, x1: w.x1 }))
    .sort((a, b) => a.x0 - b.x0);
  const columns: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = columns[columns.length - 1];
    if (last && s.x0 <= last.x1 + 1.5) last.x1 = Math.max(last.x1, s.x1);
    else columns.push({ ...s });
  }
  return joinHeaderColumns(
    columns,
    headerWords.filter((w) => !spanning.has(w)),
    words.filter((w) => !headerWords.includes(w)),
  );
}

/**
 * A header centred over a wide column of left- or right-aligned figures does not overlap them:
 * a column holding only header words joins a neighbouring column holding only body words.
 */
function joinHeaderColumns(
  columns: { x0: number; x1: number }[],
  header: Word[],
  body: Word[],
): { x0: number; x1: number }[] {
  const has = (c: { x0: number; x1: number }, ws: Word[]) => ws.some((w) => w.x0 < c.x1 && w.x1 > c.x0);
  const kind = columns.map((c) => (has(c, header) ? 1 : 0) + (has(c, body) ? 2 : 0));
  const out: { x0: number; x1: number }[] = [];
  for (let i = 0; i < columns.length; i++) {
    const col = { ...columns[i] };
    const next = columns[i + 1];
    if (next && kind[i] + kind[i + 1] === 3) {
      // Join with the nearer neighbour only: the one on the left may want this column too.
      const leftGap = i > 0 && kind[i - 1] + kind[i] === 3 ? col.x0 - columns[i - 1].x1 : Infinity;
      if (next.x0 - col.x1 < leftGap) {
        out.push({ x0: col.x0, x1: next.x1 });
        i++;
        continue;
      }
    }
    const prev = out[out.length - 1];
    if (prev && i > 0 && kind[i - 1] + kind[i] === 3 && prev.x1 === columns[i - 1].x1) prev.x1 = col.x1;
    else out.push(col);
  }
  return out;
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
