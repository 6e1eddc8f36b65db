/**
 * What each column is (classification code, code part 类/款/项, row label, row number, value)
 * and how columns group into side-by-side panels (收入 | 支出, 人员经费 | 公用经费).
 */
import { hasHan, noSpaces, parseNumber } from '@govdocs/core';
import { columnPath, type HeaderBlock, type HeaderElement } from './header.js';
import { originAt, textAt, type Layout } from './layout.js';
import { isKnownToken, tokenOf } from './measure.js';
import { isRowNumberHeader } from './normalize.js';

export type ColumnRole = 'code' | 'label' | 'rownum' | 'value' | 'empty';

export interface ColumnPlan {
  col: number;
  role: ColumnRole;
  path: HeaderElement[];
  words: string[];
  /** Non-empty data cells in the column. */
  filled: number;
}

export interface Panel {
  index: number;
  columns: ColumnPlan[];
  name?: 'income' | 'expenditure';
}

const CODE_HINT = /编码|代码|^类$|^款$|^项$|^科目$/;
const LABEL_HINT = /名称|^项目|内容|说明|^科目$/;
const CODE_TEXT = /^\d{2,7}$/;
/** Words a value cell uses for "nothing" (无): not labels. */
const NOTHING = /^(无|空|不适用|暂无)$/;

/**
 * Roles from the data under each column and from its header words; the words of 栏次 rows
 * (类 | 款 | 项 | 次) are hints too, though they are not part of the header path.
 */
export function planColumns(layout: Layout, block: HeaderBlock, dataRows: number[], indexRows: number[] = []): ColumnPlan[] {
  const out: ColumnPlan[] = [];
  for (let c = 0; c < layout.cols; c++) {
    const path = columnPath(block, c, (w) => isKnownToken(tokenOf(w)));
    const words = path.map((e) => e.word);
    const hints = [...words];
    for (const r of indexRows) {
      const t = noSpaces(textAt(layout, r, c).normalize('NFKC'));
      if (t && !/^\d+$/.test(t)) hints.push(t);
    }
    const vals: string[] = [];
    for (const r of dataRows) {
      const cell = originAt(layout, r, c);
      if (cell && cell.text.trim()) vals.push(noSpaces(cell.text.normalize('NFKC')));
    }
    out.push({ col: c, role: roleOf(hints, vals), path, words, filled: vals.length });
  }
  return out;
}

function roleOf(words: string[], vals: string[]): ColumnRole {
  const codeHint = words.some((w) => CODE_HINT.test(w) && !/名称/.test(w));
  const labelHint = words.some((w) => LABEL_HINT.test(w));
  const rownumHint = words.length > 0 && (isRowNumberHeader(words[words.length - 1]) || words.includes('行次'));
  if (vals.length === 0) return codeHint || labelHint || rownumHint || words.length === 0 ? 'empty' : 'value';
  const han = vals.filter((v) => hasHan(v) && parseNumber(v) === undefined && !NOTHING.test(v)).length;
  const codes = vals.filter((v) => CODE_TEXT.test(v)).length;
  const ints = vals.filter((v) => /^\d{1,3}$/.test(v)).length;
  const nums = vals.filter((v) => parseNumber(v) !== undefined || NOTHING.test(v)).length;
  if (rownumHint && ints >= vals.length / 2) return 'rownum';
  if (han >= vals.length / 2) return 'label';
  if (codeHint && codes >= vals.length / 2) return 'code';
  if (words.some((w) => isKnownToken(tokenOf(w)))) return 'value';
  if (!labelHint && codes === vals.length && looksLikeCodes(vals)) return 'code';
  if (nums >= vals.length / 2) return 'value';
  return 'label';
}

/** Hierarchical classification codes: 3/5/7 digits, at least two levels present. */
function looksLikeCodes(vals: string[]): boolean {
  const lengths = new Set(vals.map((v) => v.length));
  return [...lengths].every((n) => n === 3 || n === 5 || n === 7) && lengths.size >= 2 && vals.every((v) => /^[1-9]/.test(v));
}

/**
 * Panels: a new panel starts where a label or code column follows a value column, so
 * "项目 | 行次 | 金额 | 项目 | 行次 | 金额" is two panels and "编码 | 名称 | 金额" ×3 is three.
 */
export function splitPanels(columns: ColumnPlan[]): Panel[] {
  const panels: Panel[] = [];
  let current: Panel | null = null;
  let seenValue = false;
  for (const col of columns) {
    if (col.role === 'empty') continue;
    const opens = col.role === 'label' || col.role === 'code';
    if (!current || (opens && seenValue)) {
      current = { index: panels.length, columns: [] };
      panels.push(current);
      seenValue = false;
    }
    current.columns.push(col);
    if (col.role === 'value') seenValue = true;
  }
  return panels;
}

export function valueColumns(panel: Panel): ColumnPlan[] {
  return panel.columns.filter((c) => c.role === 'value');
}
