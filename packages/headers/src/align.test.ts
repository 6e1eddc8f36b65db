import { describe, expect, it } from 'vitest';
import { align, lines } from './fixtures/align-helpers.js';

describe('summary tables with side-by-side panels', () => {
  const summary = `
    收入|||支出||
    项目|行次|金额|项目（按功能分类）|行次|金额
    一、一般公共预算财政拨款收入|1|548.82|一、一般公共服务支出|29|500.00
    二、事业收入|2||二、教育支出|30|48.82
    |3||三、国防支出|31|—
    本年收入合计|4|548.82|本年支出合计|32|548.82`;

  it('widens text-dump merged headers, names panels and maps class lines to codes', () => {
    const { table, facts } = align(summary, ['收入支出决算总表', '公开01表', '金额单位：万元', '部门：某县水务局']);
    expect(table.kind).toBe('summary');
    expect(table.unit).toBe('ten_thousand_yuan');
    expect(table.code).toBe('公开01表');
    expect(table.department).toBe('某县水务局');
    expect(lines(facts)).toEqual([
      'income:一般公共预算财政拨款收入 amount 5488200',
      'function:201 amount 5000000',
      'function:205 amount 488200',
      'income:本年收入合计 amount 5488200',
      'expenditure:本年支出合计 amount 5488200',
    ]);
  });

  it('gives no facts from row-number columns and keeps the printed text and place', () => {
    const { facts } = align(summary, ['收入支出决算总表', '金额单位：万元']);
    expect(facts.every((f) => f.source.columnPath.at(-1) === '金额')).toBe(true);
    const first = facts[0];
    expect(first.source).toMatchObject({
      text: '548.82',
      row: 2,
      col: 2,
      line: 12,
      rowLabel: '一般公共预算财政拨款收入',
      columnPath: ['收入', '金额'],
    });
  });

  it('names panels by their header words, their total lines or, in summaries, their order', () => {
    const byWords = align(
      `
      收入项目|预算数|支出项目|预算数
      一、事业收入|1.00|一、教育支出|1.00`,
      ['部门收支总表'],
    );
    expect(lines(byWords.facts)).toEqual(['income:事业收入 budget 1', 'function:205 budget 1']);
    const byOrder = align(
      `
      项目|金额|项目|金额
      一、事业收入|1.00|一、教育支出|1.00`,
      ['财政拨款收支总表'],
    );
    expect(lines(byOrder.facts)).toEqual(['income:事业收入 amount 1', 'function:205 amount 1']);
    expect(byOrder.table.kind).toBe('appropriation_summary');
  });

  it('falls back to the header structure for the kind when there is no title', () => {
    expect(align(summary).table.kind).toBe('summary');
  });
});

