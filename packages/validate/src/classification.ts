/**
 * The national classification (政府收支分类科目): function codes (类/款/项) and the economic codes of
 * departmental expenditure, read once from the versioned TSV files in ../data (see their headers
 * for the source). Names carry year ranges because lines were renamed (20805 行政事业单位离退休 →
 * 行政事业单位养老支出).
 */
import { readFileSync } from 'node:fs';

export type Scheme = 'function' | 'economic';

export interface ClassificationEntry {
  code: string;
  name: string;
  /** First fiscal year the name is valid for; null = since before 2014. */
  from: number | null;
  /** Last fiscal year the name is valid for; null = still valid. */
  to: number | null;
  /** A printed variant accepted as the national name, never reported as the national name itself. */
  alias: boolean;
}

const FILES: Record<Scheme, string> = {
  function: 'function-classification.tsv',
  economic: 'economic-classification.tsv',
};

let loaded: Record<Scheme, Map<string, ClassificationEntry[]>> | undefined;

/** Parses one TSV: `code name from to note`, `#` comment lines. */
export function parseClassification(text: string): Map<string, ClassificationEntry[]> {
  const byCode = new Map<string, ClassificationEntry[]>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [code = '', name = '', from = '', to = '', note = ''] = line.split('\t');
    if (!/^\d{3}(\d{2}){0,2}$/.test(code) || name === '') throw new Error(`classification: bad line "${line}"`);
    const entry: ClassificationEntry = {
      code,
      name,
      from: from ? Number(from) : null,
      to: to ? Number(to) : null,
      alias: note.includes('alias'),
    };
    const list = byCode.get(code) ?? [];
    list.push(entry);
    byCode.set(code, list);
  }
  return byCode;
}

function tables(): Record<Scheme, Map<string, ClassificationEntry[]>> {
  if (!loaded) {
    const read = (file: string) => readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8');
    loaded = {
      function: parseClassification(read(FILES.function)),
      economic: parseClassification(read(FILES.economic)),
    };
  }
  return loaded;
}

/** Every entry (all years, aliases included) of a code, or [] when the code is not in the list. */
export function classificationEntries(scheme: Scheme, code: string): ClassificationEntry[] {
  return tables()[scheme].get(code) ?? [];
}

export function isKnownCode(scheme: Scheme, code: string): boolean {
  return tables()[scheme].has(code);
}

function validIn(entry: ClassificationEntry, year: number | null | undefined): boolean {
  if (year === null || year === undefined) return entry.to === null;
  return (entry.from === null || entry.from <= year) && (entry.to === null || year <= entry.to);
}

/**
 * The national name of a code in a fiscal year (the current name when the year is unknown), or
 * undefined when the code is not in the list. Other stages may use it to name subjects.
 */
export function nationalName(scheme: Scheme, code: string, year?: number | null): string | undefined {
  const entries = classificationEntries(scheme, code).filter((e) => !e.alias);
  return (entries.find((e) => validIn(e, year)) ?? entries.find((e) => e.to === null) ?? entries.at(-1))?.name;
}

/** Lines every 款 of the function classification has, by the last two digits of the 项 code. */
const STANDARD_LINES: Record<string, string> = {
  '01': '行政运行',
  '02': '一般行政管理事务',
  '03': '机关服务',
  '50': '事业运行',
};

/**
 * The name of a 项 the list does not hold but whose 款 it does, when its last two digits are a line
 * every 款 has (01 行政运行, 02 一般行政管理事务, 03 机关服务, 50 事业运行, 99 其他…支出); else undefined.
 */
export function standardLineName(scheme: Scheme, code: string, year?: number | null): string | undefined {
  if (scheme !== 'function' || code.length !== 7 || isKnownCode(scheme, code)) return undefined;
  const parent = nationalName(scheme, code.slice(0, 5), year);
  if (!parent) return undefined;
  const suffix = code.slice(5);
  if (suffix === '99') return `其他${parent.replace(/支出$/, '')}支出`;
  return STANDARD_LINES[suffix];
}

let children: Record<Scheme, Map<string, string[]>> | undefined;

/** The known codes directly below a parent (款 under a 类, 项 under a 款). */
export function childCodes(scheme: Scheme, parent: string): string[] {
  if (!children) {
    children = { function: new Map(), economic: new Map() };
    for (const s of ['function', 'economic'] as const) {
      for (const code of tables()[s].keys()) {
        if (code.length <= 3) continue;
        const p = code.slice(0, -2);
        children[s].set(p, [...(children[s].get(p) ?? []), code]);
      }
    }
  }
  return children[scheme].get(parent) ?? [];
}

/** Names are compared without spaces, brackets' width, punctuation or a trailing 支出. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])\s*/, '')
    .replace(/[\s"“”'‘’:：、，,。.·]/g, '')
    .replace(/支出$/, '');
}

export type NameMatch = 'current' | 'outdated' | 'alias' | 'different';

/** How a printed name relates to a known code's national names in a year. */
export function matchName(scheme: Scheme, code: string, printed: string, year?: number | null): NameMatch {
  const p = normalizeName(printed);
  const same = (name: string) => {
    const n = normalizeName(name);
    // Cells cut short in PDFs print a prefix of the name; 4 characters are enough to tell lines apart.
    // A longer printed name that starts with the national one (行政运行（机关）) is the same line too.
    return n === p || (p.length >= 4 && n.startsWith(p)) || (n.length >= 4 && p.startsWith(n));
  };
  const entries = classificationEntries(scheme, code);
  if (entries.some((e) => !e.alias && validIn(e, year) && same(e.name))) return 'current';
  if (entries.some((e) => e.alias && same(e.name))) return 'alias';
  if (entries.some((e) => !e.alias && same(e.name))) return 'outdated';
  return 'different';
}
