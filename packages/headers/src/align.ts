/**
 * One grid → its table record and facts: rows split into context/header/data, header paths per
 * column, panels, measures, subjects, numbers. Works on any grid, whatever the source format.
 */
import { parseNumber } from '@govdocs/core';
import type { Cell, ColumnInfo, Diagnostic, FactRecord, Grid, Subject, TableKind, TableRecord, TableUnit } from '@govdocs/core';
import { planColumns, splitPanels, valueColumns, type ColumnPlan, type Panel } from './columns.js';
import { readTableContext, UNIT_WORDS } from './context.js';
import { buildHeader, headerContextCells, shiftHeader, type HeaderBlock } from './header.js';
import { kindFromShape, kindFromTitle } from './kind.js';
import { buildLayout, originAt, rowCells, textAt, type Layout } from './layout.js';
import { isKnownToken, measureOf, tokenOf } from './measure.js';
import { cleanLabel, noSpaces, stripOrdinal } from './normalize.js';
import { readValue, type ValueUnit } from './numbers.js';
import { planRows, type RowPlan } from './rows.js';
import { composeCode, functionClassByCode, functionClassByName, schemeOf, threePublicItem, type Scheme } from './subject.js';

export interface AlignContext {
  documentId: string;
  tableId: string;
  /** Source path, for diagnostics. */
  file: string;
}

export interface AlignedTable {
  table: TableRecord;
  facts: FactRecord[];
  diagnostics: Diagnostic[];
  /** Grid rows before the first data row (context + header), 0 when the grid has no header. */
  headerEnd: number;
}

interface Measured {
  col: ColumnPlan;
  panel: Panel;
  measure: string;
  /** A “三公” item when the columns are the items (one-row tables). */
  item: string | null;
  unit: ValueUnit | null;
  /** One-row “三公” tables: the header itself names the measure (预算数 › 公务接待费). */
  measureFromHeader?: boolean;
  /** True when the column's header states its own money unit (价值（万元）). */
  ownUnit: boolean;
}

