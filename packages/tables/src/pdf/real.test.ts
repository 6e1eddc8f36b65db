/**
 * Real disclosures (../shared/real): tables that cross pages are read whole, so the rows under a
 * class code add up to it and the 合计 row to the 类 rows. Skipped when ../shared/real is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Cell, Grid } from '@govdocs/core';
import { readPdfLayout } from '@govdocs/ingest';
import { detectPdfTables } from './detect.js';

const real = new URL('../../../../../shared/real/docs/', import.meta.url).pathname;

const read = new Map<string, Promise<Grid[]>>();

/** Each document is read once for all its tests. */
function gridsOf(name: string): Promise<Grid[]> {
  if (!read.has(name))
    read.set(
      name,
      readPdfLayout(new Uint8Array(readFileSync(real + name))).then((layout) =>
        detectPdfTables(layout.pages)
          .filter((b: Block): b is Extract<Block, { type: 'grid' }> => b.type === 'grid')
          .map((b) => b.grid),
      ),
    );
  return read.get(name)!;
}

const titled = (grids: Grid[], title: string) =>
  grids.filter((g) => g.before.some((t) => t.replace(/\s+/g, '').includes(title)));

/** Fen of a printed figure, or null. */
function fen(text: string): number | null {
  const t = text.replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** The first figure right of a cell in its row (the 合计 column of a code or total row). */
function figureRightOf(g: Grid, cell: Cell): number | null {
  const right = g.cells.filter((c) => c.r === cell.r && c.c > cell.c).sort((a, b) => a.c - b.c);
  for (const c of right) {
    const v = fen(c.text);
    if (v !== null) return v;
  }
  return null;
}

/**
 * Every way a table's figures fail to add up by its codes: a code whose rows two digits longer
 * under it do not add up to it, and a 合计 row the 类 (3-digit) rows do not add up to.
 * Figures are printed to 0.01, so n parts may be off by n × 0.005 of rounding.
 */
function unbalanced(g: Grid): string[] {
  const codes = g.cells.filter((c) => /^\d{3}(\d{2}){0,2}$/.test(c.text));
  const out: string[] = [];
  const check = (what: string, total: number | null, parts: Cell[]) => {
    const values = parts.map((p) => figureRightOf(g, p));
    if (total === null || !parts.length || values.some((v) => v === null)) return;
    const sum = values.reduce((a, b) => a! + b!, 0)!;
    if (Math.abs(sum - total) > parts.length * 0.5)
      out.push(`${what}: ${total / 100} ≠ ${sum / 100} (${parts.map((p) => p.text).join(', ')})`);
  };
  for (const code of codes) {
    const children = codes.filter(
      (c) => c.c === code.c && c.text.length === code.text.length + 2 && c.text.startsWith(code.text),
    );
    check(`p${code.page} ${code.text}`, figureRightOf(g, code), children);
  }
  const total = g.cells.find((c) => c.text.replace(/\s+/g, '') === '合计');
  const classes = codes.filter((c) => c.text.length === 3);
  if (total && classes.length && classes.every((c) => c.c === classes[0].c))
    check('合计', figureRightOf(g, total), classes);
  return out;
}

// Whole documents of up to 87 pages: slow on a loaded machine.
describe.skipIf(!existsSync(real))('tables of real disclosures that cross pages', { timeout: 300_000 }, () => {
  it('d14: tables whose title, header, 栏次 and 合计 rows are printed again on each page are read whole', async () => {
    const grids = await gridsOf('d14.pdf');
    for (const [title, pages] of [
      ['收入决算表', [8, 9]],
      ['支出决算表', [10, 11]],
      ['一般公共预算财政拨款支出决算表', [15, 16]],
      ['一般公共预算财政拨款基本支出决算表', [17, 18, 19, 20]],
    ] as const) {
      const [g, ...rest] = titled(grids, title).filter((x) => x.before.some((t) => t.replace(/\s+/g, '') === title));
      expect(rest, title).toHaveLength(0);
      expect(g.pages, title).toEqual(pages);
      // Printed on every page, kept once.
      for (const total of ['合计', '公用经费合计'])
        expect(g.cells.filter((c) => c.text.replace(/\s+/g, '') === total).length, title).toBeLessThanOrEqual(1);
      expect(unbalanced(g), title).toEqual([]);
    }
    const income = titled(grids, '收入决算表')[0];
    expect(income.cells.filter((c) => /^\d{3}$/.test(c.text)).map((c) => c.text)).toEqual(['208', '214', '221']);
  });

  it('d13: the 功能科目 tables over three pages add up to their 合计', async () => {
    const grids = await gridsOf('d13.pdf');
    const [g, ...rest] = titled(grids, '一般公共预算支出明细表（按功能科目分）');
    expect(rest).toHaveLength(0);
    expect(g.pages).toEqual([35, 36, 37]);
    expect(g.cells.filter((c) => /^\d{3}$/.test(c.text)).map((c) => c.text)).toEqual([
      '205',
      '208',
      '210',
      '214',
      '221',
    ]);
    expect(unbalanced(g)).toEqual([]);
  });

  it('d15: tables whose titles are drawn inside their frames stay apart', async () => {
    const grids = await gridsOf('d15.pdf');
    const expenditure = grids.filter((g) => g.before.some((t) => t.replace(/\s+/g, '').startsWith('支出总表')));
    expect(expenditure).toHaveLength(1);
    expect(expenditure[0].pages).toEqual([8]);
    // Read whole, the table shows a fault of the document itself (p8): 2014002 and 2014099 print
    // 小计 0.00 beside 项目支出 458.00 and 16.56, so their 20140 信访事务 小计 1378.41 is not their sum.
    const g = expenditure[0];
    const row = (code: string) =>
      g.cells
        .filter((c) => c.r === g.cells.find((x) => x.text === code)!.r)
        .sort((a, b) => a.c - b.c)
        .map((c) => c.text);
    expect(row('2014002')).toEqual([
      '2014002',
      '一般行政管理事务',
      '458.00',
      '0.00',
      '0.00',
      '458.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(row('2014099').slice(2, 6)).toEqual(['16.56', '0.00', '0.00', '16.56']);
    expect(row('20140').slice(2, 4)).toEqual(['1378.41', '1378.41']);
  });

  it('d13: a part whose columns line up with the part before it, not the first, is joined', async () => {
    const grids = await gridsOf('d13.pdf');
    const summary = titled(grids, '2022年部门综合预算收支总表');
    expect(summary.map((g) => g.pages)).toEqual([[27, 28, 29]]);
    expect(summary[0].cells.filter((c) => c.text === '收入总计')).toHaveLength(1);
  });
});
