/**
 * One grid → its performance indicators (绩效指标): one record per indicator row under a header
 * that names the levels (一级/二级/三级指标 or 目标指标). A grid may hold several project tables
 * one after another (each with its 项目名称 rows, funds block and header); rows above a header are
 * context. Levels left blank (merged cells; text dumps print them empty) inherit the row above.
 */
import type { Cell, Diagnostic, Grid, IndicatorRecord } from '@govdocs/core';
import { cellPosition } from '@govdocs/core';
import { cleanLabel } from '../normalize.js';
import { isIndicatorHeader, rowRoles, shiftRight, subHeaderRoles, withSubHeader, type Role, type Roles } from './columns.js';
import { operatorOf, readScore, readTarget, splitWeight } from './values.js';

export interface IndicatorContext {
  documentId: string;
  tableId: string;
  /** Source path, for diagnostics. */
  file: string;
}

/** What earlier grids of the document said: a 项目名称 row often sits in a grid of its own. */
export interface IndicatorMemory {
  project: string | null;
  /** The section the previous grid ended in: a table cut at a blank line goes on in the next grid. */
  open: Section | null;
}

export function newIndicatorMemory(): IndicatorMemory {
  return { project: null, open: null };
}

export interface ReadIndicators {
  indicators: IndicatorRecord[];
  diagnostics: Diagnostic[];
}

/** Grids larger than this are not scanned for indicators (sparse spreadsheets). */
const MAX_AREA = 1_000_000;
const TOTAL_ROW = /^(总分|合计|总计|小计|得分合计|总得分|自评总分)$/;
const PROJECT_WORD = /^项目名称[:：]?(.*)$/;
const DEPARTMENT_TABLE = /部门整体|整体支出/;

interface Dense {
  rows: number;
  cols: number;
  cover: (Cell | undefined)[][];
}

export function readIndicators(grid: Grid, ctx: IndicatorContext, memory: IndicatorMemory = newIndicatorMemory()): ReadIndicators {
  const out: ReadIndicators = { indicators: [], diagnostics: [] };
  const open = memory.open;
  memory.open = null;
  noteLinesAbove(grid.before, memory);
  // Most grids are financial tables: a grid that names no 指标 and no 项目 is not read at all.
  if (!open && !grid.cells.some((c) => /指标|项目名称/.test(c.text))) return out;
  const dense = denseOf(grid);
  if (!dense) return out;
  let r = open && continues(grid, dense, open) ? readContinuation(dense, open, ctx, memory, out) : 0;
  while (r < dense.rows) {
    const texts = rowTexts(dense, r);
    noteContext(texts, memory);
    const roles = rowRoles(texts);
    if (!isIndicatorHeader(roles)) { r++; continue; }
    r = readSection(dense, r, roles, ctx, memory, out);
  }
  return out;
}

/** 项目名称：… and 部门整体 titles in the text lines above a grid. */
function noteLinesAbove(lines: string[], memory: IndicatorMemory): void {
  if (lines.some((l) => DEPARTMENT_TABLE.test(l))) memory.project = null;
  for (const line of lines) {
    const m = PROJECT_WORD.exec(line.replace(/[\s\u3000]+/g, ''));
    if (m?.[1]) memory.project = cleanLabel(m[1]);
  }
}

/** Project name rows and table titles above a header. */
function noteContext(texts: string[], memory: IndicatorMemory): void {
  const own = texts.filter((t, c) => t && texts[c - 1] !== t);
  if (own.length === 1 && DEPARTMENT_TABLE.test(own[0]) && /绩效/.test(own[0])) memory.project = null;
  // 项目名称 | name (| 年度 | 2023) is a key/value row; a wider row is the header of a project list.
  if (own.length > 4) return;
  for (let i = 0; i < own.length; i++) {
    const m = PROJECT_WORD.exec(own[i].replace(/[\s\u3000]+/g, ''));
    if (!m) continue;
    const name = m[1] || own[i + 1];
    if (name && !/[:：]$/.test(name)) memory.project = cleanLabel(name);
  }
}

/**
 * A grid right under the last one (no text between but a stray wrapped word) and wide enough for
 * its columns may continue it.
 */
