/** Command-line parsing for `govdocs`. Usage errors say what to type instead. */
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';

export const HELP = `govdocs: county budget and final-account disclosures → one canonical JSON dataset

Usage:
  govdocs run <file|folder|glob>... --out DIR [options]
  govdocs crawl --config sites.json --out DIR [--run]    (fetch from sites; see govdocs crawl --help)
  govdocs export DIR --to parquet|csv|duckdb [--out PATH] [--panel-table KIND] [--panel-measure FAMILY]
  govdocs report DIR --out REPORT_DIR [--no-images]
  govdocs worker --queue redis://HOST:PORT/DB             (parse for runs on a queue; see govdocs worker --help)
  govdocs queue status | schedule list | schedule remove NAME  --queue redis://…

Reads every input (PDF, scanned PDF by OCR, DOCX, DOC/WPS, XLSX/XLS/ET/ODS, HTML, text, and the
documents inside .zip/.rar/.7z archives), writes to DIR:
  documents.jsonl  tables.jsonl  facts.jsonl  indicators.jsonl  statements.jsonl  issues.jsonl
  manifest.json

Options:
  -o, --out DIR        output folder (created if missing; an existing one is resumed)
  -w, --workers N      parallel workers (default: one per core, here ${availableParallelism()}; never more than the files)
      --force          redo every document, even those already in DIR
      --max-bytes N    skip files larger than N bytes with a document issue (default 200000000)
      --timeout S      give up on a document after S seconds with a document issue (default 120),
                       plus 60 s for each scanned page it reads by OCR
      --no-ocr         do not read scanned pages by OCR (they get a parse issue); with --queue it
                       reaches every worker (govdocs worker --no-ocr turns OCR off on one worker)
      --queue URL      parse on a Redis job queue (redis://HOST:PORT/DB) by \`govdocs worker\`
                       processes on any number of machines, then merge here; same output
  -q, --quiet          print nothing but errors
  -h, --help           this text
  -v, --version        the version

Progress goes to stderr: a bar on a terminal, a log line every 10 s otherwise.
An existing DIR is resumed: documents whose bytes and pipeline version are already there are
not parsed again, so a killed run can simply be started again. The jsonl files are the same,
byte for byte, for the same inputs; manifest.json is the one file with timings and memory.

export writes tidy tables (facts, documents, tables, indicators, issues, statements) from a run's
DIR: one DuckDB file (default DIR/govdocs.duckdb, with views panel and three_public), or one
Parquet/CSV file per table (default DIR/parquet, DIR/csv; CSV is UTF-8 with a BOM). The panel view
is region × year × function code (类, 款) × measure of one table kind (default expenditure) and
measure family (default every measure). report writes a static HTML review site (open
REPORT_DIR/index.html from disk); --no-images leaves out the PDF page pictures.

Exit status: 0 every document was read; 2 some could not be (see issues.jsonl and
manifest.json; everything else was still written); 1 usage error; 3 internal error
(a govdocs bug, or parsing workers that cannot start: run pnpm build).

Examples:
  govdocs run samples --out out
  govdocs run 'downloads/**/*.pdf' --out dataset --workers 2`;

export interface RunArgs {
  command: 'run';
  inputs: string[];
  out: string;
  workers: number;
  force: boolean;
  quiet: boolean;
  maxBytes: number;
  /** Per-document time limit, in ms. */
  timeoutMs: number;
  /** Redis address: parse through the job queue instead of this machine's workers. */
  queue?: string;
  /** False with --no-ocr: scanned pages are not read. */
  ocr?: boolean;
}

export interface ExportArgs {
  command: 'export';
  dir: string;
  to: 'parquet' | 'csv' | 'duckdb';
  out: string | undefined;
  panelKind: string;
  panelMeasure: string | null;
  quiet: boolean;
}

export interface ReportArgs {
  command: 'report';
  dir: string;
  out: string;
  images: boolean;
  quiet: boolean;
}

export type ParsedArgs =
  | RunArgs
  | ExportArgs
  | ReportArgs
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'error'; message: string };

export function parseCommandLine(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        workers: { type: 'string', short: 'w' },
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-bytes': { type: 'string' },
        timeout: { type: 'string' },
        'no-ocr': { type: 'boolean', default: false },
        to: { type: 'string' },
        'panel-table': { type: 'string' },
        'panel-measure': { type: 'string' },
        'no-images': { type: 'boolean', default: false },
        queue: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return { command: 'error', message: `${(error as Error).message}. Run \`govdocs --help\` for the options.` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...inputs] = positionals;
  if (command === 'export' || command === 'report') return parseOutputCommand(command, inputs, values);
  if (command !== 'run') {
    return {
      command: 'error',
      message: command
        ? `unknown command "${command}". Type: govdocs run <files|folders> --out DIR (or export, report)`
        : 'no command given. Type: govdocs run <files|folders> --out DIR',
    };
  }
  if (!inputs.length)
    return { command: 'error', message: 'no inputs given. Type: govdocs run <files|folders|globs...> --out DIR' };
  if (!values.out)
    return { command: 'error', message: `no output folder given. Type: govdocs run ${inputs.join(' ')} --out DIR` };
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1)
    return { command: 'error', message: `--workers takes a whole number ≥ 1, not "${values.workers}".` };
  const maxBytes = values['max-bytes'] === undefined ? 200_000_000 : Number(values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes < 1)
    return { command: 'error', message: `--max-bytes takes a whole number of bytes, not "${values['max-bytes']}".` };
  const timeoutSeconds = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    return { command: 'error', message: `--timeout takes a number of seconds > 0, not "${values.timeout}".` };
  if (values.queue !== undefined && !/^rediss?:\/\/./.test(values.queue))
    return {
      command: 'error',
      message: `--queue takes a Redis address like redis://127.0.0.1:6379/0, not "${values.queue}".`,
    };
  return {
    command: 'run',
    inputs,
    out: values.out,
    workers,
    force: values.force,
    quiet: values.quiet,
    maxBytes,
    timeoutMs: Math.round(timeoutSeconds * 1000),
    ...(values.queue !== undefined ? { queue: values.queue } : {}),
    ...(values['no-ocr'] ? { ocr: false } : {}),
  };
}

const FORMATS = ['parquet', 'csv', 'duckdb'] as const;

function parseOutputCommand(
  command: 'export' | 'report',
  inputs: string[],
  values: {
    out?: string;
    to?: string;
    'panel-table'?: string;
    'panel-measure'?: string;
    'no-images'?: boolean;
    quiet?: boolean;
  },
): ParsedArgs {
  if (inputs.length !== 1)
    return {
      command: 'error',
      message: `${command} takes one folder written by govdocs run. Type: govdocs ${command} DIR ${command === 'export' ? '--to parquet' : '--out report'}`,
    };
  const [dir] = inputs;
  const quiet = values.quiet ?? false;
  if (command === 'report') {
    if (!values.out)
      return { command: 'error', message: `no report folder given. Type: govdocs report ${dir} --out report` };
    return { command, dir, out: values.out, images: !values['no-images'], quiet };
  }
  const to = values.to as (typeof FORMATS)[number] | undefined;
  if (!to || !FORMATS.includes(to))
    return {
      command: 'error',
      message: `--to takes ${FORMATS.join(', ')}${values.to ? `, not "${values.to}"` : ''}. Type: govdocs export ${dir} --to parquet`,
    };
  return {
    command,
    dir,
    to,
    out: values.out,
    panelKind: values['panel-table'] ?? 'expenditure',
    panelMeasure: values['panel-measure'] ?? null,
    quiet,
  };
}
