/**
 * One grid → its performance indicators (绩效指标): one record per indicator row under a header
 * that names the levels (一级/二级/三级指标 or 目标指标), or one per item where a cell lists them as
 * text (listing.ts). A grid may hold several project tables one after another (each with its
 * 项目名称 rows, funds block and header); rows above a header are context. Levels left blank
 * (merged cells; text dumps print them empty) inherit the row above. A table cut by a page break
 * goes on in the next grid, past the stray fragments a page break leaves (a merged 项目名称 or
 * 绩效目标 cell printed again at the foot of the page).
 */
import { noSpaces, type Diagnostic, type Grid, type IndicatorRecord } from '@govdocs/core';
import { isTitle } from '../context.js';
import { cleanLabel } from '../normalize.js';
import { isIndicatorHeader, rowRoles, shiftRight, stageOf, subHeaderRoles, withSubHeader, type Role, type Roles } from './columns.js';
import { denseOf, ownTexts, rowTexts, type Dense } from './dense.js';
import { readListing } from './listing.js';
import { readTarget } from './values.js';
import { amountOf, newSection, projectOf, readRow, sourceOf, type IndicatorContext, type IndicatorMemory, type Section } from './row.js';

export type { IndicatorContext, IndicatorMemory } from './row.js';

export function newIndicatorMemory(): IndicatorMemory {
  return { project: null, amount: null, used: false, open: null };
}

export interface ReadIndicators {
  indicators: IndicatorRecord[];
  diagnostics: Diagnostic[];
  /** The grid belongs to an indicator table even where it gave no indicator (a page-break fragment). */
  claimed: boolean;
}

const PROJECT_WORD = /^项目名称[:：]?(.*)$/;
/** Words of a key/value block that are labels, never a project's name (项目名称 | | 主管部门 | …). */
const LABEL_WORD = /^(主管部门|资金主管部门|实施单位|项目单位|预算单位|项目负责人|联系电话|项目属性|项目类型|年度|项目期)[:：]?$/;
const FUNDS_WORD = /^(实施期|年度|本年|当年)?(资金总额|项目总额|预算总额)[:：]?$/;
const DEPARTMENT_TABLE = /部门整体|整体支出/;

export function readIndicators(grid: Grid, ctx: IndicatorContext, memory: IndicatorMemory = newIndicatorMemory()): ReadIndicators {
  const out: ReadIndicators = { indicators: [], diagnostics: [], claimed: false };
  const open = memory.open;
  memory.open = null;
  const titled = grid.before.some((l) => isTitle(l.trim()));
  noteLinesAbove(grid.before, titled, memory);
  // Most grids are financial tables: a grid that names no 指标 and no 项目 is not read at all.
  if (!open && !grid.cells.some((c) => /指标|项目名称/.test(c.text))) return out;
  const dense = denseOf(grid);
  if (!dense) return out;
  let r = 0;
  if (open && !titled && continues(grid, dense, open)) {
    r = readContinuation(dense, open, ctx, memory, out);
    out.claimed = r > 0;
  }
  while (r < dense.rows) {
    const texts = rowTexts(dense, r);
    noteContext(texts, ctx, memory);
    const roles = rowRoles(texts);
    if (isIndicatorHeader(roles)) r = readSection(dense, r, roles, ctx, memory, out);
    else if (isListingHeader(roles)) r = readListingSection(dense, r, roles, ctx, memory, out);
    else r++;
  }
  if (out.indicators.length > 0) out.claimed = true;
  // A fragment left at a page break (no title, no header, nothing read) keeps the table open.
  if (open && !titled && !out.claimed && isFragment(grid, dense, open)) {
    memory.open = open;
    out.claimed = true;
  }
  return out;
}

/**
 * 项目名称：… and table titles in the text lines above a grid. A new table starts a new project
 * once the last one named has had its indicators (a 项目名称 block, then the title of its
 * 绩效指标表 part, then the indicators, is one project).
 */
function noteLinesAbove(lines: string[], titled: boolean, memory: IndicatorMemory): void {
  if ((titled && memory.used) || lines.some((l) => DEPARTMENT_TABLE.test(l))) setProject(memory, null);
  for (const line of lines) {
    const m = PROJECT_WORD.exec(noSpaces(line));
    if (m?.[1]) setProject(memory, cleanLabel(m[1]));
  }
}

function setProject(memory: IndicatorMemory, project: string | null): void {
  memory.project = project;
  memory.amount = null;
  memory.used = false;
}

/** Project name rows, funds rows and table titles above a header. */
function noteContext(texts: string[], ctx: IndicatorContext, memory: IndicatorMemory): void {
  const own = texts.filter((t, c) => t && texts[c - 1] !== t);
  if (own.length === 1 && DEPARTMENT_TABLE.test(own[0]) && /绩效/.test(own[0])) setProject(memory, null);
  // 项目名称 | name (| 年度 | 2023) is a key/value row; a wider row is the header of a project list.
  if (own.length > 4) return;
  for (let i = 0; i < own.length; i++) {
    const word = noSpaces(own[i]);
    const m = PROJECT_WORD.exec(word);
    if (m) {
      const name = m[1] || own[i + 1];
      if (name && !/[:：]$/.test(name) && !LABEL_WORD.test(name)) setProject(memory, cleanLabel(name));
    } else if (FUNDS_WORD.test(word) && i + 1 < own.length) {
      memory.amount = amountOf(own[i + 1], unitInLabel(own.join(' ')) ?? ctx.unit ?? null);
    }
  }
}

function unitInLabel(text: string): IndicatorContext['unit'] {
  const m = /[（(]\s*(万元|千元|元)\s*[)）]/.exec(text);
  return m ? ({ 万元: 'ten_thousand_yuan', 千元: 'thousand_yuan', 元: 'yuan' } as const)[m[1] as '万元' | '千元' | '元'] : null;
}

