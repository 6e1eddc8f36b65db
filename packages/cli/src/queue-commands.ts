/**
 * The queue's commands: `govdocs worker`, `govdocs queue status`, `govdocs schedule list|remove`,
 * and `govdocs crawl --queue [--every]` (called from the crawl command). Loaded only for them, so
 * a local run never loads BullMQ.
 */
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import type { CrawlScheduleRequest } from '@govdocs/crawl';
import {
  addOnce,
  describeEvery,
  formatStatus,
  listSchedules,
  parseEvery,
  parseRedisUrl,
  queueStatus,
  removeSchedule,
  unreachable,
  upsertSchedule,
  type RedisTarget,
} from '@govdocs/queue';
import { loadConfig } from '@govdocs/crawl';
import type { CrawlJobData } from './queue-jobs.js';
import { runWorker } from './queue-worker.js';

export const QUEUE_HELP = `govdocs on a Redis job queue (BullMQ)

Usage:
  govdocs run <inputs>... --out DIR --queue redis://HOST:PORT/DB     (one job per document; waits, then merges)
  govdocs worker --queue redis://HOST:PORT/DB [--workers N] [--stall S] [--no-ocr]
  govdocs queue status --queue redis://HOST:PORT/DB [--failures N]
  govdocs crawl --config sites.json --out DIR --queue redis://… [--every WHEN] [--name NAME]
  govdocs schedule list --queue redis://…
  govdocs schedule remove NAME --queue redis://…

worker: takes documents and scheduled crawls from the queue, on as many machines as you like.
  Inputs and --out folders must be reachable under the same paths on every machine (a shared
  file system). Ctrl-C finishes the jobs in hand; a killed worker's jobs go to another one after
  --stall seconds.
  -w, --workers N   parsing threads (default: one per core, here ${availableParallelism()})
      --stall S     seconds before the jobs of a worker that stopped answering are handed on (default 30)
      --no-ocr      read no scanned page by OCR on this worker (they get a parse issue); a run's
                    own --no-ocr reaches every worker with its jobs
queue status: waiting, active, delayed, completed and failed jobs per queue, the workers
  listening, and the latest failures with their reasons (--failures N, default 20).
schedule list / remove: the scheduled crawls (govdocs crawl --queue --every); removing one stops
  future crawls, not one already running.`;

type Log = (line: string) => void;

/** `govdocs worker|queue|schedule ...`; returns the exit status. */
export async function queueCommand(argv: string[], log: Log = (l) => console.error(l)): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        queue: { type: 'string' },
        workers: { type: 'string', short: 'w' },
        stall: { type: 'string' },
        'no-ocr': { type: 'boolean', default: false },
        failures: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage(log, `${(error as Error).message}. Run \`govdocs ${command} --help\` for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(QUEUE_HELP);
    return 0;
  }
  if (values.queue === undefined)
    return usage(
      log,
      `--queue is needed: the Redis to use, e.g. govdocs ${[command, ...positionals].join(' ')} --queue redis://127.0.0.1:6379/0`,
    );
  const target = parseRedisUrl(values.queue);
  if (!target.ok) return usage(log, target.message);
  switch (command) {
    case 'worker': {
      if (positionals.length)
        return usage(log, `worker takes no inputs (the runs give them): remove ${positionals.join(' ')}`);
      const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
      if (!Number.isInteger(workers) || workers < 1)
        return usage(log, `--workers takes a whole number ≥ 1, not "${values.workers}".`);
      const stall = values.stall === undefined ? 30 : Number(values.stall);
      if (!Number.isFinite(stall) || stall < 1)
        return usage(log, `--stall takes a number of seconds ≥ 1, not "${values.stall}".`);
      return runWorker({
        target: target.target,
        workers,
        lockMs: Math.round(stall * 1000),
        quiet: values.quiet,
        log,
        ...(values['no-ocr'] ? { ocr: false } : {}),
      });
    }
    case 'queue': {
      if (positionals[0] !== 'status')
        return usage(log, 'the queue command is: govdocs queue status --queue redis://…');
      const max = values.failures === undefined ? 20 : Number(values.failures);
      if (!Number.isInteger(max) || max < 0)
        return usage(log, `--failures takes a whole number ≥ 0, not "${values.failures}".`);
      return withRedis(target.target, log, async () => {
        console.log(formatStatus(await queueStatus(target.target, max), target.target.display));
        return 0;
      });
    }
    case 'schedule':
      return scheduleCommand(positionals, target.target, log);
    default:
      return usage(log, `unknown command "${command}"`);
  }
}

