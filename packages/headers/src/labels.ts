/**
 * Row labels: where a row's label is read in each panel, labels wrapped over several lines, and
 * the income/expenditure names of side-by-side panels.
 */
import { noSpaces, parseNumber } from '@govdocs/core';
import type { ColumnPlan, Panel } from './columns.js';
import { rowCells, textAt, type Layout } from './layout.js';
import { cleanLabel, stripOrdinal } from './normalize.js';

/** Panels named by their header (收入 | 支出) or their total lines (本年收入合计 | 本年支出合计). */
export function nameIncomeExpenditurePanels(panels: Panel[], layout: Layout, data: number[]): void {
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
export function nameByOrder(panels: Panel[]): void {
  if (panels.some((p) => p.name)) return;
  if (panels.length !== 2) return;
  panels[0].name = 'income';
  panels[1].name = 'expenditure';
}

/**
 * Labels wrapped over two lines (十四、资源勘探工业信息等支 / 出) come as a row holding only a
 * short text in a label column right under a labelled row: the text is appended to the label
 * above and the row leaves the data.
 */
export function joinWrappedLabels(layout: Layout, data: number[], columns: ColumnPlan[]): number[] {
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

/**
 * The label text of a row in a panel: its label column, else the nearest text to the left when
 * only empty cells lie between (a total line printed in the panel before: 公用经费合计 | | … | 9.00).
 */
export function rowLabel(layout: Layout, r: number, panel: Panel): { text: string; col: number } {
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