export function alignGrid(grid: Grid, ctx: AlignContext): AlignedTable {
  const layout = buildLayout(grid);
  const plan = planRows(layout);
  const inGrid = plan.context.flatMap((r) => rowCells(layout, r).map((c) => c.text));
  const context = readTableContext(grid.before, [...inGrid, ...headerContextCells(layout, plan)]);
  const fitted = fitHeader(layout, plan);
  const { block, columns } = fitted;
  plan.data = joinWrappedLabels(layout, plan.data, columns);
  const panels = splitPanels(columns);
  const diagnostics: Diagnostic[] = [];
  const unit = context.unit ?? unitInHeader(block);

  const codeCols = columns.filter((c) => c.role === 'code');
  const scheme = schemeHint(columns);
  const hasCodes = codeCols.length > 0 && plan.data.some((r) => codeCols.some((c) => /^\d{3,7}$/.test(textAt(layout, r, c.col).trim())));
  const economicCodes = hasCodes && plan.data.some((r) => codeCols.some((c) => /^[35]\d{2}/.test(textAt(layout, r, c.col).trim())));
  nameIncomeExpenditurePanels(panels, layout, plan.data);
  const namesItem = (text: string) => (threePublicItem(text) ?? 'three_public.total') !== 'three_public.total';
  const threePublicCols = columns.filter((c) => c.role === 'value' && c.words.some(namesItem)).length;
  const threePublicRows = plan.data.filter((r) => panels.some((p) => namesItem(rowLabel(layout, r, p).text))).length;
  let kind: TableKind =
    kindFromTitle(context.title) ??
    kindFromShape({
      words: new Set(columns.flatMap((c) => c.words)),
      incomeExpenditurePanels: panels.length >= 2 && panels.some((p) => p.name === 'income') && panels.some((p) => p.name === 'expenditure'),
      panelCount: panels.length,
      hasCodes,
      economicCodes,
      threePublicItems: Math.max(threePublicCols, threePublicRows),
      indicatorRows: plan.data.some((r) => rowCells(layout, r).filter((c) => /^(一级指标|二级指标|三级指标)$/.test(noSpaces(c.text))).length >= 2),
    });
  if (panels.length >= 2 && (kind === 'summary' || kind === 'appropriation_summary')) nameByOrder(panels);

  const measured = measureColumns(panels, block, kind, threePublicCols >= 2, unit);
  const problem = alignmentProblem(layout, block, plan.data, measured, panels);
  if (problem && kind !== 'performance_indicators') {
    diagnostics.push({
      rule: 'parse.table', severity: 'warning', stage: 'headers', tableId: ctx.tableId,
      place: placeOf(ctx.file, grid.cells[0]),
      message: `table "${context.title ?? '(untitled)'}" could not be aligned: ${problem}; its cells are kept as kind other`,
    });
    kind = 'other';
  }

  if (fitted.shift !== 0 && !problem && kind !== 'performance_indicators') {
    diagnostics.push({
      rule: 'parse.header', severity: 'warning', stage: 'headers', tableId: ctx.tableId,
      place: placeOf(ctx.file, grid.cells[0]),
      message: `table "${context.title ?? '(untitled)'}": the header is printed ${Math.abs(fitted.shift)} column(s) ${fitted.shift > 0 ? 'left' : 'right'} of its data and was moved to fit; check the measures of this table against the source`,
    });
  }
  const shifted = !problem && kind !== 'performance_indicators' ? misalignedColumn(columns) : null;
  if (shifted) {
    diagnostics.push({
      rule: 'parse.header', severity: 'warning', stage: 'headers', tableId: ctx.tableId,
      place: placeOf(ctx.file, layout.cover[plan.data[0]]?.[shifted.col]),
      message: `table "${context.title ?? '(untitled)'}": column ${shifted.col} holds row labels under the header ${shifted.words.join(' › ')}, so the header looks shifted against the data; check the measures of this table against the source`,
    });
  }

  const facts: FactRecord[] = [];
  if (!problem && kind !== 'performance_indicators') {
    for (const r of plan.data) readRow(layout, r, measured, { kind, scheme, unit, ctx, facts, diagnostics });
  }

  const table: TableRecord = {
    id: ctx.tableId,
    documentId: ctx.documentId,
    kind,
    title: context.title,
    code: context.code,
    unit,
    department: context.department,
    pages: grid.pages,
    columns: columnInfo(columns, measured),
    rows: layout.rows,
    cells: grid.cells.map((c) => ({ ...c })),
  };
  const headerEnd = plan.header.length ? plan.header[plan.header.length - 1] + 1 : 0;
  return { table, facts, diagnostics, headerEnd };
}

/**
 * Header and column roles. A header printed shifted against its data (row labels under 合计)
 * is moved by the offset that puts no row labels under measure words and the most value
 * columns under known measure words; without such an offset it stays as printed.
 */
function fitHeader(layout: Layout, plan: RowPlan): { block: HeaderBlock; columns: ColumnPlan[]; shift: number } {
  const block = buildHeader(layout, plan);
  const index = [...plan.index];
  const columns = planColumns(layout, block, plan.data, index);
  if (!misalignedColumn(columns)) return { block, columns, shift: 0 };
  let best = { block, columns, shift: 0, score: 0 };
  for (const k of [1, -1, 2, -2]) {
    const moved = shiftHeader(block, k, layout.cols);
    const cols = planColumns(layout, moved, plan.data, index);
    if (misalignedColumn(cols)) continue;
    const score = fitScore(cols, columns);
    if (score > best.score) best = { block: moved, columns: cols, shift: k, score };
  }
  return best;
}

/**
 * How well a header fits its data: value columns under known measure words count for it; value
 * columns under label words (名称, 编码) or under nothing, and label/code columns turned into
 * value columns by the move, count against it.
 */
function fitScore(cols: ColumnPlan[], asPrinted: ColumnPlan[]): number {
  let score = 0;
  for (const c of cols) {
    if (c.role !== 'value' || c.filled === 0) continue;
    const last = c.words[c.words.length - 1];
    if (last && isKnownToken(tokenOf(last))) score++;
    if (!last || c.words.some((w) => /名称|编码|代码|^项目$|^科目$/.test(w))) score -= 2;
    const before = asPrinted[c.col]?.role;
    if (before === 'label' || before === 'code') score -= 2;
  }
  return score;
}

