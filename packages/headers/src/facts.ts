/**
 * Facts of a table: each value column's measure, unit and “三公” item, and each row's subject,
 * read into FactRecords with their printed text and place.
 */
import type { Cell, Diagnostic, FactRecord, Subject, TableKind, TableUnit } from '@govdocs/core';
import { cellPosition, noSpaces, Reporter, type Spot } from '@govdocs/core';
import type { AlignContext } from './align-context.js';
import { valueColumns, type ColumnPlan, type Panel } from './columns.js';
import { UNIT_WORDS } from './context.js';
import type { HeaderBlock } from './header.js';
import { rowLabel } from './labels.js';
import { originAt, textAt, type Layout } from './layout.js';
import { measureOf, tokenOf } from './measure.js';
import { cleanLabel } from './normalize.js';
import { readValue, type ValueUnit } from './numbers.js';
import { composeCode, functionClassByCode, functionClassByName, schemeOf, threePublicItem, type Scheme } from './subject.js';

export interface Measured {
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

export function measureColumns(panels: Panel[], block: HeaderBlock, itemColumns: boolean, unit: TableUnit | null): Measured[] {
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
  if (/数量|人数|个数|次数|车辆数|批次|人次|分数|得分|评分/.test(words)) return { kind: 'count' };
  if (/%|％|率|比例|比重/.test(words)) return { kind: 'percent' };
  return unit ? { kind: 'money', unit } : null;
}

export interface RowEnv {
  kind: TableKind;
  scheme: Scheme | null;
  unit: TableUnit | null;
  ctx: AlignContext;
  facts: FactRecord[];
  diagnostics: Diagnostic[];
}

export function readRow(layout: Layout, r: number, measured: Measured[], env: RowEnv): void {
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
      env.diagnostics.push(new Reporter('headers', env.ctx.file).report('parse.cell',
        `"${cell.text}" in column ${m.col.words.join(' › ') || m.col.col} is not a number (${read.error}); no fact was read from it`, cellSpot(cell),
        // 无 / 不适用 say "nothing" on purpose: noted, not a misread figure.
        { severity: /^(无|空|不适用|暂无)$/.test(noSpaces(cell.text)) ? 'info' : 'warning', tableId: env.ctx.tableId, actual: cell.text }));
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
        ...cellPosition(cell),
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

const CODE_IN_LABEL = /^([\[【(（]?)(\d{3}(?:\d{2}){0,2})[\]】)）]?[\s\-－—_:：]*([^\d\s.,%\-－—_:：].*)$/;

/** The name printed right after the code columns (科目名称), when a panel has other labels too (项目名称). */
function nameNextToCode(layout: Layout, r: number, panel: Panel): string | null {
  const lastCode = Math.max(...panel.columns.filter((c) => c.role === 'code').map((c) => c.col));
  const next = panel.columns.find((c) => c.col > lastCode && c.role === 'label');
  const text = next ? textAt(layout, r, next.col).trim() : '';
  return text || null;
}

function rowSubject(layout: Layout, r: number, panel: Panel, env: RowEnv): { subject: Subject; label: string | null; countRow: boolean } {
  const parts = panel.columns.filter((c) => c.role === 'code').map((c) => textAt(layout, r, c.col));
  let code = composeCode(parts);
  let { text } = rowLabel(layout, r, panel);
  if (code) text = nameNextToCode(layout, r, panel) ?? text;
  else {
    // Code and name printed in one cell: "[2010301]行政运行", "301 工资福利支出".
    const both = CODE_IN_LABEL.exec(text.trim());
    if (both && (both[2].length >= 5 || /[\]】)）\s\-－—_:：]/.test(both[0].slice(0, both[0].length - both[3].length)))) {
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
  // Function class names mean the class in function tables, not in economic or “三公” tables.
  if (label && panel.name !== 'income' && env.kind !== 'general_budget_basic' && env.kind !== 'three_public') {
    const cls = functionClassByName(text);
    if (cls) return { subject: { scheme: 'function', code: cls.code, name: cls.name }, label, countRow };
  }
  const subject: Subject = panel.name ? { label: label ?? '', panel: panel.name } : { label: label ?? '' };
  return { subject, label, countRow };
}


/** Where a cell is, for a diagnostic: its grid row and column, and its page, line or sheet. */
export function cellSpot(cell: Cell | undefined): Spot {
  return cell ? { row: cell.r, col: cell.c, ...cellPosition(cell) } : {};
}
