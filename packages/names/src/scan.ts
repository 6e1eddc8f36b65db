/**
 * Finds place names in a line of text: county-level units (full, short and old names),
 * prefectures and provinces (full names and stems). Longest match wins at each position.
 */
import type { Term } from './region-index.js';
import { regionIndex } from './region-index.js';

export interface TermMatch { text: string; start: number; end: number; term: Term }

const HAN = /[\u4e00-\u9fff]/;

let lengthsByFirst: Map<string, number[]> | null = null;

/** For each first character, the term lengths to try, longest first (keeps scanning linear). */
function lengths(): Map<string, number[]> {
  if (lengthsByFirst) return lengthsByFirst;
  const map = new Map<string, Set<number>>();
  for (const key of regionIndex().terms.keys()) {
    if (key.length < 2) continue;
    let set = map.get(key[0]);
    if (!set) map.set(key[0], (set = new Set()));
    set.add(key.length);
  }
  lengthsByFirst = new Map([...map].map(([k, v]) => [k, [...v].sort((a, b) => b - a)]));
  return lengthsByFirst;
}

export function scanTerms(line: string): TermMatch[] {
  const { terms } = regionIndex();
  const byFirst = lengths();
  const out: TermMatch[] = [];
  let i = 0;
  while (i < line.length) {
    const options = byFirst.get(line[i]);
    let matched: TermMatch | null = null;
    if (options) {
      for (const len of options) {
        if (i + len > line.length) continue;
        const text = line.slice(i, i + len);
        const term = terms.get(text);
        if (!term) continue;
        if (!standsAlone(line, i, len, term, out)) continue;
        matched = { text, start: i, end: i + len, term };
        break;
      }
    }
    if (matched) {
      out.push(matched);
      i = matched.end;
    } else i++;
  }
  return out;
}

/**
 * Two-character unit names (浚县, 城区, 和县) also occur inside ordinary words (全县和县直…);
 * they count only at a word edge or right after a prefecture/province name.
 */
function standsAlone(line: string, i: number, len: number, term: Term, before: TermMatch[]): boolean {
  if (len > 2 || term.prefectures.length || term.provinces.length) return true;
  if (i === 0 || !HAN.test(line[i - 1])) return true;
  const prev = before[before.length - 1];
  return !!prev && prev.end === i && (prev.term.prefectures.length > 0 || prev.term.provinces.length > 0);
}