/** A label or code column under a measure header (年初结转和结余 › 合计): header and data disagree. */
function misalignedColumn(columns: ColumnPlan[]): ColumnPlan | null {
  return columns.find((c) => (c.role === 'label' || c.role === 'code') && c.words.length > 0 && isKnownToken(tokenOf(c.words[c.words.length - 1]))) ?? null;
}

function schemeHint(columns: ColumnPlan[]): Scheme | null {
  const words = columns.filter((c) => c.role === 'code').flatMap((c) => c.words).join('|');
  if (/经济分类/.test(words)) return 'economic';
  if (/功能分类/.test(words)) return 'function';
  return null;
}

function unitInHeader(block: HeaderBlock): TableUnit | null {
  for (const line of block.at) {
    for (const el of line) {
      const m = el && /单位[:：]\s*(万元|千元|元)/.exec(el.text.normalize('NFKC'));
      if (m) return UNIT_WORDS[m[1]];
    }
  }
  return null;
}

/** Panels named by their header (收入 | 支出) or their total lines (本年收入合计 | 本年支出合计). */
function nameIncomeExpenditurePanels(panels: Panel[], layout: Layout, data: number[]): void {
  if (panels.length < 2) return;
  for (const panel of panels) {
    const words = panel.columns.flatMap((c) => c.words).join('|');
    const inc = /收入/.test(words);
    const exp = /支出/.test(words);
    if (inc !== exp) {
      panel.name = inc ? 'income' : 'expenditure';
      continue;
    }
    const labels = data.map((r) => cleanLabel(rowLabel(layout, r, panel).text)).join('|');
    const incL = /本年收入合计|收入总计/.test(labels);
    const expL = /本年支出合计|支出总计/.test(labels);
    if (incL !== expL) panel.name = incL ? 'income' : 'expenditure';
  }
  const names = new Set(panels.map((p) => p.name));
  if (!(names.has('income') && names.has('expenditure'))) for (const p of panels) delete p.name;
}

/** Summary tables print income on the left, expenditure on the right. */
function nameByOrder(panels: Panel[]): void {
  if (panels.some((p) => p.name)) return;
  if (panels.length !== 2) return;
  panels[0].name = 'income';
  panels[1].name = 'expenditure';
}

function measureColumns(panels: Panel[], block: HeaderBlock, kind: TableKind, itemColumns: boolean, unit: TableUnit | null): Measured[] {
  const out: Measured[] = [];
  for (const panel of panels) {
    const values = valueColumns(panel);
    const cols = values.map((c) => c.col);
    for (const col of values) {
      const measure = measureOf({ path: col.path, block, panelValueCols: cols });
      const item = itemColumns ? itemOfPath(col) : null;
      const own = ownMoneyUnit(col);
      const fromHeader = item ? headerMeasure(col) : null;
      out.push({
        col, panel, measure: item ? fromHeader ?? 'budget' : measure, item, measureFromHeader: !!fromHeader,
        unit: own ? { kind: 'money', unit: own } : columnUnit(col, unit), ownUnit: !!own,
      });
    }
  }
  return out;
}

/** 预算数 / 决算数 over item columns of a one-row “三公” table. */
function headerMeasure(col: ColumnPlan): string | null {
  for (const w of col.words) {
    const token = tokenOf(w);
    if (token === 'budget' || token === 'actual') return token;
  }
  return null;
}

/** The deepest “三公” item named on a column's header path (公务用车购置及运行费 › 小计 → vehicles). */
function itemOfPath(col: ColumnPlan): string | null {
  let item: string | null = null;
  for (const w of col.words) {
    const found = threePublicItem(w);
    if (found && !(found === 'three_public.total' && item)) item = found;
  }
  return item;
}

/** Counts, percentages or money in a unit of its own, told by the column's header. */
function ownMoneyUnit(col: ColumnPlan): TableUnit | null {
  const own = /单位[:：]?(万元|千元|元)|[（(](万元|千元|元)[)）]/.exec(col.path.map((e) => e.text.normalize('NFKC')).join('|'));
  return own ? UNIT_WORDS[own[1] ?? own[2]] : null;
}

