import { describe, expect, it } from 'vitest';
import { detectPdfTables } from './detect.js';
import { blocksOf, cellAt, expectSeventyRowTable, grids, h, page, rowOf, v, word } from './fixtures/detect-helpers.js';

describe('PDF tables from LibreOffice fixtures', () => {
  it('joins a ruled table over three pages and drops the repeated header rows', async () => {
    const blocks = await blocksOf('repeated-header.pdf');
    const [g] = grids(blocks);
    expect(grids(blocks)).toHaveLength(1);
    expectSeventyRowTable(g);
    expect(g.before).toEqual(['部门支出总表', '公开03表', '部门：测试县农业农村局  金额单位：元']);
    expect(g.after).toEqual(['注：本表数据为测试数据。']);
  });

  it('joins a ruled table over pages without a repeated header', async () => {
    const blocks = await blocksOf('no-repeat.pdf');
    expect(grids(blocks)).toHaveLength(1);
    expectSeventyRowTable(grids(blocks)[0]);
  });

  it('reads a borderless table by alignment, title lines before it and notes after', async () => {
    const blocks = await blocksOf('borderless.pdf');
    const [g] = grids(blocks);
    expect(grids(blocks)).toHaveLength(1);
    expect(g.before).toEqual([
      '测试县2023年部门决算公开',
      '“三公”经费支出表',
      '公开09表',
      '部门：测试县农业农村局  金额单位：元',
    ]);
    expect(g.after).toEqual(['说明：本年度无因公出国（境）费支出。']);
    expect(rowOf(g, 0)).toEqual(['项目', '行次', '合计', '基本支出', '项目支出']);
    expect(rowOf(g, 3)).toEqual(['公务用车购置及运行费', '30,000.00', '25,000.00', '5,000.00']);
    // A figure sits in the column of its header, though the header is centred and the figure not.
    expect(cellAt(g, '36,000.00')!.c).toBe(cellAt(g, '合计')!.c);
    expect(cellAt(g, '25,000.00')!.c).toBe(cellAt(g, '基本支出')!.c);
    // Text outside tables stays, in reading order.
    expect(blocks[0]).toMatchObject({ type: 'text', text: '测试县2023年部门决算公开', page: 1 });
  });

  it('joins labels wrapped over two and three lines into their row', async () => {
    const [g] = grids(await blocksOf('wrapped-labels.pdf'));
    expect(g.rowCount).toBe(5);
    expect(rowOf(g, 1)).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '246,633.46']);
    expect(rowOf(g, 2)).toEqual(['2080506', '机关事业单位职业年金缴费支出', '65,021.28']);
    expect(rowOf(g, 3)).toEqual(['2101101', '行政单位医疗', '53,534.42']);
  });

  it('joins wrapped labels whose figures are centred beside them', async () => {
    const [g] = grids(await blocksOf('centred-labels.pdf'));
    expect(g.rowCount).toBe(5);
    expect(rowOf(g, 1)).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '246,633.46']);
    expect(rowOf(g, 2)).toEqual(['2080506', '机关事业单位职业年金缴费支出', '65,021.28']);
    expect(rowOf(g, 3)).toEqual(['2101101', '行政单位医疗', '53,534.42']);
    expect(rowOf(g, 0)).toEqual(['科目编码', '科目名称', '合计']);
  });

  it('reads figures wrapped inside narrow cells whole, ruled or borderless', async () => {
    for (const name of ['wrapped-figures.pdf', 'wrapped-figures-borderless.pdf']) {
      const [g] = grids(await blocksOf(name));
      expect(g.rowCount, name).toBe(5);
      expect(rowOf(g, 0), name).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
      expect(rowOf(g, 1), name).toEqual(['213', '农林水支出', '7,589,702.85', '3,800.00', '7,585,902.85']);
      expect(rowOf(g, 3), name).toEqual(['2130101', '行政运行', '3,800.00', '3,800.00', '0.00']);
      // A label wrapped over two lines beside figures wrapped over two.
      expect(rowOf(g, 4), name).toEqual(['2130199', '其他农业农村支出', '7,585,902.85', '0.00', '7,585,902.85']);
    }
  });

  it('joins a table printed again under its title, header, 栏次 and 合计 on the next page', async () => {
    const blocks = await blocksOf('retitled.pdf');
    const [g, ...rest] = grids(blocks);
    expect(rest).toHaveLength(0);
    expect(g.pages).toEqual([1, 2]);
    expect(g.before).toEqual(['表2', '收入决算表', '部门：测试县农业农村局  金额单位：元']);
    expect(g.after).toEqual(['注：本表反映部门本年度取得的各项收入情况。']);
    expect(g.cells.filter((c) => c.text === '合计')).toHaveLength(1);
    expect(g.cells.filter((c) => c.text === '栏次')).toHaveLength(1);
    const codes = g.cells.filter((c) => /^\d{3,7}$/.test(c.text)).map((c) => c.text);
    expect(codes).toEqual([
      '208',
      '20805',
      '2080505',
      '2080506',
      '214',
      '21401',
      '2140101',
      '2140102',
      '2140199',
      '221',
      '22102',
      '2210201',
    ]);
    // Labels wrapped over two lines beside figures centred in their rows.
    const row = (code: string) => rowOf(g, g.cells.find((c) => c.text === code)!.r);
    expect(row('2080505')).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '534,500.00', '534,500.00', '0.00']);
    expect(row('221')).toEqual(['221', '住房保障支出', '608,700.00', '608,700.00', '0.00']);
    // The 类 rows add up to the 合计 row.
    const total = (code: string) => Number(row(code)[2].replace(/,/g, ''));
    expect(total('208') + total('214') + total('221')).toBe(16681400);
  });

  it('reads a page shown rotated like the upright one', async () => {
    const [a] = grids(await blocksOf('borderless.pdf'));
    const [b] = grids(await blocksOf('rotated.pdf'));
    expect(b.cells.map(({ r, c, rs, cs, text }) => ({ r, c, rs, cs, text }))).toEqual(
      a.cells.map(({ r, c, rs, cs, text }) => ({ r, c, rs, cs, text })),
    );
  });
});

