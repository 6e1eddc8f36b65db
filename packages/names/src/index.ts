/**
 * @govdocs/names: who published a document and about which year: region (GB/T 2260 code and
 * official name), department (official full name), fiscal year, document kind and title.
 */
import type { Diagnostic, DocumentKind, DocumentModel, DocumentRecord, StageResult, TableRecord } from '@govdocs/core';
import { documentKind, fiscalYear, type WeightedLine } from './document-facts.js';
import { collectEvidence, isPage, type Line } from './evidence.js';
import { resolveIdentity } from './identity.js';

export { documentKind, fiscalYear, type WeightedLine } from './document-facts.js';
export { resolveRegionName, type NameResolution, type Clues, type ResolveOptions } from './resolve-name.js';
export { splitDepartment, normalizeUnit, regionFullName, canonicalDepartment } from './department.js';
export { gazetteer, unitOfCode, type Unit, type Gazetteer, type Division } from './gazetteer.js';
export { normalizeName } from './normalize.js';

export interface NamesInput {
  doc: DocumentModel;
  tables: TableRecord[];
}

export interface DocumentIdentity {
  kind: DocumentKind;
  fiscalYear: number | null;
  title: string | null;
  region: DocumentRecord['region'];
  department: DocumentRecord['department'];
}

/** The text lines that speak of the document as a whole, in reading order. */
export function documentTexts({ doc, tables }: NamesInput): string[] {
  const lines: string[] = [];
  if (doc.clues.title) lines.push(doc.clues.title);
  for (const b of doc.blocks) if (b.type === 'text' && b.text.trim()) lines.push(b.text.trim());
  for (const t of tables) if (t.title) lines.push(t.title);
  return lines;
}

export function resolveNames(input: NamesInput): StageResult<DocumentIdentity> {
  const evidence = collectEvidence(input.doc, input.tables);
  const lines: WeightedLine[] = evidence.lines.map(asWeighted);
  // The cover read as one line speaks first for the kind and the year (2026年 / 广州市信访局部门预算).
  // A web page's own title stays first: its opening lines may be the site's menu.
  if (evidence.cover) lines.splice(lines.findIndex((l, i) => evidence.lines[i].role !== 'title'), 0, { text: evidence.cover, weight: 3, headline: true });
  const identity = resolveIdentity(evidence, input.doc.source.path);
  const diagnostics: Diagnostic[] = identity.diagnostics;
  const fromName = fileNameFacts(input.doc.source.path);
  const kind = documentKind(lines);
  return {
    value: {
      kind: kind === 'unknown' ? fromName.kind : kind,
      fiscalYear: fiscalYear(lines) ?? fromName.year,
      title: documentTitle(input, evidence.lines),
      region: identity.region,
      department: identity.department,
    },
    diagnostics,
  };
}

/**
 * The file's own name (新平县财政局2023年部门决算.xlsx, lintan-agriculture-2023-final-account.txt)
 * is the last resort when the content never says the year or kind: spreadsheets often don't.
 * Only a year standing next to a report word counts, so dates in names are not taken.
 */
export function fileNameFacts(path: string): { year: number | null; kind: DocumentKind } {
  let name = path.split(/[\\/]/).pop() ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the name as it is
  }
  name = name.replace(/\.[a-z0-9]+$/i, '').normalize('NFKC');
  const report = /决算|预算|绩效|final|account|budget|performance/i;
  const year = report.test(name) ? /(?:^|[^0-9])(20\d{2})(?:年度?)?(?=[^0-9]|$)/.exec(name) : null;
  const kind: DocumentKind = /绩效|performance/i.test(name) ? 'performance'
    : /决算|final/i.test(name) ? 'final_account' : /预算|budget/i.test(name) ? 'budget' : 'unknown';
  return { year: year ? Number(year[1]) : null, kind };
}

function asWeighted(line: Line): WeightedLine {
  const weight = line.role === 'title' ? 5 : line.role === 'headline' || line.role === 'table-title' ? 3 : line.role === 'file-title' ? 2 : line.role === 'site' ? 0 : 1;
  return { text: line.text, weight, headline: line.role === 'title' || line.role === 'headline' };
}

const REPORT = /决算|预算|绩效|公开/;
const YEAR = /(19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}\s*年/;

/**
 * The page title; else a heading naming a year's report (2023年度部门决算情况说明), first among
 * the opening lines, then among short lines further down; else a heading naming a report; else
 * the first short line.
 */
function documentTitle({ doc }: NamesInput, lines: Line[]): string | null {
  if (doc.clues.title && isPage(doc)) return doc.clues.title.trim();
  const clean = (l: Line) => l.text.replace(/^#+\s*/, '').trim();
  const headlines = lines.filter((l) => l.role === 'headline').map(clean);
  const short = lines.filter((l) => l.role === 'body').map(clean).filter((t) => t.length <= 40 && !/[，。；：:]/.test(t));
  const yearReport = (t: string) => t.length <= 60 && YEAR.test(t) && REPORT.test(t);
  return headlines.find(yearReport) ?? short.find(yearReport)
    ?? headlines.find((t) => t.length <= 60 && REPORT.test(t)) ?? doc.clues.title?.trim()
    ?? headlines.find((t) => t.length >= 4 && t.length <= 60) ?? null;
}
