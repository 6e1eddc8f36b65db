import { describe, expect, it } from 'vitest';
import { isCentral } from './central.js';
import { table, textDoc } from './fixtures/doc.js';
import { resolveNames } from './index.js';

const run = (lines: string[], tables: ReturnType<typeof table>[] = []) => resolveNames({ doc: textDoc(lines), tables });
const nameIssues = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.rule.startsWith('name.'));

describe('region at every level', () => {
  it('gives a municipality department the municipality, a province', () => {
    const r = run(['北京市公安局2026年度部门预算', '部门：北京市公安局']);
    expect(r.value.region).toMatchObject({
      code: '110000',
      name: '北京市',
      level: 'province',
      province: '北京市',
      prefecture: null,
    });
    expect(r.value.department?.name).toBe('北京市公安局');
    expect(nameIssues(r)).toEqual([]);
  });

  it('gives a provincial department its province', () => {
    const r = run(['江苏省人民检察院', '2017年部门预算', '部门：江苏省人民检察院']);
    expect(r.value.region).toMatchObject({ code: '320000', level: 'province' });
    expect(r.value.department?.name).toBe('江苏省人民检察院');
  });

  it('gives a city bureau its prefecture-level city, named with or without its province', () => {
    const r = run(['2026年', '广州市信访局部门预算', '部门：广州市信访局']);
    expect(r.value.region).toMatchObject({
      code: '440100',
      name: '广州市',
      level: 'prefecture',
      province: '广东省',
      prefecture: '广州市',
    });
    expect(r.value.department?.name).toBe('广州市信访局');
    const p = run(['部门：广东省广州市财政局']);
    expect(p.value.region?.code).toBe('440100');
    expect(p.value.department?.name).toBe('广州市财政局');
  });

  it('gives an autonomous prefecture its full name', () => {
    const r = run(['部门：楚雄州财政局', '2023年部门决算']);
    expect(r.value.region).toMatchObject({ code: '532300', level: 'prefecture' });
    expect(r.value.department?.name).toBe('楚雄彝族自治州财政局');
  });

  it('reads a city without counties (东莞市) as a prefecture', () => {
    const r = run(['部门：东莞市财政局', '2023年部门决算']);
    expect(r.value.region).toMatchObject({ code: '441900', level: 'prefecture' });
  });

  it('keeps party bodies of a province or city with their printed lead', () => {
    const r = run(['部门：中共江苏省委办公厅', '江苏省2018年度省级部门预算公开报表']);
    expect(r.value.region?.code).toBe('320000');
    expect(r.value.department?.name).toBe('中共江苏省委办公厅');
    expect(run(['中国共产党广州市委员会宣传部部门预算']).value.department?.name).toBe('中国共产党广州市委员会宣传部');
  });

  it('gives a street office its district, with the city in the department name', () => {
    const r = run(['上海市普陀区2024年区级部门预算', '预算主管部门：上海市普陀区人民政府万里街道办事处']);
    expect(r.value.region).toMatchObject({ code: '310107', level: 'county', prefecture: '上海市' });
    expect(r.value.department?.name).toBe('上海市普陀区人民政府万里街道办事处');
  });

  it("gives a city bureau's district branch the city, whatever the text says of the district", () => {
    const r = run([
      '深圳市规划和自然资源局盐田管理局2023年度部门决算',
      '部门：深圳市规划和自然资源局盐田管理局',
      '负责盐田区规划管理',
      '盐田区土地整备',
    ]);
    expect(r.value.region).toMatchObject({ code: '440300', level: 'prefecture' });
    expect(r.value.department?.name).toBe('深圳市规划和自然资源局盐田管理局');
    const b = run(['北京市公安局朝阳分局2023年度部门决算', '部门：北京市公安局朝阳分局', '朝阳区治安管理']);
    expect(b.value.region?.code).toBe('110000');
  });

  it('gives central departments no region and no name issue', () => {
    for (const name of ['国家信访局', '国务院办公厅', '中共中央宣传部', '全国人大常委会办公厅', '财政部']) {
      const r = run([`${name}2024年度部门决算`, `部门：${name}`]);
      expect(r.value.region, name).toBeNull();
      expect(r.value.department?.name, name).toBe(name);
      expect(nameIssues(r), name).toEqual([]);
    }
  });

  it('says so when nothing names a region', () => {
    const r = run(['2024年度部门决算', '一、收入支出决算总表']);
    expect(r.value.region).toBeNull();
    expect(nameIssues(r)).toHaveLength(1);
  });
});

