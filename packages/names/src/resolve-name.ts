/**
 * One region spelling → one county-level unit, or an honest "don't know". Order of trust:
 * exact spelling (full, short, historical), bare stem, spelling with its ethnic part or type
 * word wrong, then up to two wrong characters. Several candidates are told apart only by
 * clues (prefecture/province named with it or elsewhere in the document); when clues do not
 * decide, the answer is `unit: null` with the candidates, never a silent pick.
 */
import { boundedDistance } from './distance.js';
import { splitEthnic } from './ethnic.js';
import type { Unit } from './gazetteer.js';
import { normalizeName, simplify } from './normalize.js';
import { regionIndex, type RegionIndex } from './region-index.js';

/** Weights of prefectures (4-digit codes) and provinces (2-digit codes) named in the context. */
export interface Clues {
  prefectures: Map<string, number>;
  provinces: Map<string, number>;
}

export interface ResolveOptions {
  clues?: Clues;
  /** The unit the rest of the document points at: a near miss of it is taken as that unit. */
  prefer?: Unit | null;
}

/**
 * `renamed`: the place is right and only the type word differs (新乐县 for 新乐市), which is what
 * an older name looks like after 撤县设市/设区; `corrected`: characters were wrong.
 */
export type MatchKind = 'full' | 'short' | 'rename' | 'stem' | 'renamed' | 'corrected' | 'none';

export interface NameResolution {
  raw: string;
  normalized: string;
  unit: Unit | null;
  confidence: number;
  match: MatchKind;
  /** The spelling is not a known form of the unit (a misspelling was corrected). */
  corrected: boolean;
  /** Several units fit and the clues did not decide between them. */
  ambiguous: boolean;
  candidates: Unit[];
}

export function emptyClues(): Clues {
  return { prefectures: new Map(), provinces: new Map() };
}

const TYPE_SUFFIX = /(自治县|自治旗|自治州|林区|特区|县|市|区|旗|州)$/;
const GOVERNMENT_SUFFIX = /(人民政府|政府)$/;

export function resolveRegionName(raw: string, options: ResolveOptions = {}): NameResolution {
  const written = normalizeName(raw).replace(GOVERNMENT_SUFFIX, '');
  const result = resolveNormalized(raw, written, options);
  if (result.unit && !result.corrected) return result;
  const simplified = simplify(written);
  if (simplified === written) return result;
  const converted = resolveNormalized(raw, simplified, options);
  // The simplified spelling wins when it needs no correction or the written one found nothing.
  return (converted.unit && !converted.corrected) || (!result.unit && !result.ambiguous) ? converted : result;
}

function resolveNormalized(raw: string, normalized: string, options: ResolveOptions): NameResolution {
  const idx = regionIndex();
  const base: NameResolution = {
    raw,
    normalized,
    unit: null,
    confidence: 0,
    match: 'none',
    corrected: false,
    ambiguous: false,
    candidates: [],
  };
  if (normalized.length < 2) return base;
  const clues = options.clues ?? emptyClues();
  const whole = attempt(idx, normalized, clues, options.prefer ?? null);
  if (whole.unit || whole.ambiguous) return { ...base, ...whole };
  const prefixed = stripPlacePrefixes(idx, normalized);
  if (prefixed.rest !== normalized) {
    const merged = mergeClues(clues, prefixed.clues);
    const inner = attempt(idx, prefixed.rest, merged, options.prefer ?? null);
    // A named prefecture/province that contradicts the unit makes the reading doubtful.
    if (inner.unit && !agrees(inner.unit, prefixed.clues))
      return { ...base, ...inner, unit: null, ambiguous: true, candidates: [inner.unit] };
    if (inner.unit || inner.ambiguous) return { ...base, ...inner };
  }
  return { ...base, ...whole };
}

type Attempt = Omit<NameResolution, 'raw' | 'normalized'>;

const NONE: Attempt = { unit: null, confidence: 0, match: 'none', corrected: false, ambiguous: false, candidates: [] };

