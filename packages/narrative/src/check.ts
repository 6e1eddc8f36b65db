/**
 * Stated figures against the tables (narrative.mismatch) and stated changes against the figures
 * they are computed from (narrative.change). Amounts are compared in fen, within half a unit of the
 * coarser of the two printed precisions.
 */
import { Reporter, type Diagnostic, type DocumentRecord, type FactRecord, type Spot, type StatementRecord, type TableRecord } from '@govdocs/core';
import { candidateCells, type Cell } from './cells.js';
import type { Draft } from './extract.js';
import { agrees, fenToYuanNumber, formatYuan } from './figures.js';

export interface Checked {
  tableFact: StatementRecord['tableFact'];
  diagnostics: Diagnostic[];
}

const TOPIC_NAMES: Record<string, string> = {
  'income.total': '收入合计', 'income.fiscal_appropriation': '财政拨款收入', 'expenditure.total': '支出合计',
  'expenditure.basic': '基本支出', 'expenditure.project': '项目支出', general_budget: '一般公共预算', government_fund: '政府性基金预算',
  state_capital: '国有资本经营预算', 'three_public.total': '“三公”经费', 'three_public.overseas': '因公出国（境）费',
  'three_public.vehicles': '公务用车购置及运行费', 'three_public.vehicle_purchase': '公务用车购置费',
  'three_public.vehicle_operation': '公务用车运行费', 'three_public.reception': '公务接待费', operating_costs: '机关运行经费',
};

export function checkStatement(draft: Draft, code: string | null, name: string | null, document: DocumentRecord, facts: FactRecord[], tables: Map<string, TableRecord>): Checked {
  const diagnostics = checkChange(draft, document);
  // A figure that is neither said nor known to be a budget's or an actual's (a 绩效自评 report) is not checked.
  if (!draft.current || draft.topic === 'other' || draft.basis === null) return { tableFact: null, diagnostics };
  const groups = candidateCells(draft.topic, code, facts, tables, document.fiscalYear, draft.basis).filter((g) => g.cells.length);
  if (!groups.length) return { tableFact: null, diagnostics };
  const match = groups.flatMap((g) => g.cells).find((cell) => agrees(draft.money.fen, cell.fen, max(draft.money.unitFen, cell.unitFen)));
  if (match) return { tableFact: link(match), diagnostics };
  if (groups[0]!.loose) return { tableFact: null, diagnostics };
  const cell = groups[0]!.cells[0]!;
  diagnostics.push(mismatch(draft, cell, name, document, tables));
  return { tableFact: link(cell), diagnostics };
}

function link(cell: Cell): NonNullable<StatementRecord['tableFact']> {
  return { tableId: cell.fact.tableId, row: cell.fact.source.row, col: cell.fact.source.col, value: cell.fact.value };
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function where(draft: Draft, document: DocumentRecord): string {
  const s = draft.sentence;
  const at = s.page !== undefined ? `page ${s.page}` : s.line !== undefined ? `line ${s.line}` : 'the text';
  return `${document.source.path}, ${at}, sentence ${s.index}`;
}

function quote(text: string): string {
  return text.length > 80 ? `${text.slice(0, 78)}…` : text;
}

function mismatch(draft: Draft, cell: Cell, name: string | null, document: DocumentRecord, tables: Map<string, TableRecord>): Diagnostic {
  const table = tables.get(cell.fact.tableId);
  const subject = name ?? TOPIC_NAMES[draft.topic] ?? draft.topic;
  const src = cell.fact.source;
  const tableName = table?.title ?? table?.code ?? cell.fact.tableId;
  const column = src.columnPath.join('›') || `column ${src.col}`;
  return new Reporter('narrative', document.source.path).report('narrative.mismatch',
    `${where(draft, document)} states ${subject} ${draft.money.printed} (${formatYuan(draft.money.fen)} yuan) in “${quote(draft.sentence.text)}”, but ${tableName}${src.page !== undefined ? ` (page ${src.page}` : ' ('}, row ${src.row} ${src.rowLabel ?? ''}, column ${column}) holds ${src.text} = ${formatYuan(cell.fen)} yuan. One of them is wrong: check the figure on both pages.`,
    spot(draft), { tableId: cell.fact.tableId, expected: fenToYuanNumber(cell.fen), actual: fenToYuanNumber(draft.money.fen) });
}

function spot(draft: Draft): Spot {
  const p: Spot = {};
  if (draft.sentence.page !== undefined) p.page = draft.sentence.page;
  if (draft.sentence.line !== undefined) p.line = draft.sentence.line;
  return p;
}

/**
 * A stated change that the sentence's own figures contradict: this year's figure minus the earlier
 * one it prints is not the stated amount, or not the stated percentage, or goes the other way.
 */
function checkChange(draft: Draft, document: DocumentRecord): Diagnostic[] {
  const change = draft.change;
  if (!change || !draft.current) return [];
  const current = draft.money;
  const { amount, earlier } = change.stated;
  const problems: string[] = [];
  let expected: number | null = null;
  let actual: number | null = null;
  if (amount && earlier) {
    const diff = current.fen - earlier.fen;
    const stated = change.fen ?? 0n;
    const tolerance = current.unitFen + earlier.unitFen + amount.unitFen;
    const off = diff > stated ? diff - stated : stated - diff;
    if (off !== 0n && 2n * off >= tolerance) {
      problems.push(`${current.printed} against ${earlier.printed} is a change of ${formatYuan(diff)} yuan, not the stated ${change.direction === 'decrease' ? '-' : ''}${amount.printed}`);
      expected = fenToYuanNumber(diff);
      actual = fenToYuanNumber(stated);
    }
  }
  const base = earlier ?? (amount && change.fen !== null ? { fen: current.fen - change.fen, unitFen: current.unitFen + amount.unitFen, printed: `${formatYuan(current.fen - change.fen)} yuan` } : undefined);
  if (change.percent !== null && base && base.fen > 0n) {
    const [low, high] = percentRange(current.fen, current.unitFen, base.fen, base.unitFen);
    // One unit of the last printed digit either way: publishers round, and some cut the digits off.
    const unit = 10 ** -(change.percentDecimals ?? 0);
    if (change.percent < low - unit - 1e-9 || change.percent > high + unit + 1e-9) {
      const computed = Number((((Number(current.fen) / Number(base.fen)) - 1) * 100).toFixed(Math.max(2, change.percentDecimals ?? 0)));
      problems.push(`${current.printed} against ${base.printed} is a change of ${computed}%, not the stated ${change.percent}%`);
      expected ??= computed;
      actual ??= change.percent;
    }
  }
  if (!problems.length) return [];
  return [new Reporter('narrative', document.source.path).report('narrative.change',
    `${where(draft, document)}: ${problems.join('; ')} (“${quote(draft.sentence.text)}”). Check the figures and the change stated with them.`,
    spot(draft), { expected, actual })];
}

/** The percentages that figures within their printed precision allow: (current / base − 1) × 100. */
function percentRange(current: bigint, currentUnit: bigint, base: bigint, baseUnit: bigint): [number, number] {
  const c = Number(current);
  const b = Number(base);
  const dc = Number(currentUnit) / 2;
  const db = Number(baseUnit) / 2;
  const lowBase = Math.max(b - db, 1e-9);
  const values = [((c - dc) / (b + db) - 1) * 100, ((c + dc) / lowBase - 1) * 100];
  return [Math.min(...values), Math.max(...values)];
}
