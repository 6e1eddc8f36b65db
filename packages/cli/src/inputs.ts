/**
 * Command-line inputs (files, folders, globs) → a sorted list of document paths. Folders are
 * walked recursively; hidden files, the output folder and crawl bookkeeping are skipped.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export interface InputList {
  files: string[];
  /** Inputs that named nothing: a missing path, a glob that matched no file, an empty folder. */
  missing: { path: string; reason: string }[];
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.parts', '.govdocs']);
const SKIP_FILES =
  /^\.|^(truth\.jsonl|manifest\.json|documents\.jsonl|tables\.jsonl|facts\.jsonl|indicators\.jsonl|issues\.jsonl|fetch-log\.jsonl)$/;

export function expandInputs(inputs: string[], exclude: string[] = []): InputList {
  const files = new Set<string>();
  const missing: InputList['missing'] = [];
  const excluded = exclude.map((e) => resolve(e));
  const isExcluded = (p: string) => excluded.some((e) => resolve(p) === e || resolve(p).startsWith(e + sep));
  for (const input of inputs) {
    const before = files.size;
    if (/[*?[]/.test(input)) {
      for (const f of globFiles(input)) if (!isExcluded(f)) files.add(f);
      if (files.size === before) missing.push({ path: input, reason: 'the pattern matched no file' });
      continue;
    }
    let stat;
    try {
      stat = statSync(input);
    } catch {
      missing.push({ path: input, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      for (const f of walk(input)) if (!isExcluded(f)) files.add(f);
      if (files.size === before) missing.push({ path: input, reason: 'the folder holds no documents' });
    } else files.add(input);
  }
  return { files: [...files].map(toPosix).sort(), missing };
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) yield* walk(p);
    } else if (!SKIP_FILES.test(e.name)) yield p;
  }
}

/** `*` within a path segment, `**` across segments, `?` one character. */
function globFiles(pattern: string): string[] {
  const posix = toPosix(pattern);
  const fixed = posix.split('/').findIndex((seg) => /[*?[]/.test(seg));
  const root = posix.split('/').slice(0, fixed).join('/') || '.';
  const regex = new RegExp(
    `^${posix
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*\*\/?/g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')
      .replace(/\u0000/g, '(?:.*/)?')}$`,
  );
  const out: string[] = [];
  for (const f of walk(root)) {
    const rel = toPosix(root === '.' ? relative('.', f) : f);
    if (regex.test(rel)) out.push(f);
  }
  return out;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}
