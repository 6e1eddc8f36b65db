/**
 * A crawl job, run by a queue worker when its schedule falls due: the crawl itself (with the
 * folder's lock, as `govdocs crawl`), then a queue run of the crawl folder into its dataset.
 * The crawl knows which files it found unchanged and their hashes: those whose part is there get
 * no job, so only the new and changed files go to the parse queue. The dataset is then merged as
 * `govdocs run DIR --out DATASET` would, under the dataset folder's own lock.
 */
import { join } from 'node:path';
import { crawl, CrawlBusy, loadConfig, lockFolder, type FetchRecord } from '@govdocs/crawl';
import { UnrecoverableError, type RedisTarget } from '@govdocs/queue';
import type { CrawlJobData, CrawlJobResult } from './queue-jobs.js';
import { runOnQueue } from './queue-run.js';
import { VERSION } from './version.js';

export async function runCrawlJob(
  data: CrawlJobData,
  target: RedisTarget,
  log: (line: string) => void,
): Promise<CrawlJobResult> {
  const loaded = loadConfig(data.config);
  // A broken config stays broken on a retry: fail at once, with every mistake in the reason.
  if (!loaded.ok) throw new UnrecoverableError(`${data.config}: ${loaded.errors.join('; ')}`);
  const unchanged = new Map<string, string>();
  const onRecord = (record: FetchRecord) => {
    if (!record.file || !record.sha256) return;
    const path = join(data.out, record.file);
    if (record.change === 'unchanged') unchanged.set(path, record.sha256);
    else unchanged.delete(path);
  };
  let summary;
  try {
    summary = await crawl({ outDir: data.out, config: loaded.config, version: VERSION, onRecord });
  } catch (error) {
    if (error instanceof CrawlBusy) return { busy: error.message, enqueued: 0, unchanged: 0, documents: 0, failed: 0 };
    throw error;
  }
  let unlock: () => void;
  try {
    unlock = lockFolder(data.dataset);
  } catch (error) {
    if (error instanceof CrawlBusy) return { busy: error.message, enqueued: 0, unchanged: 0, documents: 0, failed: 0 };
    throw error;
  }
  try {
    const run = await runOnQueue({
      inputs: [data.out],
      out: data.dataset,
      queue: target,
      known: unchanged,
      force: false,
      quiet: true,
      workers: 1,
      maxBytes: 200_000_000,
      command: ['govdocs', 'crawl', '--config', data.config, '--out', data.out, '--schedule', data.name],
      log,
    });
    log(
      `govdocs worker: scheduled crawl ${data.name}: ${run.enqueued} new or changed file(s) parsed, ${run.manifest.counts.documents} documents in ${data.dataset}`,
    );
    return {
      sites: summary.sites.map((s) => ({
        site: s.site,
        new: s.new,
        changed: s.changed,
        unchanged: s.unchanged,
        failed: s.failed,
      })),
      enqueued: run.enqueued,
      unchanged: run.unchanged,
      documents: run.manifest.counts.documents,
      failed: run.manifest.failures.length,
    };
  } finally {
    unlock();
  }
}
