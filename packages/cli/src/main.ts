import { HELP, parseCommandLine } from './args.js';
import { runPipeline } from './run.js';
import { VERSION } from './version.js';

/** Runs the command line and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'crawl') {
    // Loaded only for this command: the crawler brings cheerio and the ingest stage with it.
    const { crawlMain } = await import('@govdocs/crawl');
    return crawlMain(argv.slice(1), {
      version: VERSION,
      run: (inputs, out, quiet) => main(['run', ...inputs, '--out', out, ...(quiet ? ['--quiet'] : [])]),
      schedule: async (request) => (await import('./queue-commands.js')).scheduleCrawl(request),
    });
  }
  if (argv[0] === 'worker' || argv[0] === 'queue' || argv[0] === 'schedule') {
    // BullMQ is loaded only for the queue's commands.
    return (await import('./queue-commands.js')).queueCommand(argv);
  }
  const args = parseCommandLine(argv);
  switch (args.command) {
    case 'help':
      console.log(HELP);
      return 0;
    case 'version':
      console.log(VERSION);
      return 0;
    case 'error':
      console.error(`govdocs: ${args.message}`);
      return 1;
    case 'export': {
      // Loaded only for these commands: DuckDB and pdf.js rendering are native and large.
      const { exportDataset } = await import('@govdocs/export');
      return userFacing(() => exportDataset({ ...args, progress: args.quiet ? null : process.stderr }));
    }
    case 'report': {
      const { writeReport } = await import('@govdocs/report');
      return userFacing(() => writeReport({ ...args, progress: args.quiet ? null : process.stderr }));
    }
    case 'run': {
      const options = { ...args, command: ['govdocs', ...argv], log: (l: string) => console.error(l) };
      const { exitCode } =
        args.queue === undefined
          ? await runPipeline(options)
          : await (await import('./queue-run.js')).runOnQueue({ ...options, queue: args.queue });
      return exitCode;
    }
  }
}

/** A wrong folder is the user's to fix (status 1, one line); anything else is a bug (status 3, via bin.ts). */
async function userFacing(task: () => Promise<unknown>): Promise<number> {
  try {
    await task();
    return 0;
  } catch (error) {
    if ((error as { usage?: boolean }).usage) {
      console.error(`govdocs: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}
