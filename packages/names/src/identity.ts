/**
 * Which county-level unit and which department published a document: every mention votes
 * (titles, site, headlines, department lines and cells, body text), prefectures and provinces
 * named anywhere break ties between same-named units, misspellings close to the winner are
 * corrected with a `name.region` warning, and a remaining guess is said out loud.
 */
import { Reporter, type Diagnostic, type DocumentRecord, type Place, type Severity } from '@govdocs/core';
import { canonicalDepartment, splitDepartment, type DepartmentParts } from './department.js';
import type { Evidence, Line, Slot } from './evidence.js';
import { isCentral } from './central.js';
import { gazetteer, unitDivision, type Division, type Unit } from './gazetteer.js';
import { provinceOfHost } from './hosts.js';
import { normalizeName } from './normalize.js';
import { emptyClues, pick, type Clues } from './resolve-name.js';
import { scanTerms, type TermMatch } from './scan.js';

interface Vote { unit: Unit; score: number; strong: number; spellings: Map<string, { weight: number; confidence: number }> }

interface ScannedLine { line: Line; matches: TermMatch[] }

export interface Identity {
  region: DocumentRecord['region'];
  department: DocumentRecord['department'];
  diagnostics: Diagnostic[];
}

const ORG_AFTER = /^[\u4e00-\u9fff]{0,12}?(办公室|服务中心|中心|委员会|局|院|所|站|队|馆|厅)/;

export function resolveIdentity(evidence: Evidence, file: string): Identity {
  const scanned = evidence.lines.map((line) => ({ line, matches: scanTerms(line.text) }));
  const clues = collectClues(scanned, evidence.host);
  const votes = new Map<string, Vote>();
  const ambiguous: { units: Unit[]; weight: number; raw: string; place: Place }[] = [];
  const add = (unit: Unit, weight: number, raw: string, confidence: number, strong = true) => {
    let v = votes.get(unit.code);
    if (!v) votes.set(unit.code, (v = { unit, score: 0, strong: 0, spellings: new Map() }));
    v.score += weight;
    if (strong) v.strong += weight;
    const s = v.spellings.get(raw) ?? { weight: 0, confidence };
    s.weight += weight;
    s.confidence = Math.max(s.confidence, confidence);
    v.spellings.set(raw, s);
  };

  for (const { line, matches } of scanned) {
    for (const m of matches) {
      if (!m.term.units.length) continue;
      const picked = pick(m.term.units.map((h) => h.unit), clues, null);
      if (picked.unit) add(picked.unit, line.weight, m.text, picked.factor * (m.term.units[0].form === 'full' ? 1 : 0.98), line.role !== 'body' && line.role !== 'headline');
      else ambiguous.push({ units: picked.candidates, weight: line.weight, raw: m.text, place: line.place });
    }
  }
  let parts = evidence.slots.map((slot) => ({ slot, parts: splitDepartment(slot.raw, clues) }));
  for (const { slot, parts: p } of parts) {
    if (p.region?.unit && !p.region.corrected) add(p.region.unit, slot.weight, p.regionRaw, p.region.confidence);
    else if (p.region?.ambiguous && p.region.candidates.length > 1) ambiguous.push({ units: p.region.candidates, weight: slot.weight, raw: p.regionRaw, place: slot.place });
  }

  const diagnostics: Diagnostic[] = [];
  let winner = topVote(votes);
  // A prefecture's or province's own department (玉溪市财政局) whose text mentions counties in
  // passing is not a county document.
  const aboveCounty = parts.some(({ parts: p }) => p.aboveCounty);
  const prefectureDocument = aboveCounty && (!winner || winner.strong === 0);
  if (prefectureDocument) {
    votes.clear();
    winner = null;
    ambiguous.length = 0;
  }
  let guessed: { raw: string; candidates: Unit[] } | null = null;
  if (!winner && !prefectureDocument) {
    // No exact spelling: corrected spellings may still agree on one unit.
    for (const { slot, parts: p } of parts) if (p.region?.unit) add(p.region.unit, slot.weight, p.regionRaw, p.region.confidence);
    winner = topVote(votes);
  }
  // Same-named mentions that outweigh the winner and never name it: the winner is incidental
  // (a neighbour named in the text), the document's own county is among the same-named ones.
  const ambiguousWeight = ambiguous.reduce((sum, a) => sum + a.weight, 0);
  if (winner && ambiguousWeight > winner.score && !ambiguous.some((a) => a.units.includes(winner!.unit))) {
    votes.clear();
    winner = null;
  }
  if (!winner && ambiguous.length) {
    const guess = guessAmong(ambiguous, clues);
    add(guess.unit, 1, guess.raw, 1 / guess.candidates.length);
    winner = votes.get(guess.unit.code)!;
    guessed = guess;
    diagnostics.push(regionIssue(file, ambiguous[0],
      `region "${guess.raw}" could be ${guess.candidates.map(describe).join(' or ')}; nothing in the document tells which, so ${describe(guess.unit)} is a guess. Check the source and its site.`,
      guess.raw, guess.unit.code));
  }
  if (winner) parts = parts.map(({ slot, parts: p }) => ({ slot, parts: p.region?.unit === winner!.unit || p.aboveCounty ? p : splitDepartment(slot.raw, clues, winner!.unit) }));
  diagnostics.push(...corrections(parts, winner?.unit ?? null, file));
  const above = winner ? null : aboveCountyVote(parts);
  if (!winner && !above) diagnostics.push(...unresolved(parts, file));

  const region = winner ? regionRecord(winner, votes, guessed) : above ? aboveRecord(above) : null;
  const seat = winner ? winner.unit : above?.division ?? null;
  const department = departmentRecord(parts, scanned, seat);
  if (!region && !diagnostics.length && !(department && isCentral(department.name))) diagnostics.push(noRegion(file, department));
  return { region, department, diagnostics };
}