describe('central bodies', () => {
  it('are told by their marker or by the list of ministries', () => {
    expect(isCentral('国家税务总局')).toBe(true);
    expect(isCentral('教育部机关服务中心')).toBe(true);
    expect(isCentral('中国气象局')).toBe(true);
    expect(isCentral('中国共产党广州市委员会')).toBe(false);
    expect(isCentral('财政部门')).toBe(false);
    expect(isCentral('社会工作部')).toBe(false);
  });
});

describe('department from covers, titles and tables', () => {
  it('joins a cover printed over several lines', () => {
    const r = run([
      '中共上海市普陀区委',
      '社会工作部2024年度',
      '部门决算',
      '目录',
      '第一部分中共上海市普陀区委社会工作部概况',
    ]);
    expect(r.value.region?.code).toBe('310107');
    expect(r.value.department?.name).toBe('中共上海市普陀区委社会工作部');
  });

  it('never takes a part heading or a qualifier for the name', () => {
    expect(
      run(['2019年佛山市轨道交通局部门决算', '第二部分佛山市轨道交通局2019年部门决算表']).value.department?.name,
    ).toBe('佛山市轨道交通局');
    expect(run(['长春市信访局（本级）', '2026年度部门预算公开']).value.department?.name).toBe('长春市信访局');
    expect(run(['第二部分国家信访局2024年度部门决算表', '部门：[292]国家信访局']).value.department?.name).toBe(
      '国家信访局',
    );
  });

  it('reads a report without a cover from the 部门名称 printed in its tables', () => {
    const tables = [
      table('预算12表部门整体支出绩效目标表', null, [
        { r: 0, c: 0, text: '部门名称' },
        { r: 0, c: 1, text: '北京市审计局' },
      ]),
    ];
    const r = run(['预算01表收支总表', '金额单位：万元'], tables);
    expect(r.value.region?.code).toBe('110000');
    expect(r.value.department?.name).toBe('北京市审计局');
  });
});

describe('kind and year from the document’s own title', () => {
  it('reads the kind from the title before the tables it holds', () => {
    const perf = [
      table('2026年部门整体绩效目标表', null),
      table('2026年市级一般性项目绩效目标表', null),
      table('项目支出绩效目标表', null),
    ];
    expect(run(['重庆市人民政府办公厅', '2026年部门预算情况说明', '一、单位基本情况'], perf).value.kind).toBe('budget');
    expect(
      run(['国家信访局', '2024年度部门决算', '二〇二五年七月'], [table('信访干部培训专项项目绩效自评表', null)]).value
        .kind,
    ).toBe('final_account');
    expect(
      run(['广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）', '部门名称：广州市生态环境局']).value.kind,
    ).toBe('performance');
    expect(run(['一般公共预算财政拨款支出决算表', '单位：元']).value.kind).toBe('final_account');
  });

  it('takes the year of the cover over a file property title and the text', () => {
    const doc = textDoc([
      '2019年',
      '佛山市轨道交通局部门决算',
      '目录',
      '2020年部门预算安排',
      '2020年工作计划和2020年预算',
    ]);
    doc.source.mediaType = 'application/pdf';
    doc.clues = { title: '2026年佛山市交通运输局部门预算' };
    const r = resolveNames({ doc, tables: [] });
    expect(r.value.fiscalYear).toBe(2019);
    expect(r.value.kind).toBe('final_account');
    expect(r.value.department?.name).toBe('佛山市轨道交通局');
    expect(r.value.title).not.toBe('2026年佛山市交通运输局部门预算');
  });

  it('reads the parts of a web page title apart', () => {
    const doc = textDoc(['首页', '政务公开'], { title: '2023年部门决算_南宁市教育局' });
    doc.source.mediaType = 'text/html';
    const r = resolveNames({ doc, tables: [] });
    expect(r.value.department?.name).toBe('南宁市教育局');
    expect(r.value.region?.code).toBe('450100');
    expect(r.value.kind).toBe('final_account');
  });
});

describe('labels inside table cells', () => {
  it('reads 编制单位：… printed in one cell', () => {
    const tables = [
      table('收支总表', null, [
        { r: 0, c: 0, text: '编制单位：无锡市商务局' },
        { r: 0, c: 3, text: '单位：万元' },
      ]),
    ];
    const r = run(['收支总表'], tables);
    expect(r.value.department?.name).toBe('无锡市商务局');
    expect(r.value.region?.code).toBe('320200');
  });
});
