import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_TYPES,
  NS,
  PACKAGE_RELS,
  cellAt,
  docx,
  grids,
  p,
  r,
  tbl,
  tc,
  texts,
  tr,
} from './fixtures/docx-helpers.js';
import { ingest } from '../index.js';
import { writeZip } from '../zip/write.js';
import { ingestDocx } from './ingest-docx.js';

describe('DOCX packages', () => {
  it('finds the main part through the package relationships when it is not word/document.xml', () => {
    const rels = PACKAGE_RELS.replace('word/document.xml', '/word/main.xml');
    const bytes = writeZip([
      { name: '_rels/.rels', data: rels },
      { name: 'word/main.xml', data: `<w:document ${NS}><w:body>${p(r('主文档'))}</w:body></w:document>` },
    ]);
    expect(texts(ingestDocx(bytes).blocks)).toEqual(['主文档']);
  });

  it('finds the main part through the content types when there are no relationships', () => {
    const types = CONTENT_TYPES.replace('/word/document.xml', '/word/document2.xml');
    const bytes = writeZip([
      { name: '[Content_Types].xml', data: types },
      { name: 'word/document2.xml', data: `<w:document ${NS}><w:body>${p(r('第二'))}</w:body></w:document>` },
    ]);
    expect(texts(ingestDocx(bytes).blocks)).toEqual(['第二']);
  });

  it('reports a package without a main document part', () => {
    expect(() => ingestDocx(writeZip([{ name: 'word/styles.xml', data: '<w:styles/>' }]))).toThrow(
      /no main document part/,
    );
  });

  it('turns malformed XML into a document issue that says where', async () => {
    const cases = [
      [p(r('未闭合')).replace('</w:t>', ''), /not well-formed XML: <\/w:r> where <\/w:t> was expected/],
      ['<w:p><w:r><w:t>截断', /not well-formed XML: <\/w:body> where <\/w:t> was expected/],
      ['<w:p></w:r></w:p>', /<\/w:r> where <\/w:p> was expected/],
      ['<w:p><w:r><w:t a="1>x</w:t></w:r></w:p>', /not well-formed/],
    ] as const;
    for (const [body, message] of cases) {
      const { value, diagnostics } = await ingest({ path: 'bad.docx', bytes: docx(body) });
      expect(value).toBeNull();
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0].rule).toBe('document.unreadable');
      expect(diagnostics[0].message).toMatch(message);
      expect(diagnostics[0].message).toMatch(/word\/document\.xml/);
    }
    const cut = writeZip([{ name: 'word/document.xml', data: `<w:document ${NS}><w:body><w:p><w:r><w:t>截断` }]);
    expect(() => ingestDocx(cut)).toThrow(/not well-formed XML: the part ends inside <w:t>/);
  });

  it('reads very deep element nesting without running out of stack', () => {
    const depth = 100_000;
    const body = `<w:p>${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:r><w:t>深</w:t></w:r>${'</w:sdtContent></w:sdt>'.repeat(depth)}</w:p>`;
    const xml = `<w:document ${NS}><w:body>${body}</w:body></w:document>`;
    // Stored, not deflated: this repetitive part would trip the zip-bomb ratio check.
    expect(texts(ingestDocx(writeZip([{ name: 'word/document.xml', data: xml, store: true }])).blocks)).toEqual(['深']);
  });

  it('reads a part with a UTF-8 byte-order mark or in UTF-16', () => {
    const xml = `<?xml version="1.0"?><w:document ${NS}><w:body>${p(r('编码'))}</w:body></w:document>`;
    const bom = writeZip([{ name: 'word/document.xml', data: `\ufeff${xml}` }]);
    expect(texts(ingestDocx(bom).blocks)).toEqual(['编码']);
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    expect(texts(ingestDocx(writeZip([{ name: 'word/document.xml', data: utf16 }])).blocks)).toEqual(['编码']);
  });

  it('either reads or names the broken part for every cut and splice of a document (no crash, no hang)', () => {
    const body =
      p(
        r('标题'),
        '<w:r><mc:AlternateContent><mc:Choice Requires="x"><w:t>c</w:t></mc:Choice><mc:Fallback><w:t>f</w:t></mc:Fallback></mc:AlternateContent></w:r>',
      ) +
      tbl([
        tr([tc('项目', '<w:vMerge w:val="restart"/>'), tc('金额', '<w:gridSpan w:val="2"/>')]),
        tr([tc('', '<w:vMerge/>'), tc('1.00'), tc('2.00')], '<w:gridBefore w:val="0"/>'),
      ]);
    const xml = `<w:document ${NS}><w:body>${body}</w:body></w:document>`;
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 300; i++) {
      const a = random(xml.length);
      const b = random(xml.length);
      const broken =
        i % 3 === 0
          ? xml.slice(0, a)
          : i % 3 === 1
            ? xml.slice(0, Math.min(a, b)) + xml.slice(Math.max(a, b))
            : xml.slice(0, a) + xml.slice(b, b + 20) + xml.slice(a);
      try {
        expect(Array.isArray(ingestDocx(writeZip([{ name: 'word/document.xml', data: broken }])).blocks)).toBe(true);
      } catch (error) {
        expect((error as Error).message).toMatch(/^word\/document\.xml (is not well-formed XML|has no document body)/);
      }
    }
  });

  it('says when a part has no document body', () => {
    const bytes = writeZip([{ name: 'word/document.xml', data: `<w:document ${NS}></w:document>` }]);
    expect(() => ingestDocx(bytes)).toThrow(/word\/document\.xml has no document body/);
  });
});

