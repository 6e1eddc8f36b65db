import { describe, expect, it } from 'vitest';
import { resolveNames } from './index.js';
import { table, textDoc } from './fixtures/doc.js';

const run = (
  lines: string[],
  opts: { clues?: Record<string, string>; url?: string; tables?: ReturnType<typeof table>[] } = {},
) => resolveNames({ doc: textDoc(lines, opts.clues ?? {}, opts.url ?? null), tables: opts.tables ?? [] });

const nameIssues = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.rule === 'name.region');

describe('region and department of a document', () => {
  it('names the county and the department with the official full name', () => {
    const r = run(['新平县机关事务服务中心2022年度部门决算', '部门：新平县机关事务服务中心']);
    expect(r.value.region).toMatchObject({
      code: '530427',
      name: '新平彝族傣族自治县',
      prefecture: '玉溪市',
      province: '云南省',
    });
    expect(r.value.department).toEqual({ name: '新平彝族傣族自治县机关事务服务中心', raw: ['新平县机关事务服务中心'] });
    expect(r.value.fiscalYear).toBe(2022);
    expect(r.value.kind).toBe('final_account');
    expect(nameIssues(r)).toEqual([]);
  });

  it('gives a district its city in the department name', () => {
    const r = run(['部门：江川区文化和旅游局', '玉溪市江川区文化和旅游局2023年部门预算']);
    expect(r.value.region?.code).toBe('530403');
    expect(r.value.department?.name).toBe('玉溪市江川区文化和旅游局');
  });

  it('normalises 县政府办公室 to 人民政府办公室', () => {
    const r = run(['单位名称：浏阳市政府办公室', '2020年度部门整体支出绩效自评报告']);
    expect(r.value.department?.name).toBe('浏阳市人民政府办公室');
    expect(r.value.kind).toBe('performance');
  });

  it('tells same-named districts apart by the city named in the body text', () => {
    const r = run(['普陀区财政局2023年度部门决算', '部门：普陀区财政局', '根据舟山市财政局的要求，现将决算公开如下。']);
    expect(r.value.region?.code).toBe('330903');
    expect(r.value.department?.name).toBe('舟山市普陀区财政局');
    expect(nameIssues(r)).toEqual([]);
  });

  it('uses the site name and the source address as clues', () => {
    expect(run(['部门：朝阳区教育局'], { clues: { site: '长春市人民政府' } }).value.region?.code).toBe('220104');
    expect(run(['部门：城关区民政局'], { url: 'http://www.example.xz.gov.cn/a.html' }).value.region?.code).toBe(
      '540102',
    );
  });

  it('votes over all mentions, not the first one', () => {
    const r = run(['部门：鼓楼区卫生健康委员会', '鼓楼区位于南京市中心', '南京市鼓楼区', '开封市的客人来访']);
    expect(r.value.region?.code).toBe('320106');
  });

  it('tells same-named districts apart by a neighbouring county named in the text', () => {
    const r = run(['部门：普陀区财政局', '部门：普陀区财政局', '与岱山县开展协作']);
    expect(r.value.region?.code).toBe('330903');
  });

  it('does not let a neighbour named in passing outvote the department lines', () => {
    const r = run(['部门：鼓楼区财政局', '部门：鼓楼区财政局', '赴新平县考察']);
    expect(r.value.region?.code).not.toBe('530427');
    expect(r.diagnostics.filter((d) => d.rule === 'name.region')).toHaveLength(1);
  });

  it('says so when a same-named district remains a guess', () => {
    const r = run(['部门：普陀区财政局', '2023年部门预算']);
    expect(r.value.region?.confidence).toBeLessThan(1);
    const issues = nameIssues(r);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/310107/);
    expect(issues[0].message).toMatch(/330903/);
    expect(issues[0].severity).toBe('warning');
  });

  it('corrects misspelled department lines to the county the document names, with a warning each', () => {
    const tables = [
      table('收入支出决算总表', '新平彝族傣族自治县机关事务服务中心'),
      table('收入决算表', '那平彝族侗族自治县机关事务服务中心'),
      table('支出决算表', '新平彝族自治县机关事务服务中心'),
    ];
    const r = run(['2021年度部门决算'], { tables });
    expect(r.value.region?.code).toBe('530427');
    const messages = nameIssues(r).map((d) => d.message);
    expect(messages.some((m) => m.includes('那平彝族侗族自治县') && m.includes('新平彝族傣族自治县'))).toBe(true);
    expect(messages.some((m) => m.includes('"新平彝族自治县"'))).toBe(true);
    expect(r.value.department?.raw).toContain('那平彝族侗族自治县机关事务服务中心');
  });

  it('reads a former county name of a city as that city, as information only', () => {
    const r = run(['部门：新乐县财政局', '新乐市财政局2019年度部门决算']);
    expect(r.value.region?.code).toBe('130184');
    const issues = nameIssues(r);
    expect(issues).toHaveLength(1);
    expect(issues[0].severity).toBe('info');
  });

  it('reports a county it cannot tell instead of guessing', () => {
    const r = run(['部门：大县司法局', '2020年部门预算']);
    expect(r.value.region).toBeNull();
    expect(nameIssues(r)[0].message).toMatch(/大县/);
  });

  it('reads the department from 部门名称 cells', () => {
    const tables = [
      table('部门整体支出绩效自评表', null, [
        { r: 0, c: 0, text: '部门名称' },
        { r: 0, c: 1, text: '三门县机关事务服务中心' },
      ]),
    ];
    const r = run(['2020年度部门整体支出绩效自评表'], { tables });
    expect(r.value.department?.name).toBe('三门县机关事务服务中心');
  });

  it('reads generic department lines (县市场监督管理局) as the county of the document', () => {
    const r = run(['龙城区2023年部门预算', '部门：区城市管理局', '部门：区城市管理局']);
    expect(r.value.region?.code).toBe('211303');
    expect(r.value.department?.name).toBe('朝阳市龙城区城市管理局');
    expect(r.diagnostics.filter((d) => d.rule === 'name.region')).toEqual([]);
  });

  it('does not take ordinary words ending in 区 or 县 for places', () => {
    const r = run(['部门：略阳县水务局', '全县和县直部门、开发区管委会、城区社区工作']);
    expect(r.value.region?.code).toBe('610727');
    expect(nameIssues(r)).toEqual([]);
  });
});