describe('lattice tables from rulings', () => {
  // 3 columns (100-200-300-400), 3 rows (100-120-140-160); the top row's first two cells merged,
  // the left column's two lower cells merged.
  const rules = [
    h(100, 100, 400),
    h(120, 100, 400),
    h(140, 200, 400),
    h(160, 100, 400),
    v(100, 100, 160),
    v(200, 120, 160),
    v(300, 100, 160),
    v(400, 100, 160),
  ];
  const texts = [
    word('支出功能分类', 110, 105),
    word('合计', 310, 105),
    word('一般公共', 110, 130),
    word('行政运行', 210, 125),
    word('3.50', 310, 125, 30),
    word('事业运行', 210, 145),
    word('1.25', 310, 145, 30),
  ];

  it('gives row and column spans from missing borders, boxes from the rulings', () => {
    const [g] = grids(detectPdfTables([page(1, texts, rules)]));
    expect(g.rowCount).toBe(3);
    expect(g.colCount).toBe(3);
    expect(cellAt(g, '支出功能分类')).toMatchObject({ r: 0, c: 0, rs: 1, cs: 2, page: 1, bbox: [100, 100, 300, 120] });
    expect(cellAt(g, '一般公共')).toMatchObject({ r: 1, c: 0, rs: 2, cs: 1 });
    expect(cellAt(g, '1.25')).toMatchObject({ r: 2, c: 2 });
  });

  it('joins the lines of text inside one ruled cell', () => {
    const wrapped = [...texts, word('支出', 110, 141)];
    const [g] = grids(detectPdfTables([page(1, wrapped, rules)]));
    expect(cellAt(g, '一般公共支出')).toMatchObject({ r: 1, c: 0, rs: 2 });
  });
});

describe('under-ruled tables', () => {
  it('a frame with one inner line and a rule per row is read by alignment, rows from the rules', () => {
    const rules = [
      h(100, 100, 500),
      h(120, 100, 500),
      h(140, 100, 500),
      h(160, 100, 500),
      v(100, 100, 160),
      v(200, 100, 160),
      v(500, 100, 160),
    ];
    const texts = [
      word('项目', 110, 105),
      word('合计', 250, 105),
      word('基本', 350, 105),
      word('项目', 430, 105),
      word('工资', 110, 125),
      word('3.00', 250, 125, 30),
      word('2.00', 350, 125, 30),
      word('1.00', 430, 125, 30),
      word('津贴', 110, 145),
      word('6.00', 250, 145, 30),
      word('4.00', 350, 145, 30),
      word('2.00', 430, 145, 30),
    ];
    const [g] = grids(detectPdfTables([page(1, texts, rules)]));
    expect(g.colCount).toBe(4);
    expect(rowOf(g, 1)).toEqual(['工资', '3.00', '2.00', '1.00']);
  });
});