function continues(grid: Grid, dense: Dense, open: Section): boolean {
  const widest = Math.max(...(Object.values(open.roles) as number[]));
  return dense.cols > widest && grid.before.every((l) => l.trim().length <= 6 && !/表$/.test(l.trim()));
}

/**
 * Rows at the top of a grid read under the open section of the grid before; kept only when
 * its first row reads as an indicator (else the grid is something else and is read afresh).
 */
function readContinuation(dense: Dense, open: Section, ctx: IndicatorContext, memory: IndicatorMemory, out: ReadIndicators): number {
  const end = sectionEnd(dense, 0);
  const section: Section = { roles: open.roles, levels: [...open.levels] };
  const read: ReadIndicators = { indicators: [], diagnostics: [] };
  const first = firstContentRow(dense);
  let firstRead = false;
  for (let r = 0; r < end; r++) {
    const record = readRow(dense, r, section, ctx, memory, read.diagnostics);
    if (record) read.indicators.push(record);
    if (r === first) firstRead = !!record;
  }
  if (!firstRead) return 0;
  out.indicators.push(...read.indicators);
  out.diagnostics.push(...read.diagnostics);
  if (end === dense.rows) memory.open = section;
  return end;
}

export interface Section {
  roles: Roles;
  /** Level texts of the row above (for inheritance). */
  levels: [string | null, string | null, string | null];
}

/** Reads the rows under the header at `h`; returns the first row after the section. */
function readSection(dense: Dense, h: number, header: Roles, ctx: IndicatorContext, memory: IndicatorMemory, out: ReadIndicators): number {
  let roles = withUpperRow(dense, h, header);
  let r = h + 1;
  const subTexts = r < dense.rows ? ownTexts(dense, r) : [];
  const sub = subHeaderRoles(subTexts, header);
  if (sub) {
    const cols = Object.values(sub) as number[];
    const [first, last] = [Math.min(...cols), Math.max(...cols)];
    // The parent header covers its sub-columns when it spans them or a dump kept them blank.
    const covered = dense.cover[h].slice(first + 1, last + 1).every((cell) => !cell || cell === dense.cover[h][first]);
    roles = withSubHeader(header, sub, covered);
    r++;
  }
  const end = sectionEnd(dense, r);
  roles = widenForUnits(dense, roles, r, end);
  const section: Section = { roles, levels: [null, null, null] };
  for (; r < end; r++) {
    const record = readRow(dense, r, section, ctx, memory, out.diagnostics);
    if (record) out.indicators.push(record);
  }
  if (end === dense.rows) memory.open = section;
  return end;
}

/**
 * A two-row header whose upper row names the columns the level row leaves blank (绩效指标 |  |  |
 * 年度指标值 | … | 实际完成值 | 分值 | 得分 above 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
 * 度量单位): those columns take their role from the upper row.
 */
function withUpperRow(dense: Dense, h: number, header: Roles): Roles {
  if (h === 0) return header;
  const texts = rowTexts(dense, h - 1);
  if (texts.some((t) => /^[\d.,%\s]+$/.test(t))) return header;
  const upper = rowRoles(texts);
  const taken = new Set(Object.values(header));
  const out: Roles = { ...header };
  for (const [role, c] of Object.entries(upper) as [Role, number][]) {
    if (role.startsWith('level') || out[role] !== undefined || taken.has(c)) continue;
    out[role] = c;
    taken.add(c);
  }
  return out;
}

/** The section ends at the next header, 项目名称 row or single-cell title row. */
function sectionEnd(dense: Dense, from: number): number {
  for (let r = from; r < dense.rows; r++) {
    const texts = rowTexts(dense, r);
    if (isIndicatorHeader(rowRoles(texts))) return r;
    const own = ownTexts(dense, r).filter(Boolean);
    if (own.some((t) => PROJECT_WORD.test(t.replace(/[\s\u3000]+/g, '')))) return r;
    if (own.length === 1 && /绩效.*表$/.test(own[0])) return r;
  }
  return dense.rows;
}

/**
 * A text dump that lost the span of 指标值 over a value and a unit column prints the unit in
 * a column the header does not name, pushing later columns along: if data reach past the header
 * and the column after the target holds units, that column is the unit.
 */