interface AboveVote { division: Division; weight: number; total: number; raw: string }

/**
 * A prefecture's or province's own department (广州市信访局, 江苏省人民检察院, 北京市公安局朝阳分局):
 * the government its department lines name most. It is taken only when those lines outweigh the
 * lines that name a county nobody could tell, so an unknown county is reported, not replaced.
 */
function aboveCountyVote(parts: { slot: Slot; parts: DepartmentParts }[]): AboveVote | null {
  const tally = new Map<string, AboveVote>();
  let total = 0;
  let unknownCounty = 0;
  for (const { slot, parts: p } of parts) {
    if (p.regionRaw && !p.aboveCounty && !p.region?.unit) unknownCounty += slot.weight;
    if (!p.above) continue;
    total += slot.weight;
    const t = tally.get(p.above.code) ?? { division: p.above, weight: 0, total: 0, raw: p.regionRaw };
    t.weight += slot.weight;
    tally.set(p.above.code, t);
  }
  const best = [...tally.values()].sort((a, b) => b.weight - a.weight || a.division.code.localeCompare(b.division.code))[0];
  if (!best || best.weight <= unknownCounty) return null;
  return { ...best, total };
}

function aboveRecord(v: AboveVote): DocumentRecord['region'] {
  const d = v.division;
  const confidence = 0.95 * (0.7 + 0.3 * (v.weight / v.total));
  return { code: d.code, name: d.name, level: d.level, province: d.province, prefecture: d.prefecture, raw: v.raw, confidence: Math.round(confidence * 100) / 100 };
}

function noRegion(file: string, department: DocumentRecord['department']): Diagnostic {
  const what = department ? `the department "${department.name}" names no region the gazetteer knows` : 'no department or region is named in its titles or department lines';
  return new Reporter('names', file).report('name.region',
    `could not tell which government published this document: ${what}; region left empty. Add the region's site or a title that names it to the input.`,
    {}, { actual: department?.name ?? null, expected: null });
}

