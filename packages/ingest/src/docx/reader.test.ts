import { describe, expect, it } from 'vitest';
import { NS, cellAt, docx, grids, p, r, tbl, tc, texts, tr } from './fixtures/docx-helpers.js';
import { writeZip } from '../zip/write.js';
import { ingestDocx } from './ingest-docx.js';

describe('DOCX tables', () => {
  it('reads gridSpan as a column span and a vMerge restart/continue run as a row span', () => {
    const { blocks } = ingestDocx(
      docx(
        tbl([
          tr([tc('科目', '<w:vMerge w:val="restart"/>'), tc('支出', '<w:gridSpan w:val="2"/>')]),
          tr([tc('', '<w:vMerge/>'), tc('基本'), tc('项目')]),
          tr([tc('合计'), tc('10.00'), tc('20.00')]),
        ]),
      ),
    );
    const [grid] = grids(blocks);
    expect(grid.rowCount).toBe(3);
    expect(grid.colCount).toBe(3);
    expect(cellAt(grid, 0, 0)).toMatchObject({ text: '科目', rs: 2, cs: 1 });
    expect(cellAt(grid, 0, 1)).toMatchObject({ text: '支出', rs: 1, cs: 2 });
    expect(cellAt(grid, 1, 1)?.text).toBe('基本');
    expect(cellAt(grid, 1, 2)?.text).toBe('项目');
    expect(cellAt(grid, 2, 2)?.text).toBe('20.00');
  });

  it('keeps the cells of a row with gridBefore in their grid columns', () => {
    const { blocks } = ingestDocx(
      docx(
        tbl([
          tr([tc('项目'), tc('金额'), tc('备注')]),
          tr([tc('30.00'), tc('说明')], '<w:gridBefore w:val="1"/><w:wBefore w:w="1000" w:type="dxa"/>'),
          tr([tc('合计'), tc('30.00'), tc('')]),
        ]),
      ),
    );
    const [grid] = grids(blocks);
    expect(cellAt(grid, 1, 1)?.text).toBe('30.00');
    expect(cellAt(grid, 1, 2)?.text).toBe('说明');
    expect(cellAt(grid, 1, 0)).toBeUndefined();
    expect(grid.colCount).toBe(3);
  });

  it('counts vMerge columns from gridBefore, so a continued cell merges with the cell above it', () => {
    const { blocks } = ingestDocx(
      docx(
        tbl([
          tr([tc('科目'), tc('类别'), tc('金额')]),
          tr([tc('甲'), tc('乙', '<w:vMerge w:val="restart"/>'), tc('1.00')]),
          tr([tc('', '<w:vMerge/>'), tc('2.00')], '<w:gridBefore w:val="1"/>'),
        ]),
      ),
    );
    const [grid] = grids(blocks);
    expect(cellAt(grid, 1, 1)).toMatchObject({ text: '乙', rs: 2 });
    expect(cellAt(grid, 2, 2)?.text).toBe('2.00');
  });

  it('drops a deleted row (tracked change)', () => {
    const { blocks } = ingestDocx(
      docx(
        tbl([
          tr([tc('项目'), tc('金额')]),
          tr([tc('旧行'), tc('1.00')], '<w:del w:id="1" w:author="a"/>'),
          tr([tc('新行'), tc('2.00')]),
        ]),
      ),
    );
    const [grid] = grids(blocks);
    expect(grid.rowCount).toBe(2);
    expect(grid.cells.map((c) => c.text)).not.toContain('旧行');
  });

  it('reads a table nested in a cell as its own grid, the holder as layout', () => {
    const inner = tbl([tr([tc('项目'), tc('金额')]), tr([tc('工资'), tc('5.00')])]);
    const { blocks } = ingestDocx(
      docx(tbl([tr([tc('左'), `<w:tc>${p(r('表一'))}${inner}<w:p/></w:tc>`]), tr([tc('下'), tc('右')])])),
    );
    const [grid] = grids(blocks);
    expect(grid.cells.map((c) => c.text)).toEqual(['项目', '金额', '工资', '5.00']);
    expect(texts(blocks)).toContain('表一');
    expect(texts(blocks)).toContain('右');
  });

  it('reads tables nested deeper than the walker can follow as text, without failing', () => {
    let body = p(r('最深'));
    for (let i = 0; i < 200; i++) body = tbl([tr([`<w:tc>${body}</w:tc>`, tc(`x${i}`)]), tr([tc('a'), tc('b')])]);
    const { blocks } = ingestDocx(docx(body));
    expect(blocks.length).toBeGreaterThan(0);
  });
});

