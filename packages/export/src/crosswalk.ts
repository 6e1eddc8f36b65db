/**
 * What makes figures comparable across years: classification codes renumbered between editions
 * (data/function-crosswalk.json, built from the TSV beside it) and region codes changed by
 * administrative reforms (packages/names/data/renames.json, kept by @govdocs/names).
 */
import { readFileSync } from 'node:fs';

export interface CodeCrosswalkRow {
  scheme: 'function' | 'economic';
  code: string;
  name: string;
  /** The last fiscal year whose edition gave `code` this meaning. */
  lastYear: number;
  current: string;
  /** The code carrying the line today, chains followed. */
  today: string;
  todayName: string;
  source: string;
}

export interface RegionRename {
  oldCode: string;
  /** Today's code, chains (A → B → C) followed. */
  code: string;
  name: string;
  year: number;
}

/** 项 lines every 款 has; a 项 of a renumbered 款 follows its 款 only when it is one of these. */
export const STANDARD_ITEMS = ['01', '02', '03', '50', '99'] as const;

const DATA = new URL('../data/function-crosswalk.json', import.meta.url);
// Both src/ and dist/ sit one level below the package, so this reaches the names package either way.
const RENAMES = new URL('../../names/data/renames.json', import.meta.url);

export function loadCodeCrosswalk(path: string | URL = DATA): CodeCrosswalkRow[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { rows: CodeCrosswalkRow[] }).rows;
}

export function loadRegionRenames(path: string | URL = RENAMES): RegionRename[] {
  // A rename that keeps its code (桥东区 → 襄都区, both 130502) changes no region code.
  const rows = (
    JSON.parse(readFileSync(path, 'utf8')) as {
      renames: { oldCode: string; code: string; name: string; year: number }[];
    }
  ).renames.filter((r) => r.oldCode !== r.code);
  const next = new Map(rows.map((r) => [r.oldCode, r]));
  return rows.map((r) => {
    let last = r;
    for (let hops = 0; hops < rows.length; hops++) {
      const on = next.get(last.code);
      if (!on || on === r) break;
      last = on;
    }
    return { oldCode: r.oldCode, code: last.code, name: last.name, year: r.year };
  });
}

/** The code a line has today, for a code printed in a document of `fiscalYear` (null: unknown year, taken as today's). */
export function codeCurrent(rows: CodeCrosswalkRow[], scheme: string, code: string, fiscalYear: number | null): string {
  if (fiscalYear === null) return code;
  const exact = rows.find((r) => r.scheme === scheme && r.code === code && fiscalYear <= r.lastYear);
  if (exact) return exact.today;
  if (code.length === 7 && (STANDARD_ITEMS as readonly string[]).includes(code.slice(5))) {
    const parent = rows.find((r) => r.scheme === scheme && r.code === code.slice(0, 5) && fiscalYear <= r.lastYear);
    if (parent) return parent.today + code.slice(5);
  }
  return code;
}
