import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentModel, Grid } from '@govdocs/core';
import { ingest } from '../index.js';
import { decodeText } from '../decode.js';

const fixture = (name: string) => ({
  path: name,
  bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures', name))),
});
const page = (html: string) => ({ path: 'page.html', bytes: new TextEncoder().encode(html) });
const grids = (doc: DocumentModel | null): Grid[] =>
  (doc?.blocks ?? []).flatMap((b) => (b.type === 'grid' ? [b.grid] : []));
const texts = (doc: DocumentModel | null): string[] =>
  (doc?.blocks ?? []).flatMap((b) => (b.type === 'text' ? [b.text] : []));

describe('web pages', () => {
  it('decodes a GBK page declared gb2312, drops chrome, keeps clues', async () => {
    const { value, diagnostics } = await ingest(fixture('gbk.html'));
    expect(diagnostics).toEqual([]);
    expect(value!.script).toBe('simplified');
    expect(value!.clues).toEqual({
      title: '示例县财政局2024年部门预算',
      site: '示例县人民政府',
      url: 'http://www.example.gov.cn/zwgk/2024/0515/art_1.html',
      published: '2024-05-15',
    });
    const lines = texts(value).join('\n');
    expect(lines).not.toMatch(/当前位置|首页|网站标识码|不要读我|color:red/);
    expect(lines).toContain('部门：示例县财政局');
  });

  it('reads data tables inside layout tables, with in-table title rows moved to context', async () => {
    const [summary, spending] = grids((await ingest(fixture('gbk.html'))).value);
    expect(grids((await ingest(fixture('gbk.html'))).value)).toHaveLength(2);
    expect(summary.cells.find((c) => c.r === 0 && c.c === 0)).toMatchObject({ text: '收入', cs: 2 });
    expect(summary.cells.find((c) => c.r === 2 && c.c === 1)?.text).toBe('1,234.50');
    expect(spending.before.slice(-2)).toEqual(['部门支出总表', '单位：元']);
    expect(spending.cells.find((c) => c.r === 0 && c.c === 0)).toMatchObject({ text: '科目名称', rs: 2 });
    expect(spending.rowCount).toBe(3);
  });

  it('decodes a Big5 page and converts it to simplified', async () => {
    const { value } = await ingest(fixture('big5.html'));
    expect(value!.script).toBe('traditional');
    expect(value!.clues.title).toBe('示例县财政局2024年部门预算');
    expect(grids(value)[0].before).toContain('部门收支总表');
    expect(grids(value)[0].cells.map((c) => c.text)).toContain('一般公共预算拨款收入');
  });

  it('reads a Big5 page that wrongly declares gb2312', async () => {
    const { value } = await ingest(fixture('big5-labelled-gb2312.html'));
    expect(value!.clues.site).toBe('示例县人民政府');
    expect(grids(value)[0].cells.map((c) => c.text)).toContain('合计');
  });

  it('converts a UTF-8 繁體 page before anything reads it', async () => {
    const { value } = await ingest(fixture('traditional.html'));
    expect(value!.script).toBe('traditional');
    expect(texts(value)).toContain('部门：示例县财政局 金额单位：万元');
    expect(grids(value)[0].cells.map((c) => c.text)).toContain('项目（按功能分类）');
  });

  it('keeps the text of a page with no table, with an info', async () => {
    const { value, diagnostics } = await ingest(
      page('<html><body><h1>关于公开2023年部门决算的说明</h1><p>本部门决算已于网站公开。</p></body></html>'),
    );
    expect(grids(value)).toEqual([]);
    expect(texts(value)).toEqual(['关于公开2023年部门决算的说明', '本部门决算已于网站公开。']);
    expect(diagnostics).toMatchObject([{ rule: 'document.no_table', severity: 'info' }]);
  });

  it('does not take single-cell wrappers or one-row strips for data tables', async () => {
    const html =
      '<html><body><table><tr><td><p>正文</p></td></tr></table><table><tr><td>打印</td><td>关闭</td></tr></table></body></html>';
    const { value } = await ingest(page(html));
    expect(grids(value)).toEqual([]);
    expect(texts(value)).toContain('正文');
  });

  it('refuses a page whose bytes do not decode', async () => {
    const junk = new Uint8Array(400).map((_, i) => (i % 2 ? 0xc3 : 0xff));
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="utf-8"></head><body>'),
      ...junk,
    ]);
    const { value, diagnostics } = await ingest({ path: 'bad.html', bytes });
    expect(value).toBeNull();
    expect(diagnostics[0].rule).toBe('document.encoding');
  });
});

describe('decodeText', () => {
  it('detects GBK and Big5 without a declaration', () => {
    const gbk = readFileSync(join(import.meta.dirname, '../fixtures/gbk.html'));
    const big5 = readFileSync(join(import.meta.dirname, '../fixtures/big5.html'));
    const strip = (b: Buffer) =>
      new Uint8Array(Buffer.from(b.toString('latin1').replace(/charset=[\w-]+/, ''), 'latin1'));
    expect(decodeText(strip(gbk)).encoding).toBe('gb18030');
    expect(decodeText(strip(big5)).encoding).toBe('big5');
  });

  it('reads a GBK page that wrongly declares UTF-8', async () => {
    const gbk = readFileSync(join(import.meta.dirname, '../fixtures/gbk.html'));
    const lying = new Uint8Array(
      Buffer.from(gbk.toString('latin1').replace('charset=gb2312', 'charset=utf-8'), 'latin1'),
    );
    const { value, diagnostics } = await ingest({ path: 'lying.html', bytes: lying });
    expect(diagnostics).toEqual([]);
    expect(value!.clues.site).toBe('示例县人民政府');
  });
});

describe('site chrome and table classes', () => {
  it('keeps header rows classed "head", drops hidden text and chrome inside layout tables', async () => {
    const html = `<html><body><table width="1000"><tr><td><div class="menu">菜单</div>
      <div style="display:none">隐藏的文本</div><div class="position">您现在的位置：首页</div>
      <table border=1><tr class="head"><td colspan=2><b>“三公”经费支出表</b></td></tr>
      <tr class="head"><th>项目</th><th>预算数</th></tr><tr><td>公务接待费</td><td>3.28</td></tr></table>
      </td></tr></table></body></html>`;
    const { value } = await ingest(page(html));
    const [grid] = grids(value);
    expect(grid.before).toEqual(['“三公”经费支出表']);
    expect(grid.cells.map((c) => c.text)).toEqual(['项目', '预算数', '公务接待费', '3.28']);
    expect(texts(value).join()).not.toMatch(/菜单|隐藏|您现在的位置/);
  });
});

describe('article strips laid out as tables', () => {
  it('reads a two-row title/date table as text, not data', async () => {
    const html = `<html><body><table><tr><td colspan=3>示例县财政局2024年部门预算</td></tr>
      <tr><td>发布时间：2024-05-15</td><td>来源：示例县财政局</td><td>浏览次数：12</td></tr></table></body></html>`;
    const { value } = await ingest(page(html));
    expect(grids(value)).toEqual([]);
    expect(texts(value)).toEqual([
      '示例县财政局2024年部门预算',
      '发布时间：2024-05-15',
      '来源：示例县财政局',
      '浏览次数：12',
    ]);
    expect(value!.clues.published).toBe('2024-05-15');
  });
});