async function scheduleCommand(positionals: string[], target: RedisTarget, log: Log): Promise<number> {
  const [action, name] = positionals;
  if (action === 'list' && positionals.length === 1) {
    return withRedis(target, log, async () => {
      const schedules = await listSchedules<CrawlJobData>(target);
      if (!schedules.length) console.log(`no scheduled crawl at ${target.display}.`);
      for (const s of schedules) {
        const next = s.next ? new Date(s.next).toISOString() : '?';
        console.log(
          `${s.name}\t${describeEvery(s.every)}\tnext ${next}\tconfig ${s.data?.config ?? '?'}\tout ${s.data?.out ?? '?'}`,
        );
      }
      return 0;
    });
  }
  if (action === 'remove' && name !== undefined && positionals.length === 2) {
    return withRedis(target, log, async () => {
      if (await removeSchedule(target, name)) {
        log(`removed the schedule ${name}; a crawl already running goes on.`);
        return 0;
      }
      log(
        `govdocs schedule: no schedule named "${name}" at ${target.display}. See govdocs schedule list --queue ${target.display}`,
      );
      return 1;
    });
  }
  return usage(
    log,
    'the schedule commands are: govdocs schedule list --queue redis://…, govdocs schedule remove NAME --queue redis://…',
  );
}

/** `govdocs crawl --queue URL [--every WHEN]`: registers the schedule, or adds one crawl now. */
export async function scheduleCrawl(
  request: CrawlScheduleRequest,
  log: Log = (l) => console.error(l),
): Promise<number> {
  const target = parseRedisUrl(request.queue);
  if (!target.ok) return usage(log, target.message);
  const loaded = loadConfig(request.config);
  if (!loaded.ok) {
    log(`govdocs crawl: the config has ${loaded.errors.length} mistake(s):`);
    for (const error of loaded.errors) log(`  ${error}`);
    return 1;
  }
  const data: CrawlJobData = { name: request.name, config: request.config, out: request.out, dataset: request.dataset };
  return withRedis(target.target, log, async () => {
    if (request.every === undefined) {
      const id = await addOnce(target.target, 'crawl', data);
      if (!request.quiet)
        log(
          `queued a crawl of ${request.out} (job ${id}); a worker runs it: govdocs worker --queue ${target.target.display}`,
        );
      return 0;
    }
    const every = parseEvery(request.every);
    if ('error' in every) return usage(log, every.error);
    let schedule;
    try {
      schedule = await upsertSchedule(target.target, request.name, every, 'crawl', data);
    } catch (error) {
      return usage(
        log,
        `--every "${request.every}" was refused: ${(error as Error).message}. Give a cron pattern such as "0 3 * * *" or an interval such as 6h.`,
      );
    }
    if (!request.quiet) {
      const next = schedule.next ? `; next ${new Date(schedule.next).toISOString()}` : '';
      log(
        `scheduled crawl ${request.name}: ${describeEvery(every)}${next}; workers run it (govdocs worker --queue ${target.target.display})`,
      );
    }
    return 0;
  });
}

async function withRedis(target: RedisTarget, log: Log, action: () => Promise<number>): Promise<number> {
  const problem = await unreachable(target);
  if (problem) {
    log(`govdocs: ${problem}`);
    return 1;
  }
  return action();
}

function usage(log: Log, message: string): number {
  log(`govdocs: ${message}`);
  return 1;
}
