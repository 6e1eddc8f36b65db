/**
 * One grid → its table record and facts: rows split into context/header/data, header paths per
 * column, panels, measures, subjects, numbers. Works on any grid, whatever the source format.
 */
import { noSpaces, Reporter, type ColumnInfo, type Diagnostic, type FactRecord, type Grid, type TableKind, type TableRecord, type TableUnit } from '@govdocs/core';
import { splitPanels, type ColumnPlan, type Panel } from './columns.js';
import { readTableContext, UNIT_WORDS } from './context.js';
import { cellSpot, measureColumns, readRow, type Measured } from './facts.js';
import { fitHeader, misalignedColumn } from './fit.js';
import { figureColumns } from './money.js';
import { headerContextCells, type HeaderBlock } from './header.js';
import { kindFromShape, kindFromTitle } from './kind.js';
import { joinWrappedLabels, nameByOrder, nameIncomeExpenditurePanels, rowLabel } from './labels.js';
import { buildLayout, gridArea, MAX_AREA, rawCell, rowCells, textAt, type Layout } from './layout.js';
import { planRows } from './rows.js';
import { threePublicItem, type Scheme } from './subject.js';
import type { AlignContext } from './align-context.js';

export interface AlignedTable {
  table: TableRecord;
  facts: FactRecord[];
  diagnostics: Diagnostic[];
  /** Grid rows before the first data row (context + header), 0 when the grid has no header. */
  headerEnd: number;
}

export function alignGrid(grid: Grid, ctx: AlignContext): AlignedTable {
  if (gridArea(grid) > MAX_AREA) return tooLarge(grid, ctx);
  const layout = buildLayout(grid);
  const plan = planRows(layout);
  const inGrid = plan.context.flatMap((r) => rowCells(layout, r).map((c) => c.text));
  const context = readTableContext(grid.before, [...inGrid, ...headerContextCells(layout, plan)]);
  const fitted = fitHeader(layout, plan);
  const { block, columns } = fitted;
  plan.data = joinWrappedLabels(layout, plan.data, columns);
  const panels = splitPanels(columns);
  const diagnostics: Diagnostic[] = [];
  const reporter = new Reporter('headers', ctx.file);
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

  const measured = measureColumns(panels, block, threePublicCols >= 2, unit);
  const problem = alignmentProblem(layout, block, plan.data, measured, panels);
  if (problem && kind !== 'performance_indicators') {
    diagnostics.push(reporter.report('parse.table', `table "${context.title ?? '(untitled)'}" could not be aligned: ${problem}; its cells are kept as kind other`,
      cellSpot(grid.cells[0]), { tableId: ctx.tableId }));
    kind = 'other';
  }

  if (fitted.shift !== 0 && !problem && kind !== 'performance_indicators') {
    diagnostics.push(reporter.report('parse.header', `table "${context.title ?? '(untitled)'}": the header is printed ${Math.abs(fitted.shift)} column(s) ${fitted.shift > 0 ? 'left' : 'right'} of its data and was moved to fit; check the measures of this table against the source`,
      cellSpot(grid.cells[0]), { tableId: ctx.tableId }));
  }
  const shifted = !problem && kind !== 'performance_indicators' ? misalignedColumn(columns) : null;
  if (shifted) {
    diagnostics.push(reporter.report('parse.header', `table "${context.title ?? '(untitled)'}": column ${shifted.col} holds row labels under the header ${shifted.words.join(' › ')}, so the header looks shifted against the data; check the measures of this table against the source`,
      cellSpot(layout.cover[plan.data[0]]?.[shifted.col]), { tableId: ctx.tableId }));
  }

  const reading = figureColumns(measured, kind, unit);
  const facts: FactRecord[] = [];
  if (!problem && kind !== 'performance_indicators') {
    for (const r of plan.data) readRow(layout, r, reading, { kind, scheme, unit, ctx, facts, diagnostics });
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
    columns: columnInfo(columns, reading),
    rows: layout.rows,
    cells: grid.cells.map(rawCell),
  };
  const headerEnd = plan.header.length ? plan.header[plan.header.length - 1] + 1 : 0;
  return { table, facts, diagnostics, headerEnd };
}

/** A grid whose cells reach too far to lay out (sparse spreadsheets): kept, not aligned. */
function tooLarge(grid: Grid, ctx: AlignContext): AlignedTable {
  const context = readTableContext(grid.before);
  const table: TableRecord = {
    id: ctx.tableId, documentId: ctx.documentId, kind: 'other', title: context.title, code: context.code, unit: context.unit,
    department: context.department, pages: grid.pages, columns: [], rows: grid.rowCount, cells: grid.cells.map(rawCell),
  };
  const diagnostics = [new Reporter('headers', ctx.file).report('parse.table',
    `table "${context.title ?? '(untitled)'}" was not aligned: its cells reach over more than ${MAX_AREA} positions (a sparse sheet?); its cells are kept as kind other`,
    cellSpot(grid.cells[0]), { tableId: ctx.tableId })];
  return { table, facts: [], diagnostics, headerEnd: 0 };
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

function alignmentProblem(layout: Layout, block: HeaderBlock, data: number[], measured: Measured[], panels: Panel[]): string | null {
  const numeric = data.some((r) => rowCells(layout, r).some((c) => /\d/.test(c.text) && !/[\u4e00-\u9fff]/.test(c.text)));
  if (!numeric) return null;
  if (measured.length === 0) return 'no value columns were found under the header';
  if (block.rows.length === 0) return 'no header row names the columns of its numbers';
  const subjectless = panels.every((p) => !p.columns.some((c) => c.role === 'label' || c.role === 'code'));
  if (subjectless && data.length > 1 && !measured.some((m) => m.item)) return 'no row-label or code column was found';
  return null;
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

