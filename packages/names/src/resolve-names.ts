/** A document's identity: its kind, fiscal year, title, region and department. */
import type { Diagnostic, DocumentKind, DocumentModel, DocumentRecord, StageResult, TableRecord } from '@govdocs/core';
import { documentKind, fileNameFacts, fiscalYear, type WeightedLine } from './document-facts.js';
import { collectEvidence, type Line } from './evidence.js';
import { resolveIdentity } from './identity.js';
import { documentTitle } from './title.js';

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

export function resolveNames(input: NamesInput): StageResult<DocumentIdentity> {
  const evidence = collectEvidence(input.doc, input.tables);
  const lines: WeightedLine[] = evidence.lines.map(asWeighted);
  // The cover read as one line speaks first for the kind and the year (2026年 / 广州市信访局部门预算).
  // A web page's own title stays first: its opening lines may be the site's menu.
  if (evidence.cover) lines.splice(lines.findIndex((_line, i) => evidence.lines[i].role !== 'title'), 0, { text: evidence.cover, weight: 3, headline: true });
  const identity = resolveIdentity(evidence, input.doc.source.path);
  const diagnostics: Diagnostic[] = identity.diagnostics;
  const fromName = fileNameFacts(input.doc.source.path);
  const kind = documentKind(lines);
  return {
    value: {
      kind: kind === 'unknown' ? fromName.kind : kind,
      fiscalYear: fiscalYear(lines) ?? fromName.year,
      title: documentTitle(input.doc, evidence.lines),
      region: identity.region,
      department: identity.department,
    },
    diagnostics,
  };
}

function asWeighted(line: Line): WeightedLine {
  const weight = line.role === 'title' ? 5 : line.role === 'headline' || line.role === 'table-title' ? 3 : line.role === 'file-title' ? 2 : line.role === 'site' ? 0 : 1;
  return { text: line.text, weight, headline: line.role === 'title' || line.role === 'headline' };
}
