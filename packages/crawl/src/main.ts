/** `govdocs crawl --config sites.json --out DIR [--run]`: argument parsing and the command. */
import { parseArgs } from 'node:util';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from './config.js';
import { crawl } from './crawler.js';
import { CrawlBusy } from './lock.js';

export const CRAWL_HELP = `govdocs crawl: fetch new and changed budget disclosures from government sites

Usage:
  govdocs crawl --config sites.json --out DIR [--run] [--dataset OUT]
  govdocs crawl --config sites.json --out DIR --queue redis://HOST:PORT/DB [--every WHEN] [--name NAME]

Saves article pages and attachments under DIR/<host>/<path>, one record per address asked in
DIR/fetch-log.jsonl, and state in DIR/.govdocs so the next crawl asks only for what changed
(If-None-Match / If-Modified-Since). A killed crawl resumes where it stopped.

Options:
  -c, --config FILE   the sites to crawl (JSON), e.g.
                      {"sites": [{"name": "新平县人民政府", "start": ["http://host/zwgk/czyjs/"],
                                  "allow": ["host"], "maxDepth": 3, "delayMs": 500, "concurrency": 2}]}
  -o, --out DIR       crawl folder (created if missing; an existing one is updated)
      --run           then run the pipeline on what was fetched (as \`govdocs run DIR\`)
      --dataset OUT   dataset folder for --run (default DIR/dataset)
      --queue URL     do not crawl here: hand the crawl to the workers on this Redis
                      (govdocs worker --queue URL); they crawl, with the folder's lock, and
                      parse the new and changed files into the dataset (DIR/dataset or --dataset)
      --every WHEN    with --queue: register a schedule instead of one crawl; WHEN is a cron
                      pattern ("0 3 * * *": every day at 03:00) or an interval (30m, 6h, 1d).
                      Registering the same NAME again replaces it. See govdocs schedule list|remove
      --name NAME     the schedule's name (default: the crawl folder's name)
  -q, --quiet         print nothing but errors
  -h, --help          this text

Site fields (defaults): maxDepth 3, maxPages 500, maxListPages 50, delayMs 500, concurrency 2,
timeoutMs 30000, maxBytes 100000000, retries 2, maxRedirects 5, follow/followUrl (regexes for
link text/address; defaults recognise 预算/决算/绩效 pages), exclude [], attachments
[.pdf .doc .docx .xls .xlsx .wps .et .zip .rar]. Attachments of a page at maxDepth are still
fetched. Top level: "parallelSites" (4) sites at once; "contact" is added to the User-Agent.`;

export interface CrawlMainOptions {
  version: string;
  /** Runs the pipeline on a crawl folder; given by the CLI, which owns the pipeline. */
  run?: (inputs: string[], out: string, quiet: boolean) => Promise<number>;
  log?: (line: string) => void;
  fetchImpl?: typeof fetch;
  /** Hands the crawl to queue workers (once, or on a schedule); given by the CLI, which owns the queue. */
  schedule?: (request: CrawlScheduleRequest) => Promise<number>;
}

/** `govdocs crawl --queue`: paths absolute, since workers may run elsewhere. */
export interface CrawlScheduleRequest {
  queue: string;
  every?: string;
  name: string;
  config: string;
  out: string;
  dataset: string;
  quiet: boolean;
}

/** Exit status: 0 done; 1 usage or config error; with --run, the run's status. */
export async function crawlMain(argv: string[], options: CrawlMainOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.error(line));
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        config: { type: 'string', short: 'c' },
        out: { type: 'string', short: 'o' },
        run: { type: 'boolean', default: false },
        dataset: { type: 'string' },
        queue: { type: 'string' },
        every: { type: 'string' },
        name: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    log(`govdocs crawl: ${(error as Error).message}. Run \`govdocs crawl --help\` for the options.`);
    return 1;
  }
  if (values.help) {
    console.log(CRAWL_HELP);
    return 0;
  }
  if (!values.config) return usage(log, 'no config given. Type: govdocs crawl --config sites.json --out DIR');
  if (!values.out) return usage(log, `no crawl folder given. Type: govdocs crawl --config ${values.config} --out DIR`);
  const loaded = loadConfig(values.config);
  if (!loaded.ok) {
    log(`govdocs crawl: the config has ${loaded.errors.length} mistake(s):`);
    for (const error of loaded.errors) log(`  ${error}`);
    return 1;
  }
  const quiet = values.quiet;
  if (values.every !== undefined && values.queue === undefined)
    return usage(
      log,
      `--every needs --queue: schedules live in Redis and workers run them. Type: govdocs crawl --config ${values.config} --out ${values.out} --queue redis://127.0.0.1:6379/0 --every "${values.every}"`,
    );
  if (values.queue !== undefined) {
    if (values.run)
      return usage(log, '--run and --queue do not go together: with --queue the workers parse what the crawl fetched');
    if (!options.schedule) return usage(log, '--queue is not available here; use the govdocs command');
    const out = resolve(values.out);
    return options.schedule({
      queue: values.queue,
      ...(values.every !== undefined ? { every: values.every } : {}),
      name: values.name ?? basename(out),
      config: resolve(values.config),
      out,
      dataset: resolve(values.dataset ?? join(out, 'dataset')),
      quiet,
    });
  }
  let summary;
  try {
    summary = await crawl({
      outDir: values.out,
      config: loaded.config,
      version: options.version,
      fetchImpl: options.fetchImpl,
      log: quiet ? undefined : log,
    });
  } catch (error) {
    if (!(error instanceof CrawlBusy)) throw error;
    log(`govdocs crawl: ${error.message}`);
    return 1;
  }
  if (!quiet && summary.resumed) log('(resumed an interrupted crawl)');
  if (!values.run) return 0;
  if (!options.run) return usage(log, '--run is not available here; run `govdocs run DIR --out OUT` instead');
  return options.run([values.out], values.dataset ?? join(values.out, 'dataset'), quiet);
}

function usage(log: (line: string) => void, message: string): number {
  log(`govdocs crawl: ${message}`);
  return 1;
}