function attempt(idx: RegionIndex, s: string, clues: Clues, prefer: Unit | null): Attempt {
  const hits = idx.exact.get(s);
  if (hits) {
    const picked = pick(
      hits.map((h) => h.unit),
      clues,
      prefer,
    );
    const form = hits.find((h) => h.unit === picked.unit)?.form ?? hits[0].form;
    const confidence = form === 'full' ? 1 : form === 'short' ? 0.98 : 0.95;
    return finish(picked, form, false, confidence);
  }
  const bare = idx.stems.get(s);
  if (bare) return finish(pick(bare, clues, prefer), 'stem', false, 0.95);
  const core = coreOf(s);
  const stemUnits = core ? idx.stems.get(core.stem) : undefined;
  if (core && stemUnits) {
    // A bare stem (新平) is a usual short form; a wrong ethnic part or type word is a correction.
    const typed = stemUnits.filter((u) => core.type === '' || typeFits(u, core.type));
    const pool = typed.length ? typed : stemUnits;
    const picked = pick(pool, clues, prefer);
    const corrected = core.type !== '' || core.ethnic.length > 0;
    const renamed = !typed.length && core.ethnic.length === 0 && /^[县市区旗]$/.test(core.type);
    return finish(picked, renamed ? 'renamed' : corrected ? 'corrected' : 'stem', corrected, corrected ? 0.88 : 0.95);
  }
  return nearMiss(idx, s, clues, prefer);
}

/** Up to two wrong characters (one for short spellings), unique best candidate only. */
function nearMiss(idx: RegionIndex, s: string, clues: Clues, prefer: Unit | null): Attempt {
  const limit = s.length >= 7 ? 2 : s.length >= 3 ? 1 : 0;
  if (prefer && (s.length >= 4 || (s.length === 3 && s.endsWith(prefer.short.slice(-1))))) {
    const d = Math.min(boundedDistance(s, prefer.name, 2), boundedDistance(s, prefer.short, 2));
    const core = coreOf(s);
    if (
      d <= Math.max(limit, 1) ||
      (core && boundedDistance(core.stem, prefer.stem, 1) <= 1 && s.length >= 5 && d <= 2)
    ) {
      return {
        unit: prefer,
        confidence: d <= 1 ? 0.9 : 0.86,
        match: 'corrected',
        corrected: true,
        ambiguous: false,
        candidates: [prefer],
      };
    }
  }
  if (limit === 0) return NONE;
  // Three characters with one wrong often fit several places: with clues, only the units they
  // name are candidates; without, only a single nearest unit is taken.
  const needClue = s.length < 4 && (clues.prefectures.size > 0 || clues.provinces.size > 0);
  const seen = visited(idx.fuzzyForms.length);
  const byDistance = new Map<number, Set<Unit>>();
  for (const ch of new Set(s.slice(0, -1))) {
    for (const i of idx.fuzzyPostings.get(ch) ?? []) {
      if (seen.marks[i] === seen.stamp) continue;
      seen.marks[i] = seen.stamp;
      const form = idx.fuzzyForms[i];
      if (needClue && !clues.prefectures.has(form.unit.prefectureCode) && !clues.provinces.has(form.unit.provinceCode))
        continue;
      const d = boundedDistance(s, form.text, limit);
      if (d > limit) continue;
      let set = byDistance.get(d);
      if (!set) byDistance.set(d, (set = new Set()));
      set.add(form.unit);
    }
  }
  const best = [...byDistance.keys()].sort((a, b) => a - b)[0];
  if (best === undefined) return NONE;
  const units = [...byDistance.get(best)!];
  if (s.length < 4 && !needClue && units.length > 1) return { ...NONE, ambiguous: true, candidates: units };
  const picked = pick(units, clues, prefer);
  return finish(picked, 'corrected', true, best === 1 ? 0.8 : 0.7);
}

let marks = new Uint32Array(0);
let stamp = 0;

/** Which forms this call has compared already, without a new Set per call. */
function visited(size: number): { marks: Uint32Array; stamp: number } {
  if (marks.length < size) marks = new Uint32Array(size);
  stamp = (stamp + 1) >>> 0 || 1;
  return { marks, stamp };
}

