/**
 * @govdocs/names: who published a document and about which year: region (GB/T 2260 code and
 * official name), department (official full name), fiscal year, document kind and title.
 */
import type { Diagnostic, DocumentKind, DocumentModel, DocumentRecord, StageResult, TableRecord } from '@govdocs/core';
import { documentKind, fiscalYear, type WeightedLine } from './document-facts.js';
import { collectEvidence, type Line } from './evidence.js';
import { resolveIdentity } from './identity.js';

export { documentKind, fiscalYear, type WeightedLine } from './document-facts.js';
export { resolveRegionName, type NameResolution, type Clues, type ResolveOptions } from './resolve-name.js';
export { splitDepartment, normalizeUnit, regionFullName, canonicalDepartment } from './department.js';
export { gazetteer, type Unit, type Gazetteer } from './gazetteer.js';
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
  const identity = resolveIdentity(evidence, input.doc.source.path);
  const diagnostics: Diagnostic[] = identity.diagnostics;
  return {
    value: {
      kind: documentKind(lines),
      fiscalYear: fiscalYear(lines),
      title: documentTitle(input, evidence.lines),
      region: identity.region,
      department: identity.department,
    },
    diagnostics,
  };
}

function asWeighted(line: Line): WeightedLine {
  const weight = line.role === 'title' ? 5 : line.role === 'headline' || line.role === 'table-title' ? 3 : line.role === 'site' ? 0 : 1;
  return { text: line.text, weight, headline: line.role === 'title' || line.role === 'headline' };
}

/** The page title, else the first heading that names a report (…决算/预算/绩效…), else the first short line. */
function documentTitle({ doc }: NamesInput, lines: Line[]): string | null {
  if (doc.clues.title) return doc.clues.title.trim();
  const headlines = lines.filter((l) => l.role === 'headline').map((l) => l.text.replace(/^#+\s*/, '').trim());
  return headlines.find((t) => t.length <= 60 && /决算|预算|绩效|公开/.test(t)) ?? headlines.find((t) => t.length >= 4 && t.length <= 60) ?? null;
}
