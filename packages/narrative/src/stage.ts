/**
 * The narrative stage: the document's prose → statements, each checked against the table cell
 * that holds the same figure (narrative.mismatch, narrative.change); and the tables its kind
 * requires (document.missing_table).
 */
import type {
  Diagnostic,
  DocumentModel,
  DocumentRecord,
  FactRecord,
  StageResult,
  StatementRecord,
  TableRecord,
} from '@govdocs/core';
import { documentParagraphs } from './text.js';
import { toSentences } from './sentences.js';
import { extractDrafts } from './extract.js';
import { resolveFunction, rowNames } from './subjects.js';
import { toRecord } from './statements.js';
import { checkStatement } from './check.js';
import { missingTables } from './required.js';

export interface NarrativeInput {
  doc: DocumentModel;
  document: DocumentRecord;
  tables: TableRecord[];
  facts: FactRecord[];
}

export function readNarrative(input: NarrativeInput): StageResult<StatementRecord[]> {
  const { doc, document, facts } = input;
  const tables = new Map(input.tables.map((t) => [t.id, t]));
  const sentences = toSentences(documentParagraphs(doc));
  const drafts = extractDrafts(sentences, {
    fiscalYear: document.fiscalYear,
    finalAccount: document.kind === 'final_account',
    basis: defaultBasis(document),
  });
  const rows = rowNames(facts);
  const diagnostics: Diagnostic[] = [];
  const statements = drafts.map((draft) => {
    const subject =
      draft.topic === 'function' && draft.names ? resolveFunction(draft.names, rows, document.fiscalYear) : null;
    const checked = checkStatement(draft, subject?.code ?? null, subject?.name ?? null, document, facts, tables);
    diagnostics.push(...checked.diagnostics);
    return toRecord(document.id, { draft, subject, tableFact: checked.tableFact });
  });
  diagnostics.push(...missingTables(document, input.tables, sentences));
  return { value: statements, diagnostics };
}

/**
 * What a figure is when its words do not say. A 绩效自评 report restates the whole department's
 * figures while the tables it carries may be one unit's: its figures are extracted, not checked.
 */
function defaultBasis(document: DocumentRecord): 'budget' | 'actual' | null {
  if (document.kind === 'performance' || /绩效/.test(document.title ?? '')) return null;
  return document.kind === 'final_account' ? 'actual' : document.kind === 'budget' ? 'budget' : null;
}
