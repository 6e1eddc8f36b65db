/**
 * Finds place names in a line of text: county-level units (full, short and old names),
 * prefectures and provinces (full names and stems). Longest match wins at each position.
 * A character trie keeps this linear in the text and free of substring allocation.
 */
import type { Term } from './region-index.js';
import { regionIndex } from './region-index.js';

export interface TermMatch {
  text: string;
  start: number;
  end: number;
  term: Term;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  term?: Term;
}

const HAN = /[\u4e00-\u9fff]/;

let trie: TrieNode | null = null;

function termTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  for (const [key, term] of regionIndex().terms) {
    if (key.length < 2) continue;
    let node = root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.term = term;
  }
  trie = root;
  return root;
}

export function scanTerms(line: string): TermMatch[] {
  const root = termTrie();
  const out: TermMatch[] = [];
  let i = 0;
  while (i < line.length) {
    let node = root.next.get(line[i]);
    // Ends of the terms that start here, longest last (few: a path holds one or two terms).
    let end1 = 0,
      end2 = 0,
      end3 = 0;
    let term1: Term | undefined, term2: Term | undefined, term3: Term | undefined;
    for (let j = i + 1; node; j++) {
      if (node.term) {
        end1 = end2;
        term1 = term2;
        end2 = end3;
        term2 = term3;
        end3 = j;
        term3 = node.term;
      }
      if (j >= line.length) break;
      node = node.next.get(line[j]);
    }
    if (!term3) {
      i++;
      continue;
    }
    let matched: TermMatch | null = null;
    for (const [end, term] of [
      [end3, term3],
      [end2, term2],
      [end1, term1],
    ] as const) {
      if (!term || !standsAlone(line, i, end - i, term, out)) continue;
      matched = { text: line.slice(i, end), start: i, end, term };
      break;
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