function collectClues(scanned: ScannedLine[], host: string | null): Clues {
  const clues = emptyClues();
  for (const { line, matches } of scanned) {
    for (const m of matches) {
      // A bare stem (乐山, 云南) is weaker evidence than a full name (乐山市, 云南省).
      const w = line.weight * (m.text.length > 2 || /[市州省盟]$/.test(m.text) ? 1 : 0.5);
      for (const c of m.term.prefectures) clues.prefectures.set(c, (clues.prefectures.get(c) ?? 0) + w);
      for (const c of m.term.provinces) clues.provinces.set(c, (clues.provinces.get(c) ?? 0) + w);
    }
  }
  // A county named unambiguously points at its prefecture, which may tell same-named ones apart.
  for (const { line, matches } of scanned) {
    for (const m of matches) {
      if (m.term.units.length !== 1) continue;
      const u = m.term.units[0].unit;
      clues.prefectures.set(u.prefectureCode, (clues.prefectures.get(u.prefectureCode) ?? 0) + line.weight * 0.5);
      clues.provinces.set(u.provinceCode, (clues.provinces.get(u.provinceCode) ?? 0) + line.weight * 0.25);
    }
  }
  const province = host ? provinceOfHost(host) : null;
  if (province) clues.provinces.set(province, (clues.provinces.get(province) ?? 0) + 3);
  return clues;
}

function topVote(votes: Map<string, Vote>): Vote | null {
  let best: Vote | null = null;
  for (const v of votes.values()) if (!best || v.score > best.score || (v.score === best.score && v.unit.code < best.unit.code)) best = v;
  return best;
}

/** Every candidate of every ambiguous mention, weighed; ties go to the clues, then the lowest code. */
function guessAmong(list: { units: Unit[]; weight: number; raw: string }[], clues: Clues) {
  const weights = new Map<string, { unit: Unit; w: number }>();
  for (const a of list) for (const u of a.units) {
    const e = weights.get(u.code) ?? { unit: u, w: 0 };
    e.w += a.weight + 2 * (clues.prefectures.get(u.prefectureCode) ?? 0) + (clues.provinces.get(u.provinceCode) ?? 0);
    weights.set(u.code, e);
  }
  const ranked = [...weights.values()].sort((a, b) => b.w - a.w || a.unit.code.localeCompare(b.unit.code));
  const top = list.slice().sort((a, b) => b.weight - a.weight)[0];
  return { unit: ranked[0].unit, raw: top.raw, candidates: top.units };
}

function describe(u: Unit): string {
  return `${u.province}${u.prefecture && u.prefecture !== u.province ? u.prefecture : ''}${u.name} (${u.code})`;
}

/** One warning per distinct misspelling that was taken as the document's region. */
function corrections(parts: { slot: Slot; parts: DepartmentParts }[], winner: Unit | null, file: string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { slot, parts: p } of parts) {
    if (!winner || p.region?.unit !== winner || !p.region.corrected || seen.has(p.regionRaw)) continue;
    seen.add(p.regionRaw);
    if (p.region.match === 'renamed') {
      out.push(regionIssue(file, slot,
        `read region "${p.regionRaw}" as "${winner.name}" (${winner.code}) in "${slot.raw}": the same place under its type word before a 撤县设市/区 change, or a slip.`,
        p.regionRaw, winner.name, 'info'));
      continue;
    }
    out.push(regionIssue(file, slot,
      `corrected region "${p.regionRaw}" to "${winner.name}" (${winner.code}) in "${slot.raw}"; the source misspells it.`,
      p.regionRaw, winner.name));
  }
  return out;
}

