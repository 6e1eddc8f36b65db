/**
 * Classification codes as printed: known to the national list, named by their national name, and
 * listed under their parent when the table prints parents.
 */
import { Reporter, type Diagnostic, type DocumentRecord, type Spot } from '@govdocs/core';
import { childCodes, isKnownCode, matchName, nationalName, normalizeName, standardLineName, type Scheme } from './classification.js';
import { codeOf, codeRows, rowCells, type RowInfo, type TableModel } from './model.js';
import { tableName } from './equations.js';

const FIRST_WELL_KNOWN_YEAR = 2019;

/** Tables whose class lines are named, not coded: the code there was derived from the name. */
const NAMED_LINES = new Set(['summary', 'appropriation_summary']);

export function codeDiagnostics(document: DocumentRecord, models: TableModel[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const year = document.fiscalYear;
  const printedCodes = codesByName(models);
  const reporter = new Reporter('validate', document.source.path);
  for (const model of models) {
    if (NAMED_LINES.has(model.table.kind)) continue;
    for (const scheme of ['function', 'economic'] as const) {
      // A code printed on several lines of one table is checked once.
      const rows = codeRows(model, scheme).filter((r) => !r.key.includes('@'));
      const present = new Set(rows.map(codeOf));
      const lengths = new Set(rows.map((r) => codeOf(r).length));
      for (const row of rows) {
        const finding = nameFinding(scheme, row, year, printedCodes) ?? hierarchyFinding(scheme, codeOf(row), present, lengths);
        if (finding) out.push(reporter.report(finding.rule, `${tableName(model.table)}: ${finding.message}`, codeSpot(model, row),
          { severity: finding.severity, tableId: model.table.id, expected: finding.expected, actual: finding.actual }));
      }
    }
  }
  return out;
}

type Finding = Pick<Diagnostic, 'rule' | 'severity' | 'message' | 'expected' | 'actual'>;

function nameFinding(scheme: Scheme, row: RowInfo, year: number | null, printedCodes: Map<string, Map<string, number>>): Finding | undefined {
  const code = codeOf(row);
  const printed = printedName(row);
  const kind = scheme === 'function' ? '支出功能分类' : '支出经济分类';
  if (isKnownCode(scheme, code)) {
    if (!printed) return undefined;
    const match = matchName(scheme, code, printed, year);
    const national = nationalName(scheme, code, year)!;
    if (match === 'current' || match === 'alias') return undefined;
    if (match === 'outdated') {
      return { rule: 'code.outdated', severity: 'info', expected: national, actual: printed,
        message: `${code} is printed as ${printed}, its national name in other years; for ${year ?? 'the current year'} the name is ${national}.` };
    }
    const meant = codeNamed(scheme, code, printed, printedCodes);
    if (meant) {
      return { rule: 'code.name', severity: 'warning', expected: meant, actual: code,
        message: `${code} is printed as ${printed}, but its national name is ${national}; ${printed} is ${meant}, so the code looks misprinted.` };
    }
    // Before the 2019 lists (the 2018 reform renamed many lines) govdocs' list is thin: a name it
    // does not know for those years is only noted, unless the name belongs to a sibling code.
    const severity = year === null || year >= FIRST_WELL_KNOWN_YEAR ? 'warning' : 'info';
    return { rule: 'code.name', severity, expected: national, actual: printed,
      message: `${code} is printed as ${printed}, but its national name is ${national}.` };
  }
  const meant = printed ? codeNamed(scheme, code, printed, printedCodes) : undefined;
  if (meant) {
    return { rule: 'code.name', severity: 'warning', expected: meant, actual: code,
      message: `${code} ${printed} is not a national ${kind} code; ${printed} is ${meant}, so the code looks misprinted.` };
  }
  // A line every 款 has (行政运行, 事业运行, 其他…支出) under a listed 款 is national, listed or not.
  const standard = standardLineName(scheme, code, year);
  if (standard && (!printed || sameName(standard, printed))) return undefined;
  return { rule: 'code.unknown', severity: 'info', expected: null, actual: code,
    message: `${code}${printed ? ` ${printed}` : ''} is not in govdocs' list of national ${kind} codes (it may be a newer or local line).` };
}

function sameName(national: string, printed: string): boolean {
  const n = normalizeName(national);
  const p = normalizeName(printed);
  return n === p || (p.length >= 4 && n.startsWith(p)) || (n.length >= 4 && p.startsWith(n));
}

/** The code a name belongs to under the same parent: from the national list, else elsewhere in the document. */
function codeNamed(scheme: Scheme, code: string, printed: string, printedCodes: Map<string, Map<string, number>>): string | undefined {
  const parent = code.slice(0, -2);
  if (code.length <= 3) return undefined;
  const wanted = normalizeName(printed);
  const national = childCodes(scheme, parent).find((c) => c !== code && normalizedNational(scheme, c) === wanted);
  if (national) return national;
  // The document itself: the same name printed with another code elsewhere. That code is taken as
  // meant when it is national or printed in more tables than this one (else the pair is a tie).
  const seen = printedCodes.get(`${scheme}:${parent}:${wanted}`) ?? new Map<string, number>();
  for (const [other, tables] of seen) {
    if (other === code) continue;
    if (isKnownCode(scheme, other) || tables > (seen.get(code) ?? 0)) return other;
  }
  return undefined;
}

const normalizedNames = new Map<string, string>();

function normalizedNational(scheme: Scheme, code: string): string {
  const key = `${scheme}:${code}`;
  let name = normalizedNames.get(key);
  if (name === undefined) {
    name = normalizeName(nationalName(scheme, code) ?? '');
    normalizedNames.set(key, name);
  }
  return name;
}

/** Scheme, parent code and printed name → the codes printed so in the document → in how many tables. */
function codesByName(models: TableModel[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const model of models) {
    for (const scheme of ['function', 'economic'] as const) {
      for (const row of codeRows(model, scheme)) {
        const name = printedName(row);
        if (!name) continue;
        const key = `${scheme}:${codeOf(row).slice(0, -2)}:${normalizeName(name)}`;
        const counts = out.get(key) ?? new Map<string, number>();
        counts.set(codeOf(row), (counts.get(codeOf(row)) ?? 0) + 1);
        out.set(key, counts);
      }
    }
  }
  return out;
}

function hierarchyFinding(scheme: Scheme, code: string, present: Set<string>, lengths: Set<number>): Finding | undefined {
  if (code.length <= 3) return undefined;
  const parent = code.slice(0, -2);
  if (!lengths.has(parent.length) || present.has(parent)) return undefined;
  const level = parent.length === 3 ? '类' : '款';
  return { rule: 'code.hierarchy', severity: 'warning', expected: parent, actual: code,
    message: `${code} is listed without its ${level} ${parent}${nationalName(scheme, parent) ? ` ${nationalName(scheme, parent)}` : ''}, though the table lists other ${level} rows.` };
}

/** The printed row label without a leading code (“2010350 事业运行” → “事业运行”). */
function printedName(row: RowInfo): string | null {
  const text = (row.printed ?? '').normalize('NFKC').replace(/^[\d\s]+/, '').trim();
  return text === '' ? null : text;
}

function codeSpot(model: TableModel, row: RowInfo): Spot {
  const place: Spot = { row: row.row };
  const inRow = rowCells(model.table, row.row);
  const code = codeOf(row);
  // Side-by-side panels put several codes on one grid row: point at this code's own cell.
  const cell = inRow.find((c) => c.text.replace(/\s/g, '').startsWith(code)) ?? inRow[0];
  if (cell) {
    place.col = cell.c;
    if (cell.page !== undefined) place.page = cell.page;
    if (cell.line !== undefined) place.line = cell.line;
    if (cell.sheet !== undefined) place.sheet = cell.sheet;
    if (cell.ref !== undefined) place.ref = cell.ref;
  }
  return place;
}
