/**
 * `govdocs export`: an output folder → tidy tables in a DuckDB file, Parquet files or CSV files.
 * DuckDB reads the jsonl files itself (streaming, typed by sql.ts) into an on-disk database, so
 * memory stays within its limit however many facts there are; Parquet and CSV are copied out of
 * that database, which is then removed.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, DuckDBPendingResultState, type DuckDBConnection } from '@duckdb/node-api';
import { StepBar, type BarStream } from './bar.js';
import { loadCodeCrosswalk, loadRegionRenames } from './crosswalk.js';
import {
  documentsSql,
  factsSql,
  indicatorsSql,
  issuesSql,
  panelViewSql,
  quote,
  statementsSql,
  tablesSql,
  VIEWS_SQL,
  type RecordFile,
} from './sql.js';

export const EXPORT_FORMATS = ['parquet', 'csv', 'duckdb'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** The output folder of `govdocs run`. */
  dir: string;
  to: ExportFormat;
  /** The DuckDB file, or the folder for Parquet/CSV files. Default: DIR/govdocs.duckdb, DIR/parquet, DIR/csv. */
  out?: string;
  /** Table kind of the `panel` view (default `expenditure`). */
  panelKind?: string;
  /** Measure family of the `panel` view (`total`, `basic`, …); null or absent: every measure. */
  panelMeasure?: string | null;
  /** Where the progress bar goes; null for none. */
  progress?: BarStream | null;
  /** DuckDB's memory limit (default 1GB); above it DuckDB spills to disk. */
  memoryLimit?: string;
}

export interface ExportResult {
  out: string;
  files: string[];
  counts: Record<string, number>;
}

/** A problem with what the user gave (not a govdocs bug): the CLI prints the message and exits 1. */
export class ExportError extends Error {
  readonly usage = true;
}

/** The tables in the order they are built: documents and tables first, the others join them. */
const TABLES: { name: RecordFile; sql: (path: string) => string }[] = [
  { name: 'documents', sql: documentsSql },
  { name: 'tables', sql: tablesSql },
  { name: 'facts', sql: factsSql },
  { name: 'indicators', sql: indicatorsSql },
  { name: 'issues', sql: issuesSql },
  { name: 'statements', sql: statementsSql },
];
const VIEWS = ['panel', 'three_public'] as const;

export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, 'documents.jsonl'))) {
    throw new ExportError(`${dir} has no documents.jsonl: give the folder that \`govdocs run ... --out DIR\` wrote.`);
  }
  const to = options.to;
  const out = resolve(options.out ?? join(dir, to === 'duckdb' ? 'govdocs.duckdb' : to));
  const database = to === 'duckdb' ? `${out}.tmp-${process.pid}` : join(out, `.govdocs-export-${process.pid}.duckdb`);
  mkdirSync(dirname(database), { recursive: true });
  rmSync(database, { force: true });
  const copies = to === 'duckdb' ? 0 : TABLES.length + VIEWS.length;
  const bar = new StepBar(options.progress ?? null, TABLES.length + 1 + copies);
  const instance = await DuckDBInstance.create(database, {
    memory_limit: options.memoryLimit ?? '1GB',
    temp_directory: join(tmpdir(), `govdocs-duckdb-${process.pid}`),
  });
  const counts: Record<string, number> = {};
  const files: string[] = [];
  try {
    const db = await instance.connect();
    await db.run(
      'SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET preserve_insertion_order = true;',
    );
    await createLookups(db);
    let step = 0;
    for (const table of TABLES) {
      const path = join(dir, `${table.name}.jsonl`);
      await runWithProgress(
        db,
        `CREATE TABLE ${table.name} AS ${table.sql(existsSync(path) ? path : emptyJsonl())}`,
        bar,
        step,
        table.name,
      );
      counts[table.name] = await count(db, table.name);
      bar.done(step++, table.name, `${counts[table.name]} rows`);
    }
    await db.run(VIEWS_SQL + panelViewSql(options.panelKind ?? 'expenditure', options.panelMeasure ?? null));
    for (const view of VIEWS) counts[view] = await count(db, view);
    bar.done(step++, 'views', `panel ${counts.panel} rows, three_public ${counts.three_public} rows`);
    if (to !== 'duckdb') {
      for (const name of [...TABLES.map((t) => t.name), ...VIEWS]) {
        const file = join(out, `${name}.${to}`);
        if (to === 'parquet') {
          await runWithProgress(
            db,
            `COPY (FROM ${name}) TO ${quote(file)} (FORMAT parquet, COMPRESSION zstd)`,
            bar,
            step,
            basename(file),
          );
        } else {
          await runWithProgress(
            db,
            `COPY (FROM ${name}) TO ${quote(`${file}.tmp`)} (FORMAT csv, HEADER true)`,
            bar,
            step,
            basename(file),
          );
          await withBom(`${file}.tmp`, file);
        }
        files.push(file);
        bar.done(step++, basename(file), 'written');
      }
    }
    db.closeSync();
  } finally {
    instance.closeSync();
  }
  if (to === 'duckdb') {
    renameSync(database, out);
    files.push(out);
  } else {
    rmSync(database, { force: true });
    rmSync(`${database}.wal`, { force: true });
  }
  bar.end(`exported ${counts.facts} facts of ${counts.documents} documents to ${out}`);
  return { out, files, counts };
}

