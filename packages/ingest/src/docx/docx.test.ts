import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Grid } from '@govdocs/core';
import { ingest } from '../index.js';

const fixture = (name: string) => ({
  path: name,
  bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures', name))),
});

describe('Word files', () => {
  it('reads vertically and horizontally merged cells as spans, paragraphs as text in order', async () => {
    const { value, diagnostics } = await ingest(fixture('vmerge.docx'));
    expect(diagnostics).toEqual([]);
    const blocks = value!.blocks;
    const gridIndex = blocks.findIndex((b) => b.type === 'grid');
    const grid = (blocks[gridIndex] as { grid: Grid }).grid;
    expect(grid.rowCount).toBe(4);
    expect(grid.colCount).toBe(5);
    const cell = (r: number, c: number) => grid.cells.find((x) => x.r === r && x.c === c);
    expect(cell(0, 0)).toMatchObject({ text: '科目编码', rs: 2, cs: 1 });
    expect(cell(0, 2)).toMatchObject({ text: '合计', rs: 2 });
    expect(cell(0, 3)).toMatchObject({ text: '基本支出', rs: 1, cs: 2 });
    expect(cell(1, 3)?.text).toBe('人员经费');
    expect(cell(3, 0)).toMatchObject({ text: '合计', cs: 2 });
    expect(cell(3, 4)?.text).toBe('10.00');
    expect(grid.before).toEqual([
      '示例县财政局2024年部门预算',
      '一般公共预算支出表',
      '表5',
      '部门：示例县财政局 金额单位：万元',
    ]);
    expect(grid.after).toEqual(['注：本表金额均为示例。']);
    const textAfter = blocks.slice(gridIndex + 1).map((b) => (b.type === 'text' ? b.text : '#'));
    expect(textAfter).toEqual(['注：本表金额均为示例。', '二、部门预算情况说明', '本部门2024年收入预算30万元。']);
  });

  it('reports a DOCX that is not a zip and goes on', async () => {
    const { value, diagnostics } = await ingest(fixture('not-a-zip.docx'));
    expect(value).toBeNull();
    expect(diagnostics[0].rule).toBe('document.not_zip');
  });
});