function finish(picked: Picked, match: MatchKind, corrected: boolean, confidence: number): Attempt {
  if (!picked.unit) return { ...NONE, ambiguous: true, candidates: picked.candidates };
  return {
    unit: picked.unit,
    confidence: confidence * picked.factor,
    match,
    corrected,
    ambiguous: false,
    candidates: picked.candidates,
  };
}

interface Picked {
  unit: Unit | null;
  candidates: Unit[];
  factor: number;
}

/** One unit, or the one the clues favour; none when they do not decide. */
export function pick(units: Unit[], clues: Clues, prefer: Unit | null): Picked {
  const unique = [...new Map(units.map((u) => [u.code, u])).values()];
  if (unique.length === 1) return { unit: unique[0], candidates: unique, factor: 1 };
  if (prefer && unique.some((u) => u.code === prefer.code)) return { unit: prefer, candidates: unique, factor: 0.97 };
  const scored = unique
    .map((u) => ({
      u,
      score: 2 * (clues.prefectures.get(u.prefectureCode) ?? 0) + (clues.provinces.get(u.provinceCode) ?? 0),
    }))
    .sort((a, b) => b.score - a.score);
  if (scored[0].score > 0 && scored[0].score > scored[1].score)
    return { unit: scored[0].u, candidates: unique, factor: 0.95 };
  return { unit: null, candidates: unique, factor: 0 };
}

/** 新平彝族自治州 → stem 新平, ethnic [彝族], type 州. */
function coreOf(s: string): { stem: string; ethnic: string[]; type: string } | null {
  const m = TYPE_SUFFIX.exec(s);
  const type = m ? m[1] : '';
  let body = m ? s.slice(0, -type.length) : s;
  body = body.replace(/自治$/, '');
  const { stem, ethnic } = splitEthnic(body);
  return stem.length >= 2 ? { stem, ethnic, type } : null;
}

function typeFits(u: Unit, type: string): boolean {
  if (type === '州' || type === '自治州') return u.type === 'autonomous_county' || u.type === 'autonomous_banner';
  if (type.startsWith('自治')) return u.type === 'autonomous_county' || u.type === 'autonomous_banner';
  if (type === '县') return u.type === 'county' || u.type === 'autonomous_county';
  if (type === '旗') return u.type === 'banner' || u.type === 'autonomous_banner';
  if (type === '市') return u.type === 'city';
  if (type === '区') return u.type === 'district';
  return u.name.endsWith(type);
}

/** 云南省玉溪市新平县 → rest 新平县 with 云南省 and 玉溪市 as clues. */
export function stripPlacePrefixes(idx: RegionIndex, s: string): { rest: string; clues: Clues } {
  const clues = emptyClues();
  let rest = s;
  for (let step = 0; step < 2; step++) {
    let taken = 0;
    for (let len = Math.min(idx.maxTermLength, rest.length - 2); len >= 2 && !taken; len--) {
      const t = idx.terms.get(rest.slice(0, len));
      if (!t || (!t.prefectures.length && !t.provinces.length)) continue;
      for (const c of t.prefectures) clues.prefectures.set(c, (clues.prefectures.get(c) ?? 0) + 10);
      for (const c of t.provinces) clues.provinces.set(c, (clues.provinces.get(c) ?? 0) + 10);
      taken = len;
    }
    if (!taken) break;
    rest = rest.slice(taken);
  }
  return { rest, clues };
}

function agrees(u: Unit, clues: Clues): boolean {
  if (clues.provinces.size && !clues.provinces.has(u.provinceCode)) return false;
  if (clues.prefectures.size && !clues.prefectures.has(u.prefectureCode)) return false;
  return true;
}

export function mergeClues(a: Clues, b: Clues): Clues {
  const out = emptyClues();
  for (const src of [a, b]) {
    for (const [k, v] of src.prefectures) out.prefectures.set(k, (out.prefectures.get(k) ?? 0) + v);
    for (const [k, v] of src.provinces) out.provinces.set(k, (out.provinces.get(k) ?? 0) + v);
  }
  return out;
}
