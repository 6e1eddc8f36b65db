/** Drafts → the statement records of statements.jsonl. */
import type { StatementRecord } from '@govdocs/core';
import type { Draft } from './extract.js';
import { fenToYuanNumber, precisionYuan } from './figures.js';
import type { FunctionSubject } from './subjects.js';

export interface Linked {
  draft: Draft;
  subject: FunctionSubject | null;
  tableFact: StatementRecord['tableFact'];
}

export function toRecord(documentId: string, linked: Linked): StatementRecord {
  const { draft, subject, tableFact } = linked;
  const s = draft.sentence;
  const change = draft.change;
  return {
    documentId,
    ...(s.page !== undefined ? { page: s.page } : {}),
    ...(s.line !== undefined ? { line: s.line } : {}),
    sentence: s.index,
    text: s.text,
    topic: draft.topic,
    subject,
    value: fenToYuanNumber(draft.money.fen),
    unit: 'yuan',
    printed: draft.money.printed,
    precision: precisionYuan(draft.money),
    change: change
      ? {
          against: change.against,
          direction: change.direction,
          value: change.fen === null ? null : fenToYuanNumber(change.fen),
          percent: change.percent,
        }
      : null,
    purpose: draft.purpose,
    reason: draft.reason,
    tableFact,
  };
}