function unresolved(parts: { slot: Slot; parts: DepartmentParts }[], file: string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { slot, parts: p } of parts) {
    if (!p.regionRaw || p.aboveCounty || p.region?.unit || seen.has(p.regionRaw)) continue;
    seen.add(p.regionRaw);
    const candidates = p.region?.candidates.length ? p.region.candidates : sameEnds(p.regionRaw);
    const shown = candidates.slice(0, 5).map(describe).join(', ') + (candidates.length > 5 ? ` and ${candidates.length - 5} more` : '');
    out.push(regionIssue(file, slot,
      `could not tell which county "${p.regionRaw}" (in "${slot.raw}") is${candidates.length ? `; it could be ${shown}` : ''}; region left empty. Add the county's site or prefecture to the input.`,
      p.regionRaw, null));
  }
  return out;
}

/** For the message only: units whose name starts and ends like the unknown spelling (大县 → 大通…县). */
function sameEnds(raw: string): Unit[] {
  if (raw.length < 2) return [];
  return gazetteer().units.filter((u) => u.type !== 'zone' && u.short.length > raw.length && u.short.startsWith(raw[0]) && u.short.endsWith(raw[raw.length - 1]));
}

function regionIssue(file: string, at: { place: Place; tableId?: string }, message: string, actual: string, expected: string | null, severity: Severity = 'warning'): Diagnostic {
  return new Reporter('names', file).report('name.region', message, at.place, { severity, actual, expected, ...(at.tableId && { tableId: at.tableId }) });
}

function regionRecord(winner: Vote, votes: Map<string, Vote>, guessed: { candidates: Unit[] } | null): DocumentRecord['region'] {
  const spellings = [...winner.spellings.entries()].sort((a, b) => b[1].weight - a[1].weight);
  const [raw, best] = spellings[0];
  const others = [...votes.values()].filter((v) => v !== winner).reduce((s, v) => s + v.score, 0);
  const margin = winner.score / (winner.score + others);
  const confidence = guessed ? 1 / guessed.candidates.length : best.confidence * (0.7 + 0.3 * margin);
  const d = unitDivision(winner.unit);
  return { code: d.code, name: d.name, level: d.level, province: d.province, prefecture: d.prefecture, raw, confidence: Math.round(confidence * 100) / 100 };
}

/** The unit named most (by weight) in slots of the winning region or of no region; free text counts little. */
function departmentRecord(parts: { slot: Slot; parts: DepartmentParts }[], scanned: ScannedLine[], seat: Unit | Division | null): DocumentRecord['department'] {
  const region = seat && !('level' in seat) ? seat : null;
  const division = seat && 'level' in seat ? seat : null;
  const tally = new Map<string, { weight: number; raws: string[]; prefix: string; unit: string }>();
  const add = (unit: string, weight: number, raw: string, prefix = '') => {
    if (unit.length < 2) return;
    const key = prefix + unit;
    const t = tally.get(key) ?? { weight: 0, raws: [], prefix, unit };
    t.weight += weight;
    if (!t.raws.includes(raw)) t.raws.push(raw);
    tally.set(key, t);
  };
  for (const { slot, parts: p } of parts) {
    if (p.aboveCounty && (!division || p.above?.code !== division.code)) continue;
    if (p.region?.unit && p.region.unit !== region) continue;
    add(p.unit, slot.weight * (p.regionRaw ? 1 : 0.8), slot.raw.trim(), p.prefix);
  }
  if (region) {
    for (const { line, matches } of scanned) {
      for (const m of matches) {
        if (!m.term.units.some((h) => h.unit === region)) continue;
        const org = ORG_AFTER.exec(line.text.slice(m.end));
        if (org) add(splitDepartment(m.text + org[0]).unit, line.role === 'body' ? 0.5 : 1, m.text + org[0]);
      }
    }
  }
  const best = [...tally.entries()].sort((a, b) => b[1].weight - a[1].weight)[0];
  if (!best) return null;
  // Without a region the printed spelling is kept whole: dropping an unknown region would lose it.
  const name = seat ? canonicalDepartment(seat, best[1].unit, best[1].prefix) : normalizeName(best[1].raws[0]);
  return { name, raw: best[1].raws };
}
