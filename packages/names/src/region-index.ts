/**
 * Lookup structures over the gazetteer, built once: exact spellings (full names, short forms,
 * historical names), bare place stems, prefecture and province aliases, and a character index
 * for near-miss (misspelling) candidates.
 */
import { gazetteer, type Gazetteer, type Unit } from './gazetteer.js';

export type Form = 'full' | 'short' | 'rename';

export interface UnitHit {
  unit: Unit;
  form: Form;
}

/** What a scanned term stands for: units, prefecture codes (4 digits) and province codes (2). */
export interface Term {
  units: UnitHit[];
  prefectures: string[];
  provinces: string[];
}

export interface RegionIndex {
  gaz: Gazetteer;
  /** Full names, short forms (新平县), historical names: spelling → units. */
  exact: Map<string, UnitHit[]>;
  /** Bare stems (新平, 浏阳) → units; only for names already known to be a place. */
  stems: Map<string, Unit[]>;
  /** Every scannable term: units by full/short/old name, prefectures and provinces by any alias. */
  terms: Map<string, Term>;
  maxTermLength: number;
  /** Spellings compared for misspellings: full names and short forms, with their unit. */
  fuzzyForms: { text: string; unit: Unit }[];
  /** Character → indexes into fuzzyForms. */
  fuzzyPostings: Map<string, number[]>;
}

let built: RegionIndex | null = null;

export function regionIndex(): RegionIndex {
  if (!built) built = buildIndex(gazetteer());
  return built;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function term(terms: Map<string, Term>, key: string): Term {
  let t = terms.get(key);
  if (!t) terms.set(key, (t = { units: [], prefectures: [], provinces: [] }));
  return t;
}

function buildIndex(gaz: Gazetteer): RegionIndex {
  const exact = new Map<string, UnitHit[]>();
  const stems = new Map<string, Unit[]>();
  const terms = new Map<string, Term>();
  const fuzzyForms: { text: string; unit: Unit }[] = [];
  const addExact = (text: string, hit: UnitHit) => {
    const list = exact.get(text) ?? [];
    if (!list.some((h) => h.unit.code === hit.unit.code)) list.push(hit);
    exact.set(text, list);
    const t = term(terms, text);
    if (!t.units.some((h) => h.unit.code === hit.unit.code)) t.units.push(hit);
  };
  for (const unit of gaz.units) {
    addExact(unit.name, { unit, form: 'full' });
    fuzzyForms.push({ text: unit.name, unit });
    if (unit.type === 'zone') continue;
    if (unit.short !== unit.name) {
      addExact(unit.short, { unit, form: 'short' });
      fuzzyForms.push({ text: unit.short, unit });
    }
    if (unit.stem.length >= 2 && unit.stem !== unit.name) push(stems, unit.stem, unit);
  }
  for (const r of gaz.renames) {
    const unit = gaz.byCode.get(r.code);
    if (unit && !exact.has(r.old)) addExact(r.old, { unit, form: 'rename' });
  }
  for (const p of gaz.prefectures.values()) for (const a of p.aliases) term(terms, a).prefectures.push(p.code);
  for (const p of gaz.provinces.values()) for (const a of p.aliases) term(terms, a).provinces.push(p.code);
  const fuzzyPostings = new Map<string, number[]>();
  fuzzyForms.forEach((f, i) => {
    // The last character is the type word (县, 区, 市, 旗): every form shares it.
    for (const ch of new Set(f.text.slice(0, -1))) push(fuzzyPostings, ch, i);
  });
  let maxTermLength = 0;
  for (const k of terms.keys()) maxTermLength = Math.max(maxTermLength, k.length);
  return { gaz, exact, stems, terms, maxTermLength, fuzzyForms, fuzzyPostings };
}