/** Runs one statement task by task, so the bar follows DuckDB's own progress figure. */
async function runWithProgress(
  db: DuckDBConnection,
  sql: string,
  bar: StepBar,
  step: number,
  label: string,
): Promise<void> {
  const pending = await db.start(sql);
  let tasks = 0;
  while (pending.runTask() !== DuckDBPendingResultState.RESULT_READY) {
    if (++tasks % 64 === 0) {
      const percent = db.progress.percentage;
      bar.update(step, label, percent >= 0 ? percent / 100 : 0);
      // Let stderr drain between batches of tasks.
      await new Promise((r) => setImmediate(r));
    }
  }
  await pending.getResult();
}

async function count(db: DuckDBConnection, name: string): Promise<number> {
  const reader = await db.runAndReadAll(`SELECT count(*) FROM ${name}`);
  return Number(reader.getRows()[0][0]);
}

/** The crosswalks as tables of the database, so a researcher can see what was mapped and why. */
async function createLookups(db: DuckDBConnection): Promise<void> {
  const renames = loadRegionRenames();
  const crosswalk = loadCodeCrosswalk();
  await db.run(`CREATE TABLE region_renames (old_code VARCHAR PRIMARY KEY, code VARCHAR, name VARCHAR, year INTEGER)`);
  await db.run(
    `CREATE TABLE code_crosswalk (scheme VARCHAR, code VARCHAR, name VARCHAR, last_year INTEGER, today VARCHAR, today_name VARCHAR, source VARCHAR, PRIMARY KEY (scheme, code))`,
  );
  if (renames.length) {
    await db.run(
      `INSERT INTO region_renames VALUES ${renames.map((r) => `(${quote(r.oldCode)}, ${quote(r.code)}, ${quote(r.name)}, ${r.year})`).join(', ')}`,
    );
  }
  if (crosswalk.length) {
    await db.run(
      `INSERT INTO code_crosswalk VALUES ${crosswalk.map((r) => `(${[r.scheme, r.code, r.name].map(quote).join(', ')}, ${r.lastYear}, ${[r.today, r.todayName, r.source].map(quote).join(', ')})`).join(', ')}`,
    );
  }
}

let empty: string | null = null;
/** An empty jsonl file, read in place of one an older run did not write. */
function emptyJsonl(): string {
  if (!empty) {
    empty = join(tmpdir(), `govdocs-empty-${process.pid}.jsonl`);
    writeFileSync(empty, '');
  }
  return empty;
}

/** UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads the file as UTF-8. */
async function withBom(from: string, to: string): Promise<void> {
  const output = createWriteStream(to);
  output.write('\uFEFF');
  await pipeline(createReadStream(from), output);
  rmSync(from, { force: true });
}
