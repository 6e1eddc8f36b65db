import { HELP, parseCommandLine } from './args.js';
import { runPipeline } from './run.js';
import { VERSION } from './version.js';

/** Runs the command line and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'crawl') {
    // Loaded only for this command: the crawler brings cheerio and the ingest stage with it.
    const { crawlMain } = await import('@govdocs/crawl');
    return crawlMain(argv.slice(1), { version: VERSION, run: (inputs, out, quiet) => main(['run', ...inputs, '--out', out, ...(quiet ? ['--quiet'] : [])]) });
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
    case 'run': {
      const { exitCode } = await runPipeline({ ...args, command: ['govdocs', ...argv], log: (l) => console.error(l) });
      return exitCode;
    }
  }
}