describe('a DOCX written by LibreOffice', () => {
  const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'libreoffice-features.docx')));

  it('reads its tracked changes, text box, fields, footnote, merged and nested tables as Word shows them', () => {
    const { blocks, script } = ingestDocx(bytes);
    expect(script).toBe('simplified');
    const lines = texts(blocks);
    expect(lines.slice(0, 4)).toEqual([
      '一、部门预算说明',
      '本部门收入预算新增30.00万元。',
      '锚定段落结束',
      '文本框内文字',
    ]);
    expect(lines[4]).toMatch(/^页码1，日期.+，链接文字 制表$/);
    expect(lines.slice(5)).toEqual([
      '换行后',
      '公开08表',
      '金额单位：万元',
      '外层表格：',
      '左侧',
      '下左',
      '下右',
      '列表一',
      '列表二',
      '結尾繁體字',
      '注：数据为初步统计。',
    ]);
    const [budget, nested] = grids(blocks);
    expect(cellAt(budget, 0, 0)).toMatchObject({ text: '科目编码', rs: 2 });
    expect(cellAt(budget, 0, 2)).toMatchObject({ text: '本年支出', cs: 2 });
    expect(cellAt(budget, 3, 0)).toMatchObject({ text: '合计', cs: 2 });
    expect(budget.before.slice(-2)).toEqual(['公开08表', '金额单位：万元']);
    expect(nested.cells.map((c) => c.text)).toEqual(['项目', '金额', '工资福利支出', '5.00']);
  });
});

describe('DOCX entries that lie about their size', () => {
  it('reads the document without inflating parts it never opens (an image that lies is never expanded)', async () => {
    const bytes = docx(p(r('正文')), [{ name: 'word/media/image1.png', data: 'z'.repeat(200_000), declaredSize: 100 }]);
    const { value, diagnostics } = await ingest({ path: 'lying-image.docx', bytes });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(texts(value!.blocks)).toContain('正文');
  });

  it('refuses a main document part that expands past its declared size, with a clear issue', async () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${p(r('x'.repeat(100_000)))}</w:body></w:document>`;
    const bytes = writeZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: '_rels/.rels', data: PACKAGE_RELS },
      { name: 'word/document.xml', data: body, declaredSize: 500 },
    ]);
    const { value, diagnostics } = await ingest({ path: 'lying-main.docx', bytes });
    expect(value?.blocks.some((b) => b.type === 'text' && b.text.includes('x'.repeat(1000)))).not.toBe(true);
    expect(diagnostics.map((d) => d.rule)).toContain('document.unreadable');
  });
});
