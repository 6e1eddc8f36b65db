import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fen, query, runCli, runSamples, tmp, truthFile } from './fixtures/duck.js';

interface Fact {
  documentId: string;
  tableKind: string;
  subject: { scheme?: string; code?: string };
  measure: string;
  value: number;
  unit: string;
}

const lines = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** Count and sum in fen per table kind, straight from facts.jsonl. */
function expectedByKind(facts: Fact[]): Record<string, { count: number; fen: string }> {
  const out: Record<string, { count: number; fen: bigint }> = {};
  for (const f of facts) {
    const k = (out[f.tableKind] ??= { count: 0, fen: 0n });
    k.count++;
    if (f.unit === 'yuan') k.fen += fen(f.value);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { count: v.count, fen: String(v.fen) }]));
}

const BY_KIND = (
  from: string,
) => `SELECT table_kind, count(*)::INTEGER AS count, coalesce(CAST(sum(value_yuan) * 100 AS HUGEINT), 0)::VARCHAR AS fen
  FROM ${from} GROUP BY table_kind`;

const asMap = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((r) => [r.table_kind as string, { count: r.count, fen: r.fen }]));

describe('govdocs export on the samples', () => {
  let run: string;
  let facts: Fact[];
  let out: string;

  beforeAll(() => {
    run = runSamples();
    facts = lines<Fact>(join(run, 'facts.jsonl'));
    out = tmp('export');
    for (const to of ['duckdb', 'parquet', 'csv']) {
      const target = join(out, to === 'duckdb' ? 'govdocs.duckdb' : to);
      const { status, stderr } = runCli(['export', run, '--to', to, '--out', target, '--quiet']);
      if (status !== 0) throw new Error(`export --to ${to} exited ${status}: ${stderr}`);
    }
  }, 300_000);

  it('the DuckDB file holds every fact, with counts and sums per table kind equal to facts.jsonl to the fen', async () => {
    expect(facts.length).toBeGreaterThan(1000);
    const rows = await query(join(out, 'govdocs.duckdb'), BY_KIND('facts'));
    expect(asMap(rows)).toEqual(expectedByKind(facts));
  });

  it('the Parquet files give the same counts and sums, with typed columns', async () => {
    const parquet = join(out, 'parquet', 'facts.parquet');
    expect(asMap(await query(':memory:', BY_KIND(`'${parquet}'`)))).toEqual(expectedByKind(facts));
    const types = Object.fromEntries(
      (await query(':memory:', `DESCRIBE SELECT * FROM '${parquet}'`)).map((r) => [r.column_name, r.column_type]),
    );
    expect(types).toMatchObject({
      value_yuan: 'DECIMAL(18,2)',
      fiscal_year: 'INTEGER',
      page: 'INTEGER',
      row: 'INTEGER',
      col: 'INTEGER',
      region_code: 'VARCHAR',
      code_current: 'VARCHAR',
    });
    for (const name of ['documents', 'tables', 'indicators', 'issues', 'statements', 'panel', 'three_public'])
      expect(existsSync(join(out, 'parquet', `${name}.parquet`))).toBe(true);
    const documents = await query(
      ':memory:',
      `SELECT count(*)::INTEGER AS n FROM '${join(out, 'parquet', 'documents.parquet')}'`,
    );
    expect(documents[0].n).toBe(lines(join(run, 'documents.jsonl')).length);
    const issues = await query(
      ':memory:',
      `SELECT count(*)::INTEGER AS n, count(region_code)::INTEGER AS located FROM '${join(out, 'parquet', 'issues.parquet')}'`,
    );
    expect(issues[0].n).toBe(lines(join(run, 'issues.jsonl')).length);
  });

  it('the CSV files are UTF-8 with a byte-order mark and hold every fact', async () => {
    const csv = join(out, 'csv', 'facts.csv');
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('一般公共服务支出');
    const rows = await query(':memory:', BY_KIND(`read_csv('${csv}', types = {'value_yuan': 'DECIMAL(18,2)'})`));
    expect(asMap(rows)).toEqual(expectedByKind(facts));
  });

  it('the panel view gives the expenditure figures of the samples truth for each county and year', async () => {
    const truth = lines<{
      kind: string;
      fiscalYear: number;
      region: { code: string };
      facts: { table: string; subject: { code?: string }; measure: string; value: number }[];
    }>(truthFile);
    const panel = await query(
      join(out, 'govdocs.duckdb'),
      `SELECT region_code, fiscal_year, document_kind, code, measure, CAST(value_yuan * 100 AS HUGEINT)::VARCHAR AS fen, level FROM panel`,
    );
    const byKey = new Map(
      panel.map((r) => [`${r.region_code}/${r.fiscal_year}/${r.document_kind}/${r.code}/${r.measure}`, r]),
    );
    // The panel leaves out documents whose year the pipeline could not tell (fiscal_year NULL).
    const yearOf = new Map(
      lines<{ region: { code: string } | null; fiscalYear: number | null }>(join(run, 'documents.jsonl')).map((d) => [
        d.region?.code,
        d.fiscalYear,
      ]),
    );
    let compared = 0;
    for (const doc of truth) {
      const dated = yearOf.get(doc.region.code) === doc.fiscalYear;
      for (const f of doc.facts) {
        if (f.table !== 'expenditure' || !f.subject.code || ![3, 5].includes(f.subject.code.length)) continue;
        const key = `${doc.region.code}/${doc.fiscalYear}/${doc.kind}/${f.subject.code}/${f.measure}`;
        const row = byKey.get(key);
        if (!dated) {
          expect(row, key).toBeUndefined();
          continue;
        }
        compared++;
        expect(row?.fen, key).toBe(String(fen(f.value)));
        expect(row?.level).toBe(f.subject.code.length === 3 ? '类' : '款');
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('three_public sums the 三公 items by region and year', async () => {
    const rows = await query(
      join(out, 'govdocs.duckdb'),
      `SELECT count(*)::INTEGER AS n, CAST(sum(value_yuan) * 100 AS HUGEINT)::VARCHAR AS fen FROM three_public`,
    );
    const docs = new Map(
      lines<{ id: string; region: { code: string } | null }>(join(run, 'documents.jsonl')).map((d) => [d.id, d]),
    );
    let total = 0n;
    for (const f of facts)
      if ((f.subject as { item?: string }).item?.startsWith('three_public.') && docs.get(f.documentId)?.region)
        total += fen(f.value);
    expect(rows[0].fen).toBe(String(total));
    expect(rows[0].n).toBeGreaterThan(20);
  });

  it('says what to type when the folder is not a run', () => {
    const { status, stderr } = runCli(['export', tmp('empty'), '--to', 'csv']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/no documents\.jsonl/);
  });
});
