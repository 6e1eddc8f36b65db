/**
 * One crawl per folder at a time: scheduled crawls can overlap when one runs long, and queue
 * workers on several machines may share the folder. The lock file holds the owner's pid and host;
 * a lock whose process is gone (a killed crawl) is taken over. A lock held on another host cannot
 * be checked from here: it is taken over only once it is older than any crawl should run.
 */
import { openSync, closeSync, readFileSync, rmSync, writeSync, mkdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Age after which a lock held by another host counts as abandoned. */
const FOREIGN_LOCK_MS = 24 * 3600 * 1000;

export class CrawlBusy extends Error {}

export function lockFolder(outDir: string): () => void {
  const dir = join(outDir, '.govdocs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'crawl.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid} ${hostname()}`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, host = hostname()] = readFileSync(path, 'utf8').trim().split(/\s+/);
      const owner = Number(pidText);
      if (host !== hostname()) {
        const age = Date.now() - statSync(path).mtimeMs;
        if (age < FOREIGN_LOCK_MS)
          throw new CrawlBusy(
            `another crawl (process ${owner} on ${host}) is writing to ${outDir}; wait for it to finish, or remove ${path} if that crawl is gone`,
          );
      } else if (owner !== process.pid && isAlive(owner)) {
        throw new CrawlBusy(
          `another crawl (process ${owner}) is writing to ${outDir}; wait for it to finish, or remove ${path} if that process is not a crawl`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new CrawlBusy(`could not lock ${outDir}; remove ${path} and try again`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
