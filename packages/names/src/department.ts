/**
 * Department strings (新平县机关事务服务中心, 部门：上海市虹口区教育体育局, 县政府办公室) split
 * into the region spelling and the unit, the unit normalised, and the canonical full name.
 */
import { prefectureDivision, provinceDivision, type Division, type Unit } from './gazetteer.js';
import { normalizeName, simplify } from './normalize.js';
import { regionIndex } from './region-index.js';
import { emptyClues, mergeClues, pick, resolveRegionName, type Clues, type NameResolution } from './resolve-name.js';

export interface DepartmentParts {
  raw: string;
  /** The region as spelled in the string, '' when it names none. */
  regionRaw: string;
  region: NameResolution | null;
  /** The region part named only a prefecture or province (not a county-level department). */
  aboveCounty: boolean;
  /** The prefecture or province the region part names (江苏省, 广州市), when it names no county. */
  above: Division | null;
  /** Normalised unit name (人民政府办公室, 财政局). */
  unit: string;
  /** A party or league body (中共新平县委办公室, 共青团新平县委员会): its full name starts with this. */
  prefix: string;
}

/** Last characters of an organisation's name. */
export const ORG_END =
  /(办公室|中心|委员会|局|委|院|所|站|队|馆|办|厅|处|会|社|团|部|校|学|园|场|台|署|室|组|行|府|协|厂|宫|库|联)$/;

/** Words ending in 区/县/市 that are not places: a near miss of a region name must not be one of them. */
const NOT_A_PLACE =
  /(开发区|新区|园区|景区|社区|街区|市区|县区|辖区|片区|郊区|保护区|示范区|试验区|高新区|管理区|风景区|自贸区|功能区|城区|市县|县市|省市)$/;

const BOUNDARY = new Set(['县', '区', '旗', '市', '州']);

export function splitDepartment(raw: string, clues: Clues = emptyClues(), prefer: Unit | null = null): DepartmentParts {
  const cleaned = normalizeName(raw).replace(/^(关于|对)/, '');
  const lead = /^(中共|中国共产党|共青团|中国共产主义青年团)/.exec(cleaned)?.[1] ?? '';
  // The lead is kept as printed: 中国共产党广州市委员会 is as official as 中共广州市委.
  const prefix = lead;
  const written = cleaned.slice(lead.length);
  let parts = splitNormalized(raw, written, clues, prefer);
  if (!parts.regionRaw) {
    // Traditional spelling that ingest did not convert: try once more simplified.
    const simplified = simplify(written);
    if (simplified !== written) parts = splitNormalized(raw, simplified, clues, prefer);
  }
  return { ...parts, prefix };
}

function splitNormalized(raw: string, s: string, clues: Clues, prefer: Unit | null): DepartmentParts {
  const idx = regionIndex();
  let pos = 0;
  let context = clues;
  const named = emptyClues();
  const terms: { prefectures: string[]; provinces: string[] }[] = [];
  for (;;) {
    let found = false;
    // A unit name follows the place (2+ characters), or 委 alone for a party committee (普陀区委).
    const rest = s.endsWith('委') ? 1 : 2;
    for (let len = Math.min(idx.maxTermLength, s.length - pos - rest); len >= 2; len--) {
      const text = s.slice(pos, pos + len);
      const term = idx.terms.get(text);
      if (!term) continue;
      if (term.units.length) {
        const local = mergeClues(context, named);
        const picked = pick(
          term.units.map((h) => h.unit),
          local,
          prefer,
        );
        const resolution = resolveRegionName(s.slice(0, pos + len), { clues: context, prefer });
        const region =
          picked.unit && !resolution.unit
            ? { ...resolution, unit: picked.unit, ambiguous: false, confidence: 0.95 }
            : resolution;
        return {
          raw,
          regionRaw: s.slice(0, pos + len),
          region,
          aboveCounty: false,
          above: null,
          unit: normalizeUnit(s.slice(pos + len)),
          prefix: '',
        };
      }
      terms.push(term);
      for (const c of term.prefectures) named.prefectures.set(c, 10);
      for (const c of term.provinces) named.provinces.set(c, 10);
      pos += len;
      found = true;
      break;
    }
    if (!found) break;
  }
  context = mergeClues(context, named);
  // The bare stem of the county the rest of the document names (新平财政局).
  if (prefer && s.startsWith(prefer.stem, pos) && s.length - pos - prefer.stem.length >= 2) {
    const regionRaw = s.slice(0, pos + prefer.stem.length);
    const region = resolveRegionName(regionRaw, { clues: context, prefer });
    if (region.unit === prefer)
      return {
        raw,
        regionRaw,
        region,
        aboveCounty: false,
        above: null,
        unit: normalizeUnit(s.slice(regionRaw.length)),
        prefix: '',
      };
  }
  const near = nearMissRegion(s, pos, context, prefer);
  if (near) return near.withRaw(raw);
  const above = pos > 0 ? deepestDivision(terms, clues) : null;
  return {
    raw,
    regionRaw: s.slice(0, pos),
    region: null,
    aboveCounty: pos > 0,
    above,
    unit: normalizeUnit(s.slice(pos)),
    prefix: '',
  };
}