/** A grid wide enough for the open section's columns, on its page or the next, may continue it. */
function continues(grid: Grid, dense: Dense, open: Section): boolean {
  const widest = Math.max(...(Object.values(open.roles) as number[]));
  return dense.cols > widest && nearPage(grid, open) && grid.before.every((l) => l.trim().length <= 40);
}

function nearPage(grid: Grid, open: Section): boolean {
  const page = grid.pages[0];
  return open.page === null || page === undefined || page === open.page || page === open.page + 1;
}

/** A small untitled grid with no indicator header, on the open section's page or the next. */
function isFragment(grid: Grid, dense: Dense, open: Section): boolean {
  if (!nearPage(grid, open) || open.page === null) return false;
  for (let r = 0; r < dense.rows; r++) if (isIndicatorHeader(rowRoles(rowTexts(dense, r)))) return false;
  return dense.rows <= 12;
}

/**
 * Rows at the top of a grid read under the open section of the grid before; kept only when its
 * first row with words in the indicator columns reads as an indicator (rows above it may hold the
 * rest of a wrapped project name). Else the grid is something else and is read afresh.
 */
function readContinuation(dense: Dense, open: Section, ctx: IndicatorContext, memory: IndicatorMemory, out: ReadIndicators): number {
  const end = sectionEnd(dense, 0);
  const section: Section = { ...open, levels: [...open.levels] };
  const read: IndicatorRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const cols = INDICATOR_ROLES.map((role) => section.roles[role]).filter((c): c is number => c !== undefined);
  let firstRead: boolean | null = null;
  for (let r = 0; r < end; r++) {
    const records = section.listing ? readListingRow(dense, r, section, ctx, memory) : [readRow(dense, r, section, ctx, memory, diagnostics)];
    for (const x of records) if (x) read.push(x);
    if (firstRead === null && cols.some((c) => dense.cover[r][c]?.text.trim())) firstRead = records.some(Boolean);
  }
  if (!firstRead) return 0;
  out.indicators.push(...read);
  out.diagnostics.push(...diagnostics);
  keepOpen(dense, end, section, read, memory);
  return end;
}

const INDICATOR_ROLES: Role[] = ['level1', 'level2', 'level3', 'operator', 'target', 'unit', 'actual', 'weight', 'score'];

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
  const section = newSection(roles, stageOf(roles), ctx.unit ?? null);
  const read: IndicatorRecord[] = [];
  for (; r < end; r++) {
    const record = readRow(dense, r, section, ctx, memory, out.diagnostics);
    if (record) read.push(record);
  }
  out.indicators.push(...read);
  keepOpen(dense, end, section, read, memory);
  return end;
}

/** A header naming a project and one 绩效指标 column, no levels and no target: a listing table. */
function isListingHeader(roles: Roles): boolean {
  return roles.project !== undefined && roles.level3 !== undefined && roles.level1 === undefined && roles.level2 === undefined && roles.target === undefined;
}

function readListingSection(dense: Dense, h: number, roles: Roles, ctx: IndicatorContext, memory: IndicatorMemory, out: ReadIndicators): number {
  const end = sectionEnd(dense, h + 1);
  const section = newSection(roles, 'target', ctx.unit ?? null, true);
  const read: IndicatorRecord[] = [];
  for (let r = h + 1; r < end; r++) read.push(...readListingRow(dense, r, section, ctx, memory));
  // A header over rows that list nothing is some other table: read on from its next row.
  if (read.length === 0) return h + 1;
  out.indicators.push(...read);
  keepOpen(dense, end, section, read, memory);
  return end;
}

function readListingRow(dense: Dense, r: number, s: Section, ctx: IndicatorContext, memory: IndicatorMemory): IndicatorRecord[] {
  const cell = dense.cover[r][s.roles.level3!];
  if (!cell || cell.r !== r) return [];
  const items = readListing(cell.text);
  if (items.length === 0) return [];
  const [project, amount] = projectOf(dense, r, s, memory, true);
  return items.map((item) => ({
    documentId: ctx.documentId,
    tableId: ctx.tableId,
    project,
    amount,
    level1: item.level1,
    level2: item.level2,
    level3: item.level3,
    ...targetOf(item.target),
    actual: null,
    weight: null,
    score: null,
    note: item.others.join('；') || null,
    stage: s.stage,
    source: sourceOf(cell, r),
  }));
}

function targetOf(printed: string | null): Pick<IndicatorRecord, 'operator' | 'target' | 'targetValue' | 'unit'> {
  const t = readTarget(printed ?? '');
  return { operator: t.operator, target: t.target, targetValue: t.value, unit: t.unit };
}

/** A section that ran to the grid's end stays open for the next grid. */
function keepOpen(dense: Dense, end: number, section: Section, read: IndicatorRecord[], memory: IndicatorMemory): void {
  if (end !== dense.rows) return;
  const pages = read.map((x) => x.source.page).filter((p): p is number => p !== undefined);
  if (pages.length > 0) section.page = Math.max(...pages);
  memory.open = section;
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
    if (role.startsWith('level') || role === 'project' || role === 'amount' || out[role] !== undefined || taken.has(c)) continue;
    out[role] = c;
    taken.add(c);
  }
  return out;
}

/** The section ends at the next header, 项目名称 row or single-cell title row. */
function sectionEnd(dense: Dense, from: number): number {
  for (let r = from; r < dense.rows; r++) {
    const roles = rowRoles(rowTexts(dense, r));
    if (isIndicatorHeader(roles) || isListingHeader(roles)) return r;
    const own = ownTexts(dense, r).filter(Boolean);
    if (own.some((t) => PROJECT_WORD.test(noSpaces(t)))) return r;
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
