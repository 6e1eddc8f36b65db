import { describe, expect, it } from 'vitest';
import { detectTables } from '../index.js';
import { detectPdfTables } from './detect.js';
import { cellAt, grids, h, page, rowOf, v, word } from './fixtures/detect-helpers.js';

describe('pages', () => {
  it('skips a scanned page and reads the next', () => {
    const blocks = detectPdfTables([
      page(1, [], [], { scanned: true }),
      page(2, [
        word('收入决算表', 100, 50),
        word('项目', 100, 100),
        word('金额', 300, 100),
        word('合计', 100, 120),
        word('5.00', 300, 120, 30),
      ]),
    ]);
    expect(grids(blocks)).toHaveLength(1);
    expect(grids(blocks)[0].pages).toEqual([2]);
    expect(grids(blocks)[0].before).toEqual(['收入决算表']);
  });

  it('joins a table continued after a 续表 line, dropping its repeated header', () => {
    const header = (y: number) => [word('项目', 100, y), word('金额', 300, y)];
    const blocks = detectPdfTables([
      page(1, [
        word('支出表', 100, 50),
        ...header(100),
        word('工资', 100, 120),
        word('1.00', 300, 120, 30),
        word('津贴', 100, 140),
        word('2.00', 300, 140, 30),
      ]),
      page(2, [
        word('续表', 100, 50),
        ...header(100),
        word('奖金', 100, 120),
        word('3.00', 300, 120, 30),
        word('第2页', 250, 760),
      ]),
    ]);
    const gs = grids(blocks);
    expect(gs).toHaveLength(1);
    expect(gs[0].pages).toEqual([1, 2]);
    expect(rowOf(gs[0], 3)).toEqual(['奖金', '3.00']);
    expect(gs[0].cells.filter((c) => c.text === '项目')).toHaveLength(1);
  });

  it('joins a table whose title lines, header, 栏次 and 合计 rows are printed again on the next page', () => {
    // Title lines below the top tenth of the page, so they are not running headers.
    const top = (n: number) => [
      word('表2', 500, 100, 20),
      word('收入决算表', 250, 120),
      word('部门：交通局', 100, 140, 60),
      word('单位：万元', 400, 140, 50),
      word('科目', 100, 170),
      word('名称', 200, 170),
      word('金额', 300, 170),
      word('栏次', 200, 190),
      word('1', 300, 190, 10),
      word('合计', 200, 210),
      word('6.00', 300, 210, 30),
      word(`${n}`, 290, 775, 10),
    ];
    const gs = grids(
      detectPdfTables([
        page(1, [...top(1), word('208', 100, 230, 30), word('社保', 200, 230), word('1.00', 300, 230, 30)]),
        page(2, [...top(2), word('221', 100, 230, 30), word('住房', 200, 230), word('5.00', 300, 230, 30)]),
      ]),
    );
    expect(gs).toHaveLength(1);
    expect(gs[0].pages).toEqual([1, 2]);
    expect(gs[0].rowCount).toBe(5);
    expect(rowOf(gs[0], 4)).toEqual(['221', '住房', '5.00']);
    expect(gs[0].cells.filter((c) => c.text === '合计')).toHaveLength(1);
    expect(gs[0].before).toEqual(['表2', '收入决算表', '部门：交通局  单位：万元']);
  });

  it('keeps apart tables under the same title when the next one does not repeat the header', () => {
    // Titles below the top tenth of the page, so they are not running headers.
    const top = [word('项目支出绩效目标表', 250, 100, 90), word('项目名称', 100, 150), word('金额', 300, 150)];
    const gs = grids(
      detectPdfTables([
        page(1, [...top, word('甲项目', 100, 170, 30), word('1.00', 300, 170, 30)]),
        page(2, [
          word('项目支出绩效目标表', 250, 100, 90),
          word('乙项目', 100, 150, 30),
          word('2.00', 300, 150, 30),
          word('指标', 100, 170),
          word('3.00', 300, 170, 30),
        ]),
      ]),
    );
    expect(gs).toHaveLength(2);
  });

  it('keeps apart tables whose titles are drawn inside their frames', () => {
    // Each page: a ruled frame whose first row holds the title, then header and one data row.
    const rules = [
      h(60, 100, 400),
      h(80, 100, 400),
      h(100, 100, 400),
      h(120, 100, 400),
      v(100, 60, 120),
      v(400, 60, 120),
      v(250, 80, 120),
    ];
    const framed = (title: string, label: string) => [
      word(title, 200, 65),
      word('项目', 110, 85),
      word('金额', 260, 85),
      word(label, 110, 105),
      word('9.00', 260, 105, 30),
    ];
    const gs = grids(
      detectPdfTables([page(1, framed('收入总表', '合计'), rules), page(2, framed('支出总表', '合计'), rules)]),
    );
    expect(gs).toHaveLength(2);
    expect(gs[1].before).toEqual(['支出总表']);
  });

  it('keeps a table that starts under a new title on the next page apart', () => {
    const table = (y: number, label: string) => [
      word('项目', 100, y),
      word('金额', 300, y),
      word(label, 100, y + 20),
      word('1.00', 300, y + 20, 30),
    ];
    const gs = grids(
      detectPdfTables([
        page(1, [word('收入表', 100, 50), ...table(100, '工资')]),
        page(2, [word('支出决算表', 100, 50), ...table(100, '津贴')]),
      ]),
    );
    expect(gs).toHaveLength(2);
    expect(gs[1].before).toEqual(['支出决算表']);
  });

  it('is used by detectTables when the document has a layout', () => {
    const doc = {
      id: 'x',
      source: { path: 'x.pdf', sha256: '', bytes: 0, mediaType: 'application/pdf', url: null },
      pageCount: 1,
      script: 'simplified' as const,
      clues: {},
      blocks: [],
      layout: [
        page(1, [word('项目', 100, 100), word('金额', 300, 100), word('合计', 100, 120), word('5.00', 300, 120, 30)]),
      ],
    };
    const { value } = detectTables(doc);
    expect(grids(value.blocks)).toHaveLength(1);
  });
});