/**
 * The lowest government the leading place names spell out (广东省广州市 → 广州市). A bare stem
 * that is both a province and a prefecture (吉林, 海南) is read as the province; prefectures that
 * stay several are told apart by the clues, else the province they share speaks.
 */
function deepestDivision(terms: { prefectures: string[]; provinces: string[] }[], clues: Clues): Division | null {
  const provinces = new Set(terms.flatMap((t) => t.provinces));
  let prefectures = [...new Set(terms.filter((t) => !t.provinces.length).flatMap((t) => t.prefectures))];
  if (provinces.size) prefectures = prefectures.filter((p) => provinces.has(p.slice(0, 2)));
  if (prefectures.length > 1) {
    const score = (p: string) => (clues.prefectures.get(p) ?? 0) * 2 + (clues.provinces.get(p.slice(0, 2)) ?? 0);
    const ranked = prefectures.slice().sort((a, b) => score(b) - score(a));
    if (score(ranked[0]) > score(ranked[1])) prefectures = [ranked[0]];
  }
  if (prefectures.length === 1) return prefectureDivision(prefectures[0]);
  const shared = new Set(prefectures.map((p) => p.slice(0, 2)));
  const province =
    provinces.size === 1 ? [...provinces][0] : !provinces.size && shared.size === 1 ? [...shared][0] : null;
  return province ? provinceDivision(province) : null;
}

/** The region part is misspelled: try each place-type character as its end. */
function nearMissRegion(s: string, pos: number, clues: Clues, prefer: Unit | null) {
  for (let j = pos + 1; j < Math.min(s.length - 2, pos + 16); j++) {
    if (!BOUNDARY.has(s[j])) continue;
    const regionRaw = s.slice(pos, j + 1);
    const rest = s.slice(j + 1);
    // 区城市管理局, 县市场监督管理局: a leading type word is the region spoken of generically.
    if (NOT_A_PLACE.test(regionRaw) || /^[县区市旗]/.test(regionRaw) || !ORG_END.test(rest)) continue;
    const region = resolveRegionName(regionRaw, { clues, prefer });
    if (!region.unit && !region.ambiguous && !looksLikeRegion(regionRaw)) continue;
    return {
      withRaw: (raw: string): DepartmentParts => ({
        raw,
        regionRaw,
        region,
        aboveCounty: false,
        above: null,
        unit: normalizeUnit(rest),
        prefix: '',
      }),
    };
  }
  return null;
}

/** An unknown spelling that is still plainly meant as a county (大县司法局): report it, don't drop it. */
function looksLikeRegion(text: string): boolean {
  return text.length <= 10 && /(县|自治县|旗|区)$/.test(text);
}

/**
 * 县政府办公室 / 政府办 / 县府办 → 人民政府办公室; a leading 县/区/旗 (县财政局) is the region
 * spoken of generically and dropped. 市 is dropped only before 政府/人民政府 (市场监督管理局 keeps it).
 */
export function normalizeUnit(text: string): string {
  let u = simplify(normalizeName(text))
    .replace(/[（(][^)）]*[)）]$/, '')
    .replace(/本级$/, '');
  u = u.replace(/^(县|区|旗)(?!委|域|级)/, '').replace(/^市(?=(人民)?政府)/, '');
  if (/^(人民)?政府办(公室)?$|^府办$/.test(u)) return '人民政府办公室';
  return u;
}

/** The region's full name as a department name starts with it: districts carry their city. */
export function regionFullName(unit: Unit): string {
  if (unit.type === 'district' && unit.prefecture && !unit.name.startsWith(unit.prefecture))
    return unit.prefecture + unit.name;
  return unit.name;
}

export function canonicalDepartment(unit: Unit | Division | null, unitName: string, prefix = ''): string {
  if (!unit) return prefix + unitName;
  return prefix + ('level' in unit ? unit.name : regionFullName(unit)) + unitName;
}
