/**
 * Crawl state kept in DIR/.govdocs: what each address answered last time (validators, hash,
 * saved file, links of pages), so the next run asks conditionally and skips what did not change.
 * Every fetch appends one line to a journal, so a killed run loses at most the line being
 * written (a torn last line is ignored on load); the journal is compacted when a run finishes.
 * A run marker tells a resumed run which addresses were already done before the kill.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageLink } from './html.js';

export type ResourceKind = 'list' | 'article' | 'attachment' | 'robots';

export interface UrlState {
  url: string;
  finalUrl: string;
  kind: ResourceKind;
  status: number | null;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  sha256: string | null;
  bytes: number | null;
  /** Saved copy, relative to DIR (articles and attachments only). */
  file: string | null;
  title: string;
  /** Links of a page, reused when it answers 304. */
  links?: PageLink[];
  /** Text of robots.txt, reused when it answers 304. */
  text?: string;
  /** The last answer was over maxBytes: asked again conditionally, so an unchanged one is not downloaded again. */
  tooLarge?: boolean;
  /** When it was last asked (ISO); compared with the run marker on resume. */
  checkedAt: string;
}

interface RunMarker {
  startedAt: string;
  finished: boolean;
}

export class CrawlState {
  readonly dir: string;
  private readonly journal: string;
  private readonly marker: string;
  private readonly entries = new Map<string, UrlState>();
  /** Start of the run in progress; entries checked since then are done (resume). */
  readonly runStartedAt: string;
  readonly resumed: boolean;

  constructor(outDir: string, now: () => string) {
    this.dir = join(outDir, '.govdocs');
    mkdirSync(this.dir, { recursive: true });
    this.journal = join(this.dir, 'crawl-state.jsonl');
    this.marker = join(this.dir, 'crawl-run.json');
    this.load();
    const previous = readJson<RunMarker>(this.marker);
    this.resumed = previous !== undefined && !previous.finished;
    this.runStartedAt = this.resumed ? previous!.startedAt : now();
    writeAtomic(this.marker, JSON.stringify({ startedAt: this.runStartedAt, finished: false } satisfies RunMarker));
  }

  get(url: string): UrlState | undefined {
    return this.entries.get(url);
  }

  /** Whether a resumed run already handled this address before it was killed. */
  doneThisRun(url: string): boolean {
    const entry = this.entries.get(url);
    return entry !== undefined && entry.checkedAt >= this.runStartedAt;
  }

  put(entry: UrlState): void {
    this.entries.set(entry.url, entry);
    appendFileSync(this.journal, `${JSON.stringify(entry)}\n`);
  }

  /** Rewrites the journal with one line per address and marks the run finished. */
  finish(): void {
    const lines = [...this.entries.values()]
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
      .map((e) => `${JSON.stringify(e)}\n`);
    writeAtomic(this.journal, lines.join(''));
    writeAtomic(this.marker, JSON.stringify({ startedAt: this.runStartedAt, finished: true } satisfies RunMarker));
  }

  private load(): void {
    if (!existsSync(this.journal)) return;
    for (const line of readFileSync(this.journal, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as UrlState;
        if (typeof entry.url === 'string') this.entries.set(entry.url, entry);
      } catch {
        // A line torn by a kill: the address is simply fetched again.
      }
    }
  }
}

export function writeAtomic(path: string, text: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