describe('bad input', () => {
  it('gives empty answers, not a crash, for empty or odd documents', () => {
    const r = run(['', '部门：', '单位名称', `\u0000${'县'.repeat(500)}`], { url: 'not a url' });
    expect(r.value.region).toBeNull();
    expect(r.value.department).toBeNull();
    expect(r.value.fiscalYear).toBeNull();
  });
});

describe('other layouts', () => {
  it('reads titles that start with the year', () => {
    const r = run(['2023年新平县财政局部门决算', '一、部门概况']);
    expect(r.value.region?.code).toBe('530427');
    expect(r.value.department?.name).toBe('新平彝族傣族自治县财政局');
    expect(r.value.fiscalYear).toBe(2023);
  });

  it('keeps 中共 on party bodies', () => {
    const r = run(['中共新平县委办公室2023年部门预算']);
    expect(r.value.department?.name).toBe('中共新平彝族傣族自治县委办公室');
    expect(run(['部门：共青团新平县委员会', '新平县2023年部门预算']).value.department?.name).toBe(
      '共青团新平彝族傣族自治县委员会',
    );
    expect(run(['部门：新平县第一中学', '2023年部门预算']).value.department?.name).toBe('新平彝族傣族自治县第一中学');
  });

  it('reads the bare place name of the county the document names elsewhere', () => {
    const r = run(['部门：新平财政局', '新平彝族傣族自治县财政局2023年度部门决算']);
    expect(r.value.department?.name).toBe('新平彝族傣族自治县财政局');
    expect(r.value.department?.raw).toContain('新平财政局');
  });

  it('gives a prefecture department that mentions counties in passing its prefecture', () => {
    const r = run(['部门：玉溪市财政局', '玉溪市财政局2023年度部门决算', '向新平县、峨山县转移支付']);
    expect(r.value.region).toMatchObject({ code: '530400', level: 'prefecture', name: '玉溪市', province: '云南省' });
    expect(r.value.department?.name).toBe('玉溪市财政局');
    expect(r.diagnostics.filter((d) => d.rule === 'name.region')).toEqual([]);
  });

  it('converts a traditional page title', () => {
    const doc = textDoc(['部門收支總表'], { title: '瀏陽市財政局2023年部門預算' });
    doc.script = 'traditional';
    const r = resolveNames({ doc, tables: [] });
    expect(r.value.region?.code).toBe('430181');
    expect(r.value.department?.name).toBe('浏阳市财政局');
  });
});

describe('fiscal year and kind', () => {
  it('falls back on the file name when the content never says', async () => {
    const { fileNameFacts } = await import('./index.js');
    expect(fileNameFacts('crawl/新平县财政局2023年部门决算.xlsx')).toEqual({ year: 2023, kind: 'final_account' });
    expect(fileNameFacts('x/lintan-agriculture-2023-performance.txt')).toEqual({ year: 2023, kind: 'performance' });
    expect(fileNameFacts('x/20240510-scan.pdf')).toEqual({ year: null, kind: 'unknown' });
    expect(fileNameFacts('docs/doc000.xlsx')).toEqual({ year: null, kind: 'unknown' });
  });

  it('takes the year reported on, not the publication date or comparisons', () => {
    const r = run([
      '2023年度部门决算',
      '发布时间：2024年5月10日',
      '与2022年度相比，决算支出减少。',
      '2023年度收入决算',
    ]);
    expect(r.value.fiscalYear).toBe(2023);
  });

  it('reads a heading that is only the year', () => {
    expect(run(['新平县财政局', '（2022年度）', '收入支出决算总表']).value.fiscalYear).toBe(2022);
  });

  it('reads Chinese-numeral years and budget table titles', () => {
    expect(run(['二〇二一年度部门预算']).value.fiscalYear).toBe(2021);
    expect(
      resolveNames({
        doc: textDoc(['部门：托里县统计局']),
        tables: [table('部门收支总表', null), table('一般公共预算支出表', null)],
      }).value.kind,
    ).toBe('budget');
  });
});
