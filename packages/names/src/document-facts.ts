/**
 * Document kind and fiscal year from titles and text. The year is the year the report is
 * about (2023年度部门决算 published in 2024 → 2023), not the publication year.
 */
import type { DocumentKind } from '@govdocs/core';

export function documentKind(texts: string[]): DocumentKind {
  const score: Record<Exclude<DocumentKind, 'unknown'>, number> = { final_account: 0, budget: 0, performance: 0 };
  texts.forEach((t, i) => {
    const weight = i < 10 ? 3 : 1;
    if (/绩效自评|绩效评价|绩效目标/.test(t) && !/公开/.test(t.replace(/绩效.*/, ''))) score.performance += weight;
    if (/决算/.test(t)) score.final_account += weight;
    if (/预算(公开|表|信息)|部门预算/.test(t) && !/决算/.test(t)) score.budget += weight;
  });
  const headline = texts.slice(0, 10).join('\n');
  if (/绩效自评报告|绩效自评表|绩效评价报告/.test(headline) && !/部门决算|部门预算/.test(headline)) return 'performance';
  const best = (Object.entries(score) as [DocumentKind, number][]).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : 'unknown';
}

const YEAR_ABOUT = /(20\d{2}|19\d{2})\s*年度?\s*(?:部门|单位|本级|县|市|区)?[^\n，。]{0,20}?(决算|预算|绩效|自评|收支)/;

export function fiscalYear(texts: string[]): number | null {
  const votes = new Map<number, number>();
  texts.forEach((t, i) => {
    const m = YEAR_ABOUT.exec(t);
    if (!m) return;
    const year = Number(m[1]);
    votes.set(year, (votes.get(year) ?? 0) + (i < 10 ? 3 : 1));
  });
  if (!votes.size) return null;
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}