function columnUnit(col: ColumnPlan, unit: TableUnit | null): ValueUnit | null {
  const words = col.words.join('|');
  if (/数量|人数|个数|次数|车辆数|批次|人次/.test(words)) return { kind: 'count' };
  if (/%|％|率|比例|比重/.test(words)) return { kind: 'percent' };
  return unit ? { kind: 'money', unit } : null;
}

function alignmentProblem(layout: Layout, block: HeaderBlock, data: number[], measured: Measured[], panels: Panel[]): string | null {
  const numeric = data.some((r) => rowCells(layout, r).some((c) => /\d/.test(c.text) && !/[\u4e00-\u9fff]/.test(c.text)));
  if (!numeric) return null;
  if (measured.length === 0) return 'no value columns were found under the header';
  if (block.rows.length === 0) return 'no header row names the columns of its numbers';
  const subjectless = panels.every((p) => !p.columns.some((c) => c.role === 'label' || c.role === 'code'));
  if (subjectless && data.length > 1 && !measured.some((m) => m.item)) return 'no row-label or code column was found';
  return null;
}

/**
 * Labels wrapped over two lines (十四、资源勘探工业信息等支 / 出) come as a row holding only a
 * short text in a label column right under a labelled row: the text is appended to the label
 * above and the row leaves the data.
 */
function joinWrappedLabels(layout: Layout, data: number[], columns: ColumnPlan[]): number[] {
  const kept: number[] = [];
  let last = -2;
  for (const r of data) {
    const anchor = kept[kept.length - 1];
    const cells = rowCells(layout, r);
    const above = last === r - 1 && anchor !== undefined ? cells.map((c) => layout.cover[anchor][c.c]) : [];
    last = r;
    const wraps =
      cells.length > 0 &&
      cells.every((c, i) => {
        const text = noSpaces(c.text);
        const top = above[i];
        return (
          columns[c.c]?.role === 'label' && c.rs === 1 && text.length <= 8 && !/^其中/.test(text) && stripOrdinal(text) === text &&
          parseNumber(text) === undefined && !!top && top !== c && top.text.trim().length >= 4 && !/[：:。；;]$/.test(top.text.trim())
        );
      });
    if (!wraps) {
      kept.push(r);
      continue;
    }
    cells.forEach((c, i) => layout.wrapped.set(above[i]!, (layout.wrapped.get(above[i]!) ?? '') + noSpaces(c.text)));
  }
  return kept;
}

interface RowEnv {
  kind: TableKind;
  scheme: Scheme | null;
  unit: TableUnit | null;
  ctx: AlignContext;
  facts: FactRecord[];
  diagnostics: Diagnostic[];
}

function readRow(layout: Layout, r: number, measured: Measured[], env: RowEnv): void {
  const subjects = new Map<Panel, { subject: Subject; label: string | null; countRow: boolean } | null>();
  for (const m of measured) {
    const cell = originAt(layout, r, m.col.col);
    if (!cell || !cell.text.trim()) continue;
    let subj = subjects.get(m.panel);
    if (subj === undefined) {
      subj = rowSubject(layout, r, m.panel, env);
      subjects.set(m.panel, subj);
    }
    // A row counted in 个/人/辆 holds counts, unless its column states a money unit of its own.
    const unit: ValueUnit | null = subj?.countRow && !m.ownUnit ? { kind: 'count' } : m.unit;
    const read = readValue(cell.text, unit);
    if (read === null) continue;
    if ('error' in read) {
      if (env.kind === 'other') continue;
      env.diagnostics.push({
        rule: 'parse.cell', severity: 'warning', stage: 'headers', tableId: env.ctx.tableId,
        place: placeOf(env.ctx.file, cell),
        message: `"${cell.text}" in column ${m.col.words.join(' › ') || m.col.col} is not a number (${read.error}); no fact was read from it`,
        actual: cell.text,
      });
      continue;
    }
    const subject: Subject = m.item ? { item: m.item } : subj?.subject ?? { label: '' };
    const measure = m.item && !m.measureFromHeader ? measureFromRowLabel(subj?.label) ?? m.measure : m.measure;
    env.facts.push({
      documentId: env.ctx.documentId,
      tableId: env.ctx.tableId,
      tableKind: env.kind,
      subject,
      measure,
      value: read.value,
      unit: read.unit,
      source: {
        text: cell.text,
        rowLabel: subj?.label ?? null,
        columnPath: m.col.path.map((e) => noSpaces(e.text)),
        row: r,
        col: m.col.col,
        ...position(cell),
      },
    });
  }
}

