/** Counts for the manifest, gathered while the parts are merged (so nothing is held per document). */
import type { IssueRecord, Manifest } from '@govdocs/core';
import type { StoredDocument } from './part.js';

export class Tally {
  counts = { documents: 0, tables: 0, facts: 0, indicators: 0, issues: 0 };
  pages = 0;
  byFamily: Record<string, number> = {};
  bySeverity: Record<string, number> = {};
  byMediaType: Record<string, number> = {};
  stageMs: Record<string, number> = {};
  failures: Manifest['failures'] = [];

  add(part: StoredDocument): void {
    this.counts.documents++;
    this.counts.tables += part.tables.length;
    this.counts.facts += part.facts.length;
    this.counts.indicators += part.indicators.length;
    this.pages += part.document.pages;
    const mediaType = part.document.source.mediaType;
    this.byMediaType[mediaType] = (this.byMediaType[mediaType] ?? 0) + 1;
    this.issues(part.issues);
    for (const [stage, ms] of Object.entries(part.timings)) this.stageMs[stage] = (this.stageMs[stage] ?? 0) + ms;
    if (part.failed) this.failures.push({ path: part.document.source.path, reason: failureReason(part) });
  }

  issues(issues: IssueRecord[]): void {
    for (const issue of issues) {
      this.counts.issues++;
      const family = issue.rule.split('.')[0];
      this.byFamily[family] = (this.byFamily[family] ?? 0) + 1;
      this.bySeverity[issue.severity] = (this.bySeverity[issue.severity] ?? 0) + 1;
    }
  }
}

export function sortedRecord(record: Record<string, number>, map: (n: number) => number = (n) => n): Record<string, number> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, map(record[k])]));
}

/** The `document` issue's message says why far better than the pipeline's short `failed` note. */
function failureReason(part: StoredDocument): string {
  const path = part.document.source.path;
  const issue = part.issues.find((x) => x.rule.startsWith('document.') && x.severity === 'error');
  if (!issue) return part.failed!;
  return issue.message.startsWith(`${path}: `) ? issue.message.slice(path.length + 2) : issue.message;
}