describe('DOCX text', () => {
  it('reads runs inside hyperlinks, smart tags, content controls, insertions and field results', () => {
    const { blocks } = ingestDocx(
      docx(
        p(
          `<w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink>`,
          `<w:smartTag w:uri="u" w:element="e"><w:r><w:t>标记</w:t></w:r></w:smartTag>`,
          `<w:sdt><w:sdtPr><w:alias w:val="x"/><w:placeholder><w:docPart w:val="y"/></w:placeholder></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>`,
          `<w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>`,
          `<w:fldSimple w:instr=" SEQ 表 \\* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple>`,
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy" </w:instrText></w:r>`,
          `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
        ),
      ),
    );
    expect(texts(blocks)).toEqual(['链接标记控件插入12024']);
  });

  it('leaves out deleted and moved-away text and joins a paragraph whose mark was deleted to the next', () => {
    const { blocks } = ingestDocx(
      docx(
        p(
          r('保留'),
          '<w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>',
          '<w:moveFrom w:id="2" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>',
        ) +
          '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>' +
          p(r('后半')),
      ),
    );
    expect(texts(blocks)).toEqual(['保留', '前半后半']);
  });

  it('decodes entities and character references, reads CDATA, skips comments and processing instructions', () => {
    const { blocks } = ingestDocx(
      docx(
        p(
          '<w:r><w:t>A&amp;B &lt;1&gt; &quot;q&quot; &apos;s&apos; &#20013;&#x6587; &#0;</w:t></w:r>',
          '<!-- <w:r><w:t>注释</w:t></w:r> -->',
          '<?pi <w:t>x</w:t> ?>',
          '<w:r><w:t><![CDATA[<原样>]]></w:t></w:r>',
        ),
      ),
    );
    expect(texts(blocks)).toEqual(['A&B <1> "q" \'s\' 中文 \ufffd<原样>']);
  });

  it('treats XML 1.1 line ends (NEL, LS) in text as whitespace, as XML 1.1 parsers do', () => {
    const { blocks } = ingestDocx(docx(p('<w:r><w:t>城乡\u0085社区\u2028支出</w:t></w:r>')));
    expect(texts(blocks)).toEqual(['城乡 社区 支出']);
  });

  it('makes a line per w:br and w:cr, and a tab a space', () => {
    const { blocks } = ingestDocx(
      docx(
        p(
          '<w:r><w:t>一</w:t><w:br/><w:t>二</w:t><w:cr/><w:t>三</w:t><w:tab/><w:t>四</w:t><w:br w:type="page"/><w:t>五</w:t></w:r>',
        ),
      ),
    );
    expect(texts(blocks)).toEqual(['一', '二', '三 四', '五']);
  });

  it('reads the Fallback of alternate content, else its first Choice, and text boxes after their paragraph', () => {
    const textbox = (text: string) =>
      `<w:pict><v:shape><v:textbox><w:txbxContent>${p(r(text))}</w:txbxContent></v:textbox></v:shape></w:pict>`;
    const { blocks } = ingestDocx(
      docx(
        p(
          r('正文'),
          `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${p(r('新式'))}</w:drawing></mc:Choice><mc:Fallback>${textbox('文本框')}</mc:Fallback></mc:AlternateContent></w:r>`,
          r('续'),
        ) +
          p(
            `<w:r><mc:AlternateContent><mc:Choice Requires="x"><w:t>仅选项</w:t></mc:Choice></mc:AlternateContent></w:r>`,
          ),
      ),
    );
    expect(texts(blocks)).toEqual(['正文续', '文本框', '仅选项']);
  });

  it('maps a symbol-font character and leaves out math and properties', () => {
    const { blocks } = ingestDocx(
      docx(
        p(
          '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>是</w:t></w:r>',
          '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><w:t>x</w:t></m:r></m:oMath>',
        ),
      ),
    );
    expect(texts(blocks)).toEqual(['✓是']);
  });

  it('appends the notes the text refers to, without a reference mark in the text', () => {
    const notes =
      `<w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>注：数据为初步统计。</w:t></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="2"><w:p><w:r><w:t>未引用的注。</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="notes/fn.xml"/></Relationships>';
    const { blocks } = ingestDocx(
      docx(
        p(
          r('收入30.00'),
          '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
        ) + p(r('结尾')),
        [
          { name: 'word/_rels/document.xml.rels', data: rels },
          { name: 'word/notes/fn.xml', data: notes },
        ],
      ),
    );
    expect(texts(blocks)).toEqual(['收入30.00', '结尾', '注：数据为初步统计。']);
  });

  it('converts traditional text to simplified and says so', () => {
    const result = ingestDocx(docx(p(r('縣財政局預算單位機關運轉經費說明'))));
    expect(result.script).toBe('traditional');
    expect(texts(result.blocks)).toEqual(['县财政局预算单位机关运转经费说明']);
    expect(ingestDocx(docx(p(r('县财政局预算说明')))).script).toBe('simplified');
  });

  it('reads a part whose WordprocessingML namespace has another prefix', () => {
    const xml =
      '<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body>' +
      '<ns0:p><ns0:r><ns0:t>甲</ns0:t><ns0:tab/><ns0:t>乙</ns0:t></ns0:r></ns0:p>' +
      '<ns0:tbl>' +
      '<ns0:tr><ns0:tc><ns0:p><ns0:r><ns0:t>项目</ns0:t></ns0:r></ns0:p></ns0:tc><ns0:tc><ns0:p><ns0:r><ns0:t>金额</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr>' +
      '<ns0:tr><ns0:tc><ns0:p><ns0:r><ns0:t>工资</ns0:t></ns0:r></ns0:p></ns0:tc><ns0:tc><ns0:p><ns0:r><ns0:t>2.00</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr>' +
      '<ns0:tr><ns0:tc><ns0:tcPr><ns0:gridSpan ns0:val="2"/></ns0:tcPr><ns0:p><ns0:r><ns0:t>合并</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl>' +
      '</ns0:body></ns0:document>';
    const { blocks } = ingestDocx(writeZip([{ name: 'word/document.xml', data: xml }]));
    expect(texts(blocks)).toEqual(['甲 乙']);
    const [grid] = grids(blocks);
    expect(cellAt(grid, 1, 1)?.text).toBe('2.00');
    expect(cellAt(grid, 2, 0)).toMatchObject({ text: '合并', cs: 2 });
  });
});
