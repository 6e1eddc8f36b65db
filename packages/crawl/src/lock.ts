/**
 * One crawl per folder at a time: scheduled crawls can overlap when one runs long. The lock file
 * holds the owner's pid; a lock whose process is gone (a killed crawl) is taken over.
 */
import { openSync, closeSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export class CrawlBusy extends Error {}

export function lockFolder(outDir: string): () => void {
  const dir = join(outDir, '.govdocs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'crawl.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner !== process.pid && isAlive(owner)) {
        throw new CrawlBusy(`another crawl (process ${owner}) is writing to ${outDir}; wait for it to finish, or remove ${path} if that process is not a crawl`);
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