describe('running lines and horizontal-rule tables', () => {
  it('a running header and footer do not stop a table from running on', () => {
    const furniture = (n: number) => [word('测试县2023年部门决算', 200, 20), word(`- ${n} -`, 280, 770)];
    const gs = grids(
      detectPdfTables([
        page(1, [
          ...furniture(1),
          word('支出表', 100, 60),
          word('项目', 100, 100),
          word('金额', 300, 100),
          word('工资', 100, 120),
          word('1.00', 300, 120, 30),
        ]),
        page(2, [...furniture(2), word('津贴', 100, 100), word('2.00', 300, 100, 30)]),
      ]),
    );
    expect(gs).toHaveLength(1);
    expect(gs[0].pages).toEqual([1, 2]);
    expect(rowOf(gs[0], 2)).toEqual(['津贴', '2.00']);
  });

  it('with a rule under every row, lines between two rules are one row', () => {
    const texts = [
      word('项目', 100, 100),
      word('金额', 300, 100),
      word('一般公共预算', 100, 122),
      word('1.00', 300, 122, 30),
      word('拨款收入', 100, 134),
      word('其他收入', 100, 156),
      word('2.00', 300, 156, 30),
    ];
    const rules = [h(95, 90, 400), h(115, 90, 400), h(149, 90, 400), h(171, 90, 400)];
    const [g] = grids(detectPdfTables([page(1, texts, rules)]));
    expect(g.rowCount).toBe(3);
    expect(rowOf(g, 1)).toEqual(['一般公共预算拨款收入', '1.00']);
    expect(rowOf(g, 2)).toEqual(['其他收入', '2.00']);
  });
});

describe('context drawn inside a table frame', () => {
  it('moves a boxed title row and unit row before the grid and a note row after it', () => {
    // Columns 100-250-400; rows 60-80 (title, one cell), 80-100 (部门/单位), 100-120, 120-140, 140-160 (note, one cell).
    const rules = [
      h(60, 100, 400),
      h(80, 100, 400),
      h(100, 100, 400),
      h(120, 100, 400),
      h(140, 100, 400),
      h(160, 100, 400),
      v(100, 60, 160),
      v(400, 60, 160),
      v(250, 80, 140),
    ];
    const texts = [
      word('收入决算表', 200, 65),
      word('部门：财政局', 110, 85),
      word('单位：元', 260, 85),
      word('项目', 110, 105),
      word('金额', 260, 105),
      word('合计', 110, 125),
      word('9.00', 260, 125, 30),
      word('注：无', 110, 145),
    ];
    const blocks = detectPdfTables([page(1, texts, rules)]);
    const [g] = grids(blocks);
    expect(g.before).toEqual(['收入决算表', '部门：财政局  单位：元']);
    expect(g.after).toEqual(['注：无']);
    expect(g.rowCount).toBe(2);
    expect(rowOf(g, 0)).toEqual(['项目', '金额']);
  });

  it('a shaded header band alone is not a table: the borderless finder keeps it with its rows', () => {
    // Two shaded cells make a one-row lattice.
    const rules = [h(95, 90, 400), h(112, 90, 400), v(90, 95, 112), v(250, 95, 112), v(400, 95, 112)];
    const texts = [
      word('项目', 100, 100),
      word('金额', 300, 100),
      word('工资', 100, 120),
      word('1.00', 300, 120, 30),
      word('津贴', 100, 140),
      word('2.00', 300, 140, 30),
    ];
    const [g] = grids(detectPdfTables([page(1, texts, rules)]));
    expect(g.rowCount).toBe(3);
    expect(rowOf(g, 0)).toEqual(['项目', '金额']);
  });
});

