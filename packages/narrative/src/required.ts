/**
 * document.missing_table: a department budget or final account that publishes its 报表 but lacks
 * a table its kind requires, with no 空表说明 saying why.
 *
 * Required (data/required-tables.json): the nine 公开表 of a 决算 (公开01–09表), and the tables every
 * 预算 template prints. Regional templates (上海 9 tables, 北京 附件2 13 tables,
 * 江苏 13) hold these under their own titles, which the headers stage already maps to the kinds.
 * A document lacking more than two of them is not a whole 报表 set (a 情况说明 published apart from
 * its tables, tables published one file each, a performance report): nothing is said of it.
 */
import { readFileSync } from 'node:fs';
import { type Diagnostic, type DocumentRecord, Reporter, type TableKind, type TableRecord } from '@govdocs/core';
import type { Sentence } from './sentences.js';

/** What each kind of document must publish: data/required-tables.json (its source is in data/README.md). */
const REQUIRED = JSON.parse(readFileSync(new URL('../data/required-tables.json', import.meta.url), 'utf8')) as Partial<
  Record<DocumentRecord['kind'], { kind: TableKind; name: string }[]>
>;

/** Words of a 空表说明 (本部门无政府性基金预算…故本表为空; 本表无数据; 并已公开空表). */
const EMPTY = /空表|为空|无数据|空白|不涉及|没有|无(?!锡)/;

/** The table kinds a 空表说明 speaks of. */
const EXPLAINS: [RegExp, TableKind][] = [
  [/政府性基金/, 'government_fund'],
  [/国有资本/, 'state_capital'],
  [/三公/, 'three_public'],
  [/基本支出/, 'general_budget_basic'],
];

export function missingTables(document: DocumentRecord, tables: TableRecord[], sentences: Sentence[]): Diagnostic[] {
  const required = REQUIRED[document.kind];
  if (!required) return [];
  const present = new Set(tables.map((t) => t.kind));
  // A set that lacks more than two is a partial publication (a 情况说明 apart, tables in several files), not a slip.
  if (required.filter((r) => !present.has(r.kind)).length > 2) return [];
  const explained = new Set<TableKind>();
  for (const s of sentences) {
    if (!EMPTY.test(s.text)) continue;
    for (const [words, kind] of EXPLAINS) if (words.test(s.text)) explained.add(kind);
  }
  return required
    .filter((r) => !present.has(r.kind) && !explained.has(r.kind))
    .map((r) =>
      new Reporter('narrative', document.source.path).report(
        'document.missing_table',
        `${document.source.path}: this ${document.kind === 'budget' ? '部门预算' : '部门决算'} publishes its tables but not the ${r.name}, and no note (空表说明) says why. Check whether the table was left out of the file; if the department has no such funds, the table is still published empty with a note.`,
      ),
    );
}
