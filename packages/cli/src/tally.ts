/** Counts for the manifest, gathered while the parts are merged (so nothing is held per document). */
import type { IssueRecord, Manifest } from '@govdocs/core';
import type { DocumentSummary } from './part-layout.js';

export class Tally {
  counts = { documents: 0, tables: 0, facts: 0, indicators: 0, statements: 0, issues: 0 };
  pages = 0;
  byFamily: Record<string, number> = {};
  bySeverity: Record<string, number> = {};
  byMediaType: Record<string, number> = {};
  stageMs: Record<string, number> = {};
  failures: Manifest['failures'] = [];

  /** One document, from the summary its worker wrote into the part; `path` is the path its records carry. */
  add(summary: DocumentSummary, path: string): void {
    this.counts.documents++;
    this.counts.tables += summary.records.tables;
    this.counts.facts += summary.records.facts;
    this.counts.indicators += summary.records.indicators;
    this.counts.statements += summary.records.statements ?? 0;
    this.counts.issues += summary.records.issues;
    this.pages += summary.pages;
    this.byMediaType[summary.mediaType] = (this.byMediaType[summary.mediaType] ?? 0) + 1;
    addCounts(this.byFamily, summary.issuesByFamily);
    addCounts(this.bySeverity, summary.issuesBySeverity);
    addCounts(this.stageMs, summary.timings);
    if (summary.failure !== null) this.failures.push({ path, reason: summary.failure });
  }

  /** Issues that belong to no document (files that could not be read, duplicates). */
  issues(issues: IssueRecord[]): void {
    for (const issue of issues) {
      this.counts.issues++;
      const family = issue.rule.split('.')[0]!;
      this.byFamily[family] = (this.byFamily[family] ?? 0) + 1;
      this.bySeverity[issue.severity] = (this.bySeverity[issue.severity] ?? 0) + 1;
    }
  }
}

function addCounts(into: Record<string, number>, counts: Record<string, number>): void {
  for (const [key, n] of Object.entries(counts)) into[key] = (into[key] ?? 0) + n;
}

export function sortedRecord(
  record: Record<string, number>,
  map: (n: number) => number = (n) => n,
): Record<string, number> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, map(record[k]!)]),
  );
}