describe('header blocks', () => {
  it('reads 事业收入 over 小计 | 其中：教育收费 and composes 类/款/项 codes', () => {
    const { table, facts } = align(
      `
      支出功能分类科目编码|||科目名称|本年收入合计|财政拨款收入|事业收入||其他收入
      ||||||小计|其中：教育收费|
      类|款|项|次|1|2|3|4|5
      |||合计|30.00|10.00|20.00|5.00|
      201|03|50|事业运行|30.00|10.00|20.00|5.00|0.00`,
      ['收入决算表', '金额单位：元'],
    );
    expect(table.kind).toBe('income');
    expect(lines(facts)).toEqual([
      ':合计 total 30',
      ':合计 fiscal_appropriation 10',
      ':合计 business_income 20',
      ':合计 business_income.education_fees 5',
      'function:2010350 total 30',
      'function:2010350 fiscal_appropriation 10',
      'function:2010350 business_income 20',
      'function:2010350 business_income.education_fees 5',
      'function:2010350 other_income 0',
    ]);
    expect(facts[4].subject).toEqual({ scheme: 'function', code: '2010350', name: '事业运行' });
  });

  it('treats 栏次 rows as header, not data', () => {
    const { facts, table } = align(
      `
      项目|行次|预算数|决算数
      栏次||1|2
      合计|1|10.00|9.00`,
      ['“三公”经费支出决算表'],
    );
    expect(lines(facts)).toEqual(['three_public.total budget 10', 'three_public.total actual 9']);
    expect(table.columns.find((c) => c.col === 1)?.measure).toBeNull();
  });

  it('keeps groups and collapses a group whose only child is its total', () => {
    const { facts } = align(
      `
      科目编码|科目名称|本年收入|本年支出||||年末结转和结余
      ||本年收入合计|合计|人员经费|公用经费|项目支出|合计
      201|一般公共服务支出|10.00|10.00|4.00|3.00|3.00|1.00`,
      ['一般公共预算财政拨款支出决算表'],
    );
    expect(lines(facts)).toEqual([
      'function:201 total 10',
      'function:201 expenditure.total 10',
      'function:201 expenditure.basic.personnel 4',
      'function:201 expenditure.basic.public 3',
      'function:201 expenditure.project 3',
      'function:201 closing 1',
    ]);
  });

  it('drops a header that spans every value column of its panel and keeps a single column header', () => {
    const spanning = align(
      `
      科目名称|预算数||
      |合计|基本支出|项目支出
      教育支出|5.00|3.00|2.00`,
      ['部门支出总表'],
    );
    expect(spanning.facts.map((f) => f.measure)).toEqual(['total', 'basic', 'project']);
    const single = align(
      `
      项目|预算数
      合计|5.00`,
      ['某某情况表'],
    );
    expect(single.facts.map((f) => f.measure)).toEqual(['budget']);
  });

  it('uses real spans (DOCX/XLSX/HTML) the same way as widened text', () => {
    const { facts } = align(
      `
      科目编码{2x1}|科目名称{2x1}|基本支出{1x2}|^|项目支出{2x1}
      ^|^|人员经费|公用经费|^
      30101|基本工资|4.00||`,
      ['支出表'],
    );
    expect(lines(facts)).toEqual(['economic:30101 basic.personnel 4']);
  });

  it('joins header text wrapped onto the next header row', () => {
    const { facts } = align(
      `
      科目编码|科目名称|年初结转||本年支出
      ||和结余||
      ||合计|项目支出结转|合计
      |||和结余|
      201|一般公共服务支出|3.00|1.00|2.00`,
      ['政府性基金预算财政拨款收入支出决算表'],
    );
    expect(facts.map((f) => f.measure)).toEqual(['opening.total', 'opening.project', 'total']);
  });

  it('reads one-row “三公” tables with 预算数 / 决算数 groups over the items', () => {
    const { facts } = align(
      `
      预算数|||决算数||
      合计|因公出国（境）费|公务接待费|合计|因公出国（境）费|公务接待费
      3.00|1.00|2.00|2.00|0.00|2.00`,
      ['“三公”经费支出决算表'],
    );
    expect(lines(facts)).toEqual([
      'three_public.total budget 3',
      'three_public.overseas budget 1',
      'three_public.reception budget 2',
      'three_public.total actual 2',
      'three_public.overseas actual 0',
      'three_public.reception actual 2',
    ]);
  });

  it('reads one-row “三公” tables whose rows say 预算数 / 决算数', () => {
    const { facts } = align(
      `
      项目|合计|因公出国（境）费|公务接待费
      2022年预算数|3.00|1.00|2.00
      2022年决算数|2.00|0.00|2.00`,
      ['“三公”经费支出情况表'],
    );
    expect(lines(facts)).toEqual([
      'three_public.total budget 3',
      'three_public.overseas budget 1',
      'three_public.reception budget 2',
      'three_public.total actual 2',
      'three_public.overseas actual 0',
      'three_public.reception actual 2',
    ]);
  });

  it('skips a header repeated inside the data after a page break', () => {
    const { facts, diagnostics } = align(
      `
      科目编码|科目名称|合计|基本支出
      类|款|1|2
      201|一般公共服务支出|3.00|3.00
      科目编码|科目名称|合计|基本支出
      类|款|1|2
      205|教育支出|2.00|2.00`,
      ['部门支出总表'],
    );
    expect(lines(facts)).toEqual([
      'function:201 total 3',
      'function:201 basic 3',
      'function:205 total 2',
      'function:205 basic 2',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('reads a row of units under the header as units, not words', () => {
    const { facts } = align(
      `
      项目|合计|基本支出
      |（万元）|（万元）
      合计|1.50|1.00`,
      ['部门支出总表'],
    );
    expect(facts.map((f) => [f.measure, f.value])).toEqual([
      ['total', 15000],
      ['basic', 10000],
    ]);
  });

  it('keeps unknown header words as the measure', () => {
    const { facts } = align(
      `
      项目|批复金额（万元）|执行率%
      某项目|12.5|98.50`,
      ['重点工作任务表'],
    );
    expect(facts.map((f) => [f.measure, f.value, f.unit])).toEqual([
      ['批复金额', 125000, 'yuan'],
      ['执行率%', 98.5, 'percent'],
    ]);
  });
});

describe('labels wrapped over two lines', () => {
  it('joins them to the label above (PDF text lines)', () => {
    const { facts } = align(
      `
      收入|||支出||
      项目|行次|预算数|项目（按功能分类）|行次|预算数
      三、国有资本经营预算拨款收|3|1.00|十四、资源勘探工业信息等支|41|2.00
      入|||出||
      本年收入合计|4|1.00|本年支出合计|42|2.00`,
      ['部门收支总表'],
    );
    expect(lines(facts)).toEqual([
      'income:国有资本经营预算拨款收入 budget 1',
      'function:215 budget 2',
      'income:本年收入合计 budget 1',
      'expenditure:本年支出合计 budget 2',
    ]);
  });

  it('joins a label wrapped over three lines and keeps short real rows', () => {
    const { facts } = align(
      `
      科目编码|科目名称|合计
      2080505|机关事业单位|3.00
      |基本养老保险缴|
      |费支出|
      2080506|职业年金|1.00`,
      ['部门支出总表'],
    );
    expect(facts.map((f) => (f.subject as { name: string }).name)).toEqual([
      '机关事业单位基本养老保险缴费支出',
      '职业年金',
    ]);
  });
});