describe('borderless tables and their rules', () => {
  it('a table closed by a rule keeps its label-only last rows; the line above the rule band stays text', () => {
    const texts = [
      word('收入表', 100, 60),
      word('项目', 100, 100),
      word('金额', 300, 100),
      word('事业收入', 100, 120),
      word('1.00', 300, 120, 30),
      word('经营收入', 100, 140),
      word('其他收入', 100, 160),
      word('注：空白为零', 100, 190),
    ];
    const rules = [h(95, 90, 400), h(113, 90, 400), h(175, 90, 400)];
    const blocks = detectPdfTables([page(1, texts, rules)]);
    const [g] = grids(blocks);
    expect(g.rowCount).toBe(4);
    expect(rowOf(g, 3)).toEqual(['其他收入']);
    expect(g.after).toEqual(['注：空白为零']);
  });

  it('a single-word header line above the rows is in the grid once, not also a text line', () => {
    const texts = [
      word('支出表', 100, 40),
      word('支出功能分类科目编码', 100, 80, 150),
      word('类', 100, 92),
      word('款', 140, 92),
      word('科目名称', 300, 92),
      word('201', 100, 110),
      word('一般公共服务', 300, 110),
      word('5.00', 450, 110, 30),
      word('20101', 100, 125),
      word('人大事务', 300, 125),
      word('5.00', 450, 125, 30),
    ];
    const blocks = detectPdfTables([page(1, texts)]);
    expect(blocks.filter((b) => b.type === 'text').map((b) => (b as { text: string }).text)).toEqual(['支出表']);
    const [g] = grids(blocks);
    expect(cellAt(g, '支出功能分类科目编码')).toMatchObject({ r: 0, c: 0, cs: 2 });
    expect(g.before).toEqual(['支出表']);
  });
});

describe('a header line left at the foot of a page', () => {
  it('goes on top of the rows that start the next page', () => {
    const gs = grids(
      detectPdfTables([
        page(1, [
          word('支出决算表', 100, 600),
          word('科目编码', 100, 700),
          word('科目名称', 200, 700),
          word('金额', 350, 700),
          word('3', 290, 775),
        ]),
        page(2, [
          word('201', 100, 60),
          word('一般公共服务', 200, 60),
          word('5.00', 350, 60, 30),
          word('20101', 100, 80),
          word('人大事务', 200, 80),
          word('5.00', 350, 80, 30),
          word('4', 290, 775),
        ]),
      ]),
    );
    expect(gs).toHaveLength(1);
    expect(gs[0].pages).toEqual([1, 2]);
    expect(rowOf(gs[0], 0)).toEqual(['科目编码', '科目名称', '金额']);
    expect(gs[0].cells.find((c) => c.text === '金额')).toMatchObject({ c: 2, page: 1 });
    expect(gs[0].before).toEqual(['支出决算表']);
  });
});

describe('lines under a table', () => {
  it('a signature line and a note set close under the last row stay text', () => {
    const texts = [
      word('项目', 100, 100),
      word('金额', 300, 100),
      word('工资', 100, 114),
      word('1.00', 300, 114, 30),
      word('津贴', 100, 128),
      word('2.00', 300, 128, 30),
      word('注：津贴含补贴', 100, 140),
      word('单位负责人：王五', 100, 160, 80),
      word('制表人：赵六', 300, 160, 60),
    ];
    const blocks = detectPdfTables([page(1, texts)]);
    const [g] = grids(blocks);
    expect(g.rowCount).toBe(3);
    expect(rowOf(g, 2)).toEqual(['津贴', '2.00']);
    expect(g.after).toEqual(['注：津贴含补贴', '单位负责人：王五  制表人：赵六']);
  });
});
