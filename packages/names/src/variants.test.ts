/**
 * Resolution over generated variants of real names: short forms, traditional characters,
 * spacing and width, city-prefixed districts, one wrong character, same-named units with and
 * without a clue. Every variant must come out right or be reported unresolved; none may
 * silently resolve to the wrong unit.
 */
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { gazetteer, type Unit } from './gazetteer.js';
import { regionIndex } from './region-index.js';
import { emptyClues, resolveRegionName, type Clues } from './resolve-name.js';

const toTraditional = Converter({ from: 'cn', to: 'tw' });

interface Variant {
  kind: string;
  raw: string;
  expect: string | null;
  clues?: Clues;
}

/** Replacement characters for typos: common in names, none of them a name on its own. */
const TYPO_CHARS = ['那', '坪', '兴', '和', '安', '东', '仁', '华'];

function variants(): Variant[] {
  const g = gazetteer();
  const idx = regionIndex();
  const isKnown = (s: string) => idx.exact.has(s) || idx.stems.has(s.replace(/[县市区旗]$/, ''));
  const shared = (u: Unit) => (idx.exact.get(u.name)?.length ?? 0) > 1;
  const units = g.units.filter((u, i) => u.type !== 'zone' && i % 9 === 0);
  const out: Variant[] = [];
  for (const [i, u] of units.entries()) {
    const prefix = u.prefecture ?? u.province;
    const expect = shared(u) ? null : u.code;
    out.push({ kind: 'traditional', raw: toTraditional(u.name), expect });
    out.push({ kind: 'spaces', raw: [...u.name].join(i % 2 ? ' ' : '\u3000'), expect });
    out.push({ kind: 'prefixed', raw: prefix + u.name, expect: u.code });
    // One wrong character in the place stem; skipped when the result is itself a real name.
    const at = i % Math.max(1, Math.min(2, u.stem.length));
    const typoChar = TYPO_CHARS.find((c) => c !== u.stem[at])!;
    const typo = u.name.slice(0, at) + typoChar + u.name.slice(at + 1);
    if (!isKnown(typo) && u.stem.length >= 2) {
      const prefixed = typo.length < 4;
      const scope = prefixed ? g.units.filter((o) => (o.prefecture ?? o.province) === prefix) : g.units;
      out.push({
        kind: 'typo',
        raw: prefixed ? prefix + typo : typo,
        expect: nearestUnique(typo, scope) === u ? u.code : null,
      });
      if (prefixed)
        out.push({ kind: 'typo-no-clue', raw: typo, expect: nearestUnique(typo, g.units) === u ? u.code : null });
    }
  }
  // Short forms and bare stems of every autonomous county and banner (新平县, 新平).
  for (const u of g.units.filter((x) => x.short !== x.name)) {
    out.push({ kind: 'short', raw: u.short, expect: (idx.exact.get(u.short)?.length ?? 0) > 1 ? null : u.code });
    if (!idx.exact.has(u.stem))
      out.push({ kind: 'stem', raw: u.stem, expect: (idx.stems.get(u.stem)?.length ?? 0) > 1 ? null : u.code });
  }
  // Same-named units: without a clue they must be reported, with the prefecture named they resolve.
  const byName = new Map<string, Unit[]>();
  for (const u of g.units) if (u.type !== 'zone') byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const repeated = [...byName.values()].filter((l) => l.length > 1);
  for (const [i, list] of repeated.entries()) {
    if (i % 2) continue;
    out.push({ kind: 'ambiguous', raw: list[0].name, expect: null });
    for (const u of list) {
      const clues = emptyClues();
      if (u.prefecture) clues.prefectures.set(u.prefectureCode, 3);
      else clues.provinces.set(u.provinceCode, 3);
      const rivals = list.filter(
        (o) => o !== u && (u.prefecture ? o.prefectureCode === u.prefectureCode : o.provinceCode === u.provinceCode),
      );
      out.push({ kind: 'ambiguous+clue', raw: u.name, clues, expect: rivals.length ? null : u.code });
    }
  }
  return out;
}

/** Test oracle, independent of the resolver: the one unit nearest by plain edit distance, or null on a tie. */
function nearestUnique(text: string, scope: Unit[]): Unit | null {
  let best = Infinity;
  let found: Unit[] = [];
  for (const u of scope) {
    if (u.type === 'zone') continue;
    const d = Math.min(editDistance(text, u.name), editDistance(text, u.short));
    if (d < best) [best, found] = [d, [u]];
    else if (d === best && !found.includes(u)) found.push(u);
  }
  return found.length === 1 ? found[0] : null;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe('resolution of generated name variants', () => {
  const list = variants();

  it('covers at least 300 variants of every kind', () => {
    expect(list.length).toBeGreaterThanOrEqual(300);
    for (const kind of ['traditional', 'spaces', 'short', 'stem', 'prefixed', 'typo', 'ambiguous', 'ambiguous+clue']) {
      expect(list.filter((v) => v.kind === kind).length, kind).toBeGreaterThan(10);
    }
  });

  it('resolves ≥ 99 % right, reports every unresolved one and never guesses silently', () => {
    let right = 0;
    const byKind = new Map<string, { n: number; resolved: number; reported: number }>();
    const wrong: string[] = [];
    const reported: string[] = [];
    for (const v of list) {
      const r = resolveRegionName(v.raw, { clues: v.clues });
      const got = r.unit?.code ?? null;
      const k = byKind.get(v.kind) ?? { n: 0, resolved: 0, reported: 0 };
      k.n++;
      if (got === v.expect) got ? k.resolved++ : k.reported++;
      byKind.set(v.kind, k);
      if (got === v.expect) right++;
      else if (got === null)
        reported.push(`${v.kind} ${v.raw}: unresolved (${r.candidates.length} candidates), expected ${v.expect}`);
      else wrong.push(`${v.kind} ${v.raw}: got ${got} ${r.unit!.name}, expected ${v.expect}`);
      if (v.expect === null) expect(r.ambiguous || r.match === 'none', v.raw).toBe(true);
    }
    const rate = right / list.length;
    console.log(
      `name variants: ${list.length}, right ${right} (${(rate * 100).toFixed(2)} %), reported unresolved ${reported.length}, wrong ${wrong.length}`,
    );
    console.log(
      [...byKind]
        .map(([kind, k]) => `  ${kind}: ${k.n} (resolved ${k.resolved}, rightly reported as ambiguous ${k.reported})`)
        .join('\n'),
    );
    if (reported.length) console.log(reported.slice(0, 20).join('\n'));
    expect(wrong).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.99);
  });
});
