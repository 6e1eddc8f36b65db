/**
 * For `govdocs run` on a crawl folder: a fetched file → where it came from. The crawl folder is
 * found by walking up from the file to a DIR/fetch-log.jsonl; the last record naming the file
 * gives its address, the site's name and the page title, which the pipeline keeps as
 * `source.url` and as clues (the names stage reads the region from site and address).
 *
 * Exported on its own as `@govdocs/crawl/lookup`: `govdocs run` needs only this, and the package
 * entry would load the crawler, cheerio and the ingest stage into the main thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { DocumentClues } from '@govdocs/core';
import { FETCH_LOG, type FetchRecord } from './fetch-log.js';

export interface CrawlOrigin {
  url?: string;
  clues?: DocumentClues;
}

/** Returns a function that finds a file's crawl origin; each crawl folder's log is read once. */
export function createCrawlLookup(): (path: string) => CrawlOrigin {
  const folders = new Map<string, Map<string, FetchRecord> | null>();
  const originsIn = (dir: string): Map<string, FetchRecord> | null => {
    if (!folders.has(dir)) folders.set(dir, readLog(join(dir, FETCH_LOG)));
    return folders.get(dir)!;
  };
  return (path: string) => {
    const file = resolve(path);
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      const records = originsIn(dir);
      if (records) {
        const record = records.get(relative(dir, file).split(sep).join('/'));
        return record ? originOf(record) : {};
      }
      if (dirname(dir) === dir) return {};
    }
  };
}

function originOf(record: FetchRecord): CrawlOrigin {
  const title = record.title || record.linkText;
  // Where the document lives: the address after redirects.
  const url = record.finalUrl ?? record.url;
  return { url, clues: { site: record.site, url, ...(title ? { title } : {}) } };
}

/** file → latest record naming it; null when the folder is not a crawl folder. */
function readLog(path: string): Map<string, FetchRecord> | null {
  if (!existsSync(path)) return null;
  const byFile = new Map<string, FetchRecord>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as FetchRecord;
      if (record.file) byFile.set(record.file, record);
    } catch {
      // A line torn by a killed crawl.
    }
  }
  return byFile;
}