function widenForUnits(dense: Dense, roles: Roles, from: number, to: number): Roles {
  const t = roles.target;
  if (t === undefined || roles.unit !== undefined) return roles;
  const last = Math.max(...(Object.values(roles) as number[]));
  let widest = -1;
  let units = 0;
  let filled = 0;
  for (let r = from; r < to; r++) {
    const cells = dense.cover[r];
    for (let c = cells.length - 1; c >= 0; c--) if (cells[c]?.text.trim()) { widest = Math.max(widest, c); break; }
    const next = cells[t + 1]?.text.trim();
    if (next) {
      filled++;
      if (/^(%|‰|[\u4e00-\u9fffA-Za-z/²³]{1,4})$/.test(next.normalize('NFKC')) && !/[是否无有]/.test(next)) units++;
    }
  }
  if (widest <= last || filled === 0 || units * 2 < filled) return roles;
  return { ...shiftRight(roles, t, 1), unit: t + 1 };
}

function readRow(dense: Dense, r: number, s: Section, ctx: IndicatorContext, memory: IndicatorMemory, diagnostics: Diagnostic[]): IndicatorRecord | null {
  const at = realign(dense, r, s.roles);
  const text = (c: number | undefined) => (c === undefined ? '' : at(c).text);
  const first = ownTexts(dense, r).find(Boolean);
  if (first && TOTAL_ROW.test(first.replace(/[\s\u3000]+/g, ''))) {
    // Figures under a 总分 row belong to the total, not to the last indicator.
    s.levels = [null, null, null];
    return null;
  }
  if (isRemarkRow(dense, r, s.roles)) return null;

  const levels = readLevels(s, at);
  const operatorCell = text(s.roles.operator);
  const targetCell = text(s.roles.target);
  const unitCell = text(s.roles.unit);
  const actual = text(s.roles.actual) || null;
  const scoreCell = text(s.roles.score);
  const weightCell = s.roles.weight !== undefined && s.roles.weight > (s.roles.level3 ?? -1) ? text(s.roles.weight) : '';
  const hasValues = [operatorCell, targetCell, actual, scoreCell, weightCell].some(Boolean);
  if (!levels.level3 || !hasValues) return null;

  // 符号 = 文字描述 with the words in the 单位（文字描述） column: the words are the target.
  const wordsInUnit = !targetCell && !!unitCell && !operatorOf(operatorCell) && !!operatorCell;
  const target = readTarget(wordsInUnit ? unitCell : targetCell);
  const weight = levels.weight ?? score(weightCell, r, s.roles.weight, 'weight', dense, ctx, diagnostics);
  return {
    documentId: ctx.documentId,
    tableId: ctx.tableId,
    project: memory.project,
    level1: levels.level1,
    level2: levels.level2,
    level3: levels.level3,
    operator: operatorOf(operatorCell) ?? target.operator,
    target: target.target,
    targetValue: target.value,
    unit: (!wordsInUnit && unitCell) || target.unit,
    actual,
    weight,
    score: score(scoreCell, r, s.roles.score, 'score', dense, ctx, diagnostics),
    note: text(s.roles.note) || null,
    source: sourceOf(dense.cover[r][s.roles.level3 ?? 0] ?? dense.cover[r].find(Boolean), r),
  };
}

const VALUE_ROLES = ['operator', 'target', 'unit', 'actual', 'weight', 'score'] as const;

/** One merged cell across the value columns (其他需要说明的事项 | …, 备注：…) is a remark, not an indicator. */
function isRemarkRow(dense: Dense, r: number, roles: Roles): boolean {
  const cells = new Set<Cell>();
  let covered = 0;
  for (const role of VALUE_ROLES) {
    const c = roles[role];
    const cell = c === undefined ? undefined : dense.cover[r][c];
    if (!cell?.text.trim()) continue;
    cells.add(cell);
    covered++;
  }
  return cells.size === 1 && covered >= 2;
}

interface Levels {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  /** A weight printed in the indicator's own name (督查暗访（3分）). */
  weight: number | null;
}

/**
 * Levels of a row: own text, or the text above when blank. A level never inherits across a
 * new parent (a merged child cannot span two parents), so a row that names a new 二级指标 and
 * no 三级指标 is an indicator named by its 二级指标.
 */
