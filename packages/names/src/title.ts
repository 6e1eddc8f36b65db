import type { DocumentModel } from '@govdocs/core';
import { isPage, type Line } from './evidence.js';

const REPORT = /决算|预算|绩效|公开/;
const YEAR = /(19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}\s*年/;

/**
 * The page title; else a heading naming a year's report (2023年度部门决算情况说明), first among
 * the opening lines, then among short lines further down; else a heading naming a report; else
 * the first short line.
 */
export function documentTitle(doc: DocumentModel, lines: Line[]): string | null {
  if (doc.clues.title && isPage(doc)) return doc.clues.title.trim();
  const clean = (l: Line) => l.text.replace(/^#+\s*/, '').trim();
  const headlines = lines.filter((l) => l.role === 'headline').map(clean);
  const short = lines
    .filter((l) => l.role === 'body')
    .map(clean)
    .filter((t) => t.length <= 40 && !/[，。；：:]/.test(t));
  const yearReport = (t: string) => t.length <= 60 && YEAR.test(t) && REPORT.test(t);
  return (
    headlines.find(yearReport) ??
    short.find(yearReport) ??
    headlines.find((t) => t.length <= 60 && REPORT.test(t)) ??
    doc.clues.title?.trim() ??
    headlines.find((t) => t.length >= 4 && t.length <= 60) ??
    null
  );
}
