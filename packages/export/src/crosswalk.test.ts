import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCurrent, loadCodeCrosswalk, loadRegionRenames } from './crosswalk.js';
import { exportDataset } from './export.js';
import { query, tmp } from './fixtures/duck.js';

describe('code crosswalk', () => {
  const rows = loadCodeCrosswalk();

  it('maps a 款 merged in the 2019 edition to today’s code for documents of 2018 and before only', () => {
    expect(codeCurrent(rows, 'function', '20115', 2018)).toBe('20138');
    expect(codeCurrent(rows, 'function', '21010', 2017)).toBe('20138');
    expect(codeCurrent(rows, 'function', '20115', 2019)).toBe('20115');
    expect(codeCurrent(rows, 'function', '20138', 2024)).toBe('20138');
  });

  it('moves the standard 项 of a renumbered 款 with it, and leaves other 项 as printed', () => {
    expect(codeCurrent(rows, 'function', '2011501', 2018)).toBe('2013801');
    expect(codeCurrent(rows, 'function', '2011550', 2018)).toBe('2013850');
    expect(codeCurrent(rows, 'function', '2011504', 2018)).toBe('2011504');
    expect(codeCurrent(rows, 'function', '2011501', null)).toBe('2011501');
  });

  it('the JSON is what the TSV gives, and the TSV passes its checks', () => {
    const script = new URL('../scripts/build-crosswalk.mjs', import.meta.url).pathname;
    const { status, stderr } = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(status, stderr).toBe(0);
  });

  it('every row has a source', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.source.length).toBeGreaterThan(10);
  });
});

describe('region renames', () => {
  it('maps old county codes to today’s, following chains', () => {
    const renames = loadRegionRenames();
    const binxian = renames.find((r) => r.oldCode === '610427');
    expect(binxian).toMatchObject({ code: '610482', name: '彬州市' });
    const codes = new Set(renames.map((r) => r.oldCode));
    for (const r of renames) expect(codes.has(r.code), `${r.oldCode} → ${r.code} is itself renamed`).toBe(false);
  });
});

const id = (n: number) => `sha256:${String(n).padStart(64, '0')}`;

/** Two final accounts of one county, before and after 彬县 became 彬州市 and 工商 became 市场监管. */
function comparableRun(): string {
  const dir = tmp('crosswalk');
  const doc = (n: number, year: number, code: string, name: string) => ({
    id: id(n),
    source: { path: `d${n}.txt`, sha256: id(n).slice(7), bytes: 1, mediaType: 'text/plain', url: null },
    kind: 'final_account',
    fiscalYear: year,
    title: `${name}${year}年部门决算`,
    region: { code, name, level: 'county', province: '陕西省', prefecture: '咸阳市', raw: name, confidence: 1 },
    department: { name: `${name}市场监督管理局`, raw: [] },
    pages: 1,
    script: 'simplified',
    tables: 1,
  });
  const table = (n: number) => ({
    id: `${id(n)}#1`,
    documentId: id(n),
    kind: 'expenditure',
    title: '支出决算表',
    code: '公开03表',
    unit: 'yuan',
    department: null,
    pages: [1],
    columns: [],
    rows: 3,
    cells: [],
  });
  const fact = (n: number, code: string, name: string, value: number, row: number) => ({
    documentId: id(n),
    tableId: `${id(n)}#1`,
    tableKind: 'expenditure',
    subject: { scheme: 'function', code, name },
    measure: 'total',
    value,
    unit: 'yuan',
    source: { text: String(value), rowLabel: name, columnPath: ['合计'], row, col: 3, page: 1 },
  });
  const jsonl = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
  writeFileSync(
    join(dir, 'documents.jsonl'),
    jsonl([doc(1, 2018, '610427', '彬县'), doc(2, 2024, '610482', '彬州市')]),
  );
  writeFileSync(join(dir, 'tables.jsonl'), jsonl([table(1), table(2)]));
  writeFileSync(
    join(dir, 'facts.jsonl'),
    jsonl([
      fact(1, '201', '一般公共服务支出', 1000.1, 2),
      fact(1, '20115', '工商行政管理事务', 600.05, 3),
      fact(1, '20117', '质量技术监督与检验检疫事务', 400.05, 4),
      fact(1, '2011501', '行政运行', 600.05, 5),
      fact(2, '201', '一般公共服务支出', 2000, 2),
      fact(2, '20138', '市场监督管理事务', 2000, 3),
    ]),
  );
  return dir;
}

describe('comparable panel', () => {
  it('lines up a county’s 2018 and 2024 figures under today’s region and function codes', async () => {
    const dir = comparableRun();
    const out = join(dir, 'govdocs.duckdb');
    await exportDataset({ dir, to: 'duckdb', out });
    const panel = await query(
      out,
      `SELECT region_code, region_name, fiscal_year, level, code, name, CAST(value_yuan AS VARCHAR) AS v, facts FROM panel ORDER BY fiscal_year, code`,
    );
    expect(panel).toEqual([
      {
        region_code: '610482',
        region_name: '彬州市',
        fiscal_year: 2018,
        level: '类',
        code: '201',
        name: '一般公共服务支出',
        v: '1000.10',
        facts: 1,
      },
      {
        region_code: '610482',
        region_name: '彬州市',
        fiscal_year: 2018,
        level: '款',
        code: '20138',
        name: '市场监督管理事务',
        v: '1000.10',
        facts: 2,
      },
      {
        region_code: '610482',
        region_name: '彬州市',
        fiscal_year: 2024,
        level: '类',
        code: '201',
        name: '一般公共服务支出',
        v: '2000.00',
        facts: 1,
      },
      {
        region_code: '610482',
        region_name: '彬州市',
        fiscal_year: 2024,
        level: '款',
        code: '20138',
        name: '市场监督管理事务',
        v: '2000.00',
        facts: 1,
      },
    ]);
    const item = await query(
      out,
      `SELECT subject_code, code_current, region_code, region_current FROM facts WHERE subject_code = '2011501'`,
    );
    expect(item).toEqual([
      { subject_code: '2011501', code_current: '2013801', region_code: '610427', region_current: '610482' },
    ]);
    const lookups = await query(out, `SELECT count(*)::INTEGER AS n FROM code_crosswalk`);
    expect(lookups[0].n).toBe(loadCodeCrosswalk().length);
  });
});