/** In one-row “三公” tables a row label may say which measure the row is (预算数 / 决算数). */
function measureFromRowLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  if (/决算/.test(label)) return 'actual';
  if (/预算/.test(label)) return 'budget';
  return null;
}

/**
 * The label text of a row in a panel: its label column, else the nearest text to the left when
 * only empty cells lie between (a total line printed in the panel before: 公用经费合计 | | … | 9.00).
 */
function rowLabel(layout: Layout, r: number, panel: Panel): { text: string; col: number } {
  for (const col of panel.columns) {
    if (col.role !== 'label' && col.role !== 'code') continue;
    const text = textAt(layout, r, col.col).trim();
    if (text && /[^\d\s.,]/.test(text)) return { text, col: col.col };
  }
  const first = panel.columns[0]?.col ?? 0;
  for (let c = first - 1; c >= 0; c--) {
    const text = textAt(layout, r, c).trim();
    if (!text) continue;
    if (/[\u4e00-\u9fff]/.test(text)) return { text, col: c };
    break;
  }
  return { text: '', col: -1 };
}

const CODE_IN_LABEL = /^([\[【(（]?)(\d{3}(?:\d{2}){0,2})[\]】)）]?\s*([^\d\s.,%].*)$/;

function rowSubject(layout: Layout, r: number, panel: Panel, env: RowEnv): { subject: Subject; label: string | null; countRow: boolean } {
  const parts = panel.columns.filter((c) => c.role === 'code').map((c) => textAt(layout, r, c.col));
  let code = composeCode(parts);
  let { text } = rowLabel(layout, r, panel);
  if (!code) {
    // Code and name printed in one cell: "[2010301]行政运行", "301 工资福利支出".
    const both = CODE_IN_LABEL.exec(text.trim());
    if (both && (both[2].length >= 5 || /[\]】)）\s]/.test(both[0].slice(0, both[0].length - both[3].length)))) {
      code = both[2];
      text = both[3];
    }
  }
  const label = text ? cleanLabel(text) : null;
  const countRow = !!label && /[（(](个|人|辆|次|台|批|人次|批次|组|套|平方米|㎡)[)）]$/.test(label.normalize('NFKC'));
  if (code) {
    const scheme = schemeOf(code, env.scheme);
    const name = label ?? (scheme === 'function' ? functionClassByCode(code) : null) ?? '';
    return { subject: { scheme, code, name }, label, countRow };
  }
  if (label && env.kind === 'three_public') {
    const item = threePublicItem(text);
    if (item) return { subject: { item }, label, countRow };
  }
  if (label) {
    const cls = functionClassByName(text);
    if (cls && panel.name !== 'income') return { subject: { scheme: 'function', code: cls.code, name: cls.name }, label, countRow };
  }
  const subject: Subject = panel.name ? { label: label ?? '', panel: panel.name } : { label: label ?? '' };
  return { subject, label, countRow };
}

function columnInfo(columns: ColumnPlan[], measured: Measured[]): ColumnInfo[] {
  const byCol = new Map(measured.map((m) => [m.col.col, m]));
  return columns
    .filter((c) => c.role !== 'empty' || c.path.length > 0)
    .map((c) => {
      const m = byCol.get(c.col);
      const info: ColumnInfo = { col: c.col, path: c.path.map((e) => noSpaces(e.text)), measure: m ? (m.item ?? m.measure) : null };
      if (m?.panel.name) info.panel = m.panel.name;
      return info;
    });
}

function position(cell: Cell): { page?: number; line?: number; sheet?: string; ref?: string } {
  const out: { page?: number; line?: number; sheet?: string; ref?: string } = {};
  if (cell.page !== undefined) out.page = cell.page;
  if (cell.line !== undefined) out.line = cell.line;
  if (cell.sheet !== undefined) out.sheet = cell.sheet;
  if (cell.ref !== undefined) out.ref = cell.ref;
  return out;
}

function placeOf(file: string, cell: Cell | undefined): Diagnostic['place'] {
  return cell ? { file, row: cell.r, col: cell.c, ...position(cell) } : { file };
}
