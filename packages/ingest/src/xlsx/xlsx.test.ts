import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell, DocumentModel, Grid } from '@govdocs/core';
import { ingest } from '../index.js';
import { plainNumber } from './cell-text.js';

const fixture = (name: string) => ({
  path: name,
  bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures', name))),
});
const grids = (doc: DocumentModel | null): Grid[] =>
  (doc?.blocks ?? []).flatMap((b) => (b.type === 'grid' ? [b.grid] : []));
const at = (grid: Grid, r: number, c: number): Cell | undefined =>
  grid.cells.find((cell) => cell.r === r && cell.c === c);

describe('workbooks', () => {
  it('splits one sheet into its tables, title rows going to context, not cells', async () => {
    const { value, diagnostics } = await ingest(fixture('multi-table.xlsx'));
    expect(diagnostics).toEqual([]);
    const [income, spending, threePublic] = grids(value);
    expect(grids(value)).toHaveLength(3);
    expect(income.before).toEqual(['部门收支总表', '表1', '部门：示例县财政局', '金额单位：万元']);
    expect(income.rowCount).toBe(3);
    expect(at(income, 0, 0)?.text).toBe('项目');
    expect(income.cells.some((c) => /部门|表1/.test(c.text))).toBe(false);
    expect(spending.before).toEqual(['部门支出总表', '单位：元']);
    expect(threePublic.before.slice(-2)).toEqual(['“三公”经费支出表', '表3']);
    expect(threePublic.after).toEqual(['注：本表为示例。']);
  });

  it('shows numbers as a reader sees them: formats kept, General written in full', async () => {
    const [income, spending] = grids((await ingest(fixture('multi-table.xlsx'))).value);
    expect(at(income, 1, 1)?.text).toBe('1,234.50');
    expect(at(spending, 1, 2)?.text).toBe('12345678901.23');
    expect(at(spending, 2, 2)?.text).toBe('0.3');
  });

  it('keeps sheet and A1 ref of every cell', async () => {
    const [, spending] = grids((await ingest(fixture('multi-table.xlsx'))).value);
    expect(at(spending, 0, 0)).toMatchObject({ sheet: '部门预算', ref: 'A10' });
    expect(spending.sheet).toBe('部门预算');
  });

  it('reads a legacy .xls with merged ranges as spans', async () => {
    const { value, diagnostics } = await ingest(fixture('legacy.xls'));
    expect(diagnostics).toEqual([]);
    expect(value?.source.mediaType).toBe('application/vnd.ms-excel');
    const [grid] = grids(value);
    expect(grid.before).toEqual(['收入决算表', '编制单位：示例县财政局', '金额单位：元']);
    expect(at(grid, 0, 0)).toMatchObject({ text: '科目编码', rs: 2, cs: 1 });
    expect(at(grid, 0, 2)).toMatchObject({ text: '本年收入', rs: 1, cs: 2 });
    expect(at(grid, 3, 0)).toMatchObject({ text: '合计', cs: 2 });
    expect(at(grid, 2, 2)?.text).toBe('1000.50');
  });

  it('leaves out hidden rows and columns, closing positions up but keeping real refs', async () => {
    const [grid] = grids((await ingest(fixture('hidden.xlsx'))).value);
    expect(grid.cells.map((c) => c.text)).toEqual([
      '项目',
      '决算数',
      '备注',
      '合计',
      '3.00',
      '公务接待费',
      '3.00',
      '无',
    ]);
    expect(at(grid, 2, 1)).toMatchObject({ text: '3.00', ref: 'C5' });
    expect(grid.colCount).toBe(3);
  });

  it('leaves Object.prototype untouched by sheets and cells named __proto__ / constructor', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const { value } = await ingest(fixture('proto.xlsx'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(grids(value).map((g) => g.sheet)).toEqual(['__proto__', 'constructor']);
    expect(at(grids(value)[0], 0, 1)?.text).toBe('polluted');
  });

  it('refuses a password-protected workbook with what to do', async () => {
    const { value, diagnostics } = await ingest(fixture('encrypted.xlsx'));
    expect(value).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].rule).toBe('document.password');
    expect(diagnostics[0].message).toMatch(/password-protected: remove the password and retry/);
  });
});

describe('plainNumber', () => {
  it('writes a double without float noise or exponent', () => {
    expect(plainNumber(3664721.75)).toBe('3664721.75');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-0.000001234)).toBe('-0.000001234');
    expect(plainNumber(1e-7)).toBe('0.0000001');
  });
});
