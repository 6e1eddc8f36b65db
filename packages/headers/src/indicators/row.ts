/**
 * One row under an indicator header → one IndicatorRecord, or null for rows that are not
 * indicators (totals, remarks, rows with no indicator name or no value).
 */
import type { Cell, Diagnostic, IndicatorRecord, IndicatorStage, TableUnit } from '@govdocs/core';
import { cellPosition, cleanText, exactlyOneOf, fenToYuan, noSpaces, parseNumber, Reporter, toFen, TOTAL_WORDS } from '@govdocs/core';
import { cleanLabel, stripOrdinal } from '../normalize.js';
import type { Role, Roles } from './columns.js';
import { ownTexts, type Dense } from './dense.js';
import { splitRunTogether } from './levels.js';
import { operatorOf, readScore, readTarget, splitWeight } from './values.js';

export interface IndicatorContext {
  documentId: string;
  tableId: string;
  /** Source path, for diagnostics. */
  file: string;
  /** The unit the table states, for project funds (项目总额 in 万元). */
  unit?: TableUnit | null;
}

/** What earlier rows and grids of the document said: a 项目名称 row often sits in a grid of its own. */
export interface IndicatorMemory {
  project: string | null;
  /** Funds printed in the project's header block (实施期资金总额), in yuan. */
  amount: number | null;
  /** Indicators have been read under `project` since it was set. */
  used: boolean;
  /** The section the previous grid ended in: a table cut at a page break goes on in the next grid. */
  open: Section | null;
}

export interface Section {
  roles: Roles;
  /** Level texts of the row above (for inheritance). */
  levels: [string | null, string | null, string | null];
  stage: IndicatorStage;
  /** Indicators listed as text in the level3 column (see listing.ts), not one per row. */
  listing: boolean;
  /** The project (and its funds) of the row above, for rows under a merged or blank project cell. */
  project: string | null;
  amount: number | null;
  /** The cell the project was read from, and whether rows since gave no indicator (a name wrapped over rows). */
  projectCell: Cell | null;
  pieces: boolean;
  /** The unit of the table the section started in (a continuation grid has no title or unit line). */
  unit: TableUnit | null;
  /** Last page the section reached, to tell a continuation on the next page. */
  page: number | null;
}

export function newSection(roles: Roles, stage: IndicatorStage, unit: TableUnit | null, listing = false): Section {
  return { roles, levels: [null, null, null], stage, listing, project: null, amount: null, projectCell: null, pieces: false, unit, page: null };
}

const TOTAL_ROW = exactlyOneOf([...TOTAL_WORDS, '总分', '得分合计', '总得分', '自评总分']);

export function readRow(dense: Dense, r: number, s: Section, ctx: IndicatorContext, memory: IndicatorMemory, diagnostics: Diagnostic[]): IndicatorRecord | null {
  const at = realign(dense, r, s.roles);
  const text = (c: number | undefined) => (c === undefined ? '' : at(c).text);
  const first = ownTexts(dense, r).find(Boolean);
  if (first && TOTAL_ROW.test(noSpaces(first))) {
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
  const [project, amount] = projectOf(dense, r, s, memory, !!levels.level3 && hasValues);
  if (!levels.level3 || !hasValues) return null;

  // 符号 = 文字描述 with the words in the 单位（文字描述） column: the words are the target.
  const wordsInUnit = !targetCell && !!unitCell && !operatorOf(operatorCell) && !!operatorCell;
  const target = readTarget(wordsInUnit ? unitCell : targetCell);
  const weight = levels.weight ?? score(weightCell, r, s.roles.weight, 'weight', dense, ctx, diagnostics);
  return {
    documentId: ctx.documentId,
    tableId: ctx.tableId,
    project,
    amount,
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
    stage: s.stage,
    source: sourceOf(dense.cover[r][s.roles.level3 ?? 0] ?? dense.cover[r].find(Boolean), r),
  };
}

/**
 * The row's project and funds: from the table's own 项目名称 column (a merged cell, or blank under
 * the row above), else from the 项目名称 rows before the header. A name printed over several
 * rows that give no indicator (a merged cell cut by a page break) is joined. Funds are kept for
 * targets only: a 自评表's funds block holds budget and spending side by side, not one amount.
 */
export function projectOf(dense: Dense, r: number, s: Section, memory: IndicatorMemory, indicator: boolean): [string | null, number | null] {
  const col = s.roles.project;
  if (col === undefined) {
    memory.used ||= indicator;
    return [memory.project, s.stage === 'target' ? memory.amount : null];
  }
  const cell = dense.cover[r][col];
  const name = projectName(cell?.text ?? '');
  if (name && cell !== s.projectCell) {
    s.project = s.pieces && s.project ? joinWrapped(s.project, name) : name;
    s.projectCell = cell ?? null;
    const amount = amountOf(dense.cover[r][s.roles.amount ?? -1]?.text ?? '', s.unit);
    if (amount !== null || !s.pieces) s.amount = amount;
  } else if (s.pieces && s.roles.amount !== undefined) {
    s.amount = amountOf(dense.cover[r][s.roles.amount]?.text ?? '', s.unit) ?? s.amount;
  }
  s.pieces = !indicator && (!!name || s.pieces);
  return [s.project, s.stage === 'target' ? s.amount : null];
}

/** Two lines of one wrapped name: Han runs join directly, codes and words keep a space. */
function joinWrapped(a: string, b: string): string {
  return /[\u4e00-\u9fff）)]$/.test(a) && /^[\u4e00-\u9fff（(]/.test(b) ? a + b : `${a} ${b}`;
}

export function projectName(text: string): string | null {
  return cleanText(stripOrdinal(text)) || null;
}

/** A printed amount in the table's unit → yuan; null when blank, not a number or the unit is unknown. */
export function amountOf(text: string, unit: TableUnit | null): number | null {
  const n = parseNumber(text);
  if (!n || n.percent || !unit) return null;
  const fen = toFen(n, unit);
  return fen === undefined ? null : fenToYuan(fen);
}

const VALUE_ROLES: Role[] = ['operator', 'target', 'unit', 'actual', 'weight', 'score'];

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
 * no 三级指标 is an indicator named by its 二级指标. A table with one name column that prints
 * the levels run together (产出指标数量指标培训工作完成率) is split on the standard level names.
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
  if (names[2] && cols[0] === undefined && cols[1] === undefined) {
    const run = splitRunTogether(names[2]);
    if (run) return { ...run, weight: weights[2] };
  }
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
  diagnostics.push(new Reporter('headers', ctx.file).report('parse.indicator',
    `indicator row ${r}: the ${what} cell "${text}" is not a number; the ${what} is left empty — check the row in the source`,
    { row: r, ...(col !== undefined ? { col } : {}), ...(cell ? cellPosition(cell) : {}) }, { tableId: ctx.tableId }));
  return null;
}

export function sourceOf(cell: Cell | undefined, r: number): IndicatorRecord['source'] {
  return { row: r, ...(cell ? cellPosition(cell) : {}) };
}