function readLevels(s: Section, at: (c: number) => Slot): Levels {
  const cols = [s.roles.level1, s.roles.level2, s.roles.level3];
  const names: (string | null)[] = [null, null, null];
  const weights: (number | null)[] = [null, null, null];
  const own = [false, false, false];
  let newParent = false;
  for (let i = 0; i < 3; i++) {
    const c = cols[i];
    const slot = c === undefined ? { text: '', own: false } : at(c);
    if (slot.text) {
      const split = splitWeight(cleanLabel(slot.text));
      names[i] = split.name;
      weights[i] = split.weight;
      own[i] = slot.own;
      if (slot.own && split.name !== s.levels[i]) newParent = true;
    } else if (!newParent && c !== undefined) {
      names[i] = s.levels[i];
    }
  }
  s.levels = [names[0], names[1], names[2]];
  if (names[2]) return { level1: names[0], level2: names[1], level3: names[2], weight: own[2] ? weights[2] : null };
  // No 三级 on this row: the deepest level printed on it names the indicator.
  const k = own[1] ? 1 : own[0] ? 0 : -1;
  return { level1: names[0], level2: names[1], level3: k < 0 ? null : names[k], weight: k < 0 ? null : weights[k] };
}

interface Slot {
  text: string;
  /** The cell starts in this row (not a merged cell reaching down from above). */
  own: boolean;
}

const NUMERIC_ROLES = ['weight', 'score'] as const;

/**
 * A row printed shifted left, with the blank cells of its merged levels left out and blanks
 * added at the end (成本指标（6） | 资金使用合规性（6分） | 合规 | 合规 | 6 under a header whose
 * score column is further right), is read moved right: only when its words then sit in number
 * columns no more and its last number lands in the score column.
 */
function realign(dense: Dense, r: number, roles: Roles): (c: number) => Slot {
  const cells = dense.cover[r];
  const plainAt = (c: number): Slot => {
    const cell = cells[c];
    return { text: cell?.text.trim() ?? '', own: !!cell && cell.r === r };
  };
  const sc = roles.score;
  if (sc === undefined || conflicts(plainAt, roles) === 0) return plainAt;
  let last = -1;
  for (let c = cells.length - 1; c >= 0; c--) if (cells[c]?.text.trim()) { last = c; break; }
  if (last < 0 || last >= sc || readScore(cells[last]!.text) == null) return plainAt;
  const by = sc - last;
  const shifted = (c: number): Slot => (c - by >= 0 ? plainAt(c - by) : { text: '', own: false });
  return conflicts(shifted, roles) === 0 ? shifted : plainAt;
}

/** Number columns (weight, score) holding words: the sign of a row read in the wrong columns. */
function conflicts(at: (c: number) => Slot, roles: Roles): number {
  let n = 0;
  for (const role of NUMERIC_ROLES) {
    const c = roles[role];
    if (c !== undefined && readScore(at(c).text) === undefined) n++;
  }
  return n;
}

function score(text: string, r: number, col: number | undefined, what: string, dense: Dense, ctx: IndicatorContext, diagnostics: Diagnostic[]): number | null {
  const n = readScore(text);
  if (n !== undefined) return n;
  const cell = col === undefined ? undefined : dense.cover[r][col];
  diagnostics.push({
    rule: 'parse.indicator', severity: 'warning', stage: 'headers', tableId: ctx.tableId,
    place: { file: ctx.file, row: r, ...(col !== undefined ? { col } : {}), ...(cell ? cellPosition(cell) : {}) },
    message: `indicator row ${r}: the ${what} cell "${text}" is not a number; the ${what} is left empty — check the row in the source`,
  });
  return null;
}

function sourceOf(cell: Cell | undefined, r: number): IndicatorRecord['source'] {
  return { row: r, ...(cell ? cellPosition(cell) : {}) };
}


function denseOf(grid: Grid): Dense | null {
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

function firstContentRow(dense: Dense): number {
  return dense.cover.findIndex((row) => row.some((c) => c?.text.trim()));
}

/** Texts of a row by column, spanning cells repeated under every column they cover. */
function rowTexts(dense: Dense, r: number): string[] {
  return dense.cover[r].map((c) => c?.text.trim() ?? '');
}

/** Texts of the cells that start in this row (not those reaching down from above). */
function ownTexts(dense: Dense, r: number): string[] {
  return dense.cover[r].map((c) => (c && c.r === r ? c.text.trim() : ''));
}
