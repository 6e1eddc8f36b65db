/** The counts of one site's crawl, for the summary line and `govdocs crawl`'s result. */
import type { Change } from './fetch-log.js';

export interface SiteSummary {
  site: string;
  requested: number;
  saved: number;
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

export class SiteTally {
  private readonly counts: SiteSummary;
  /** Documents on disk after the run (a file counts once however many addresses led to it). */
  private readonly files = new Set<string>();

  constructor(site: string) {
    this.counts = { site, requested: 0, saved: 0, new: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0 };
  }

  get requested(): number {
    return this.counts.requested;
  }

  request(): void {
    this.counts.requested++;
  }

  /** A request that never left (refused by robots.txt or the allow list) is not counted as one. */
  unrequest(): void {
    this.counts.requested--;
  }

  answered(change: Change): void {
    this.counts[change]++;
  }

  failed(): void {
    this.counts.failed++;
  }

  skipped(): void {
    this.counts.skipped++;
  }

  kept(file: string): void {
    this.files.add(file);
  }

  summary(): SiteSummary {
    return { ...this.counts, saved: this.files.size };
  }
}

export function describeSummary(s: SiteSummary): string {
  return `${s.requested} requested, ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.failed} failed, ${s.skipped} skipped, ${s.saved} documents on disk`;
}
