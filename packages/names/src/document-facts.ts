/**
 * Document kind and fiscal year from titles and text. The year is the year the report is
 * about (2023年度部门决算 published in 2024 → 2023), not the publication year.
 */
import type { DocumentKind } from '@govdocs/core';

/** A line of the document with how much it speaks for the whole (title 5 … body 1). */
export interface WeightedLine {
  text: string;
  weight: number;
  headline?: boolean;
}

const PERFORMANCE_TITLE = /绩效自评报告|绩效自评表|绩效评价报告|绩效自评情况|绩效目标表|绩效目标申报/;
const ACCOUNT_OR_BUDGET_TITLE =
  /部门决算|单位决算|决算公开|决算报告|决算(总)?表|部门预算|单位预算|预算公开|预算(总)?表|预算报告|部门收支总表/;

const BUDGET_TABLE = /(收支总表|收入总表|支出总表|支出表|预算表)$/;

/** The words that say what a report is; in a title the last one is its head noun. */
const KIND_WORD = /绩效(?:自评|评价|目标)|决算|预算/g;

/**
 * The document's own title decides (CANONICAL.md, documents): the first short opening line
 * that names a kind of report, read by its last kind word: 2026年部门预算情况说明 → budget even
 * when 绩效目标表 follow; 项目支出绩效目标表 → performance; 一般公共预算财政拨款支出决算表 →
 * final_account.
 */
export function titleKind(input: (string | WeightedLine)[]): DocumentKind {
  for (const { text, headline } of weighted(input)) {
    if (!headline) continue;
    const t = text.replace(/\s+/g, '');
    if (t.length > 60 || /[，。；,;]/.test(t) || /目录/.test(t)) continue;
    const words = t.match(KIND_WORD);
    if (!words) continue;
    const last = words[words.length - 1];
    return last === '决算' ? 'final_account' : last === '预算' ? 'budget' : 'performance';
  }
  return 'unknown';
}

export function documentKind(input: (string | WeightedLine)[]): DocumentKind {
  const fromTitle = titleKind(input);
  if (fromTitle !== 'unknown') return fromTitle;
  const lines = weighted(input);
  const score: Record<Exclude<DocumentKind, 'unknown'>, number> = { final_account: 0, budget: 0, performance: 0 };
  for (const { text: t, weight } of lines) {
    if (/绩效自评|绩效评价|绩效目标/.test(t) && !/公开/.test(t.replace(/绩效.*/, ''))) score.performance += weight;
    if (/决算/.test(t)) score.final_account += weight;
    if (/预算(公开|表|信息|报告)|部门预算|单位预算|\d{4}年(度)?预算/.test(t) && !/决算/.test(t)) score.budget += weight;
    // Budget tables are titled without 预算 (部门收支总表, 一般公共预算支出表); 决算 tables always say 决算.
    else if (BUDGET_TABLE.test(t) && !/决算|绩效/.test(t)) score.budget += weight;
  }
  const headline = lines
    .filter((l) => l.headline)
    .map((l) => l.text)
    .join('\n');
  if (PERFORMANCE_TITLE.test(headline) && !ACCOUNT_OR_BUDGET_TITLE.test(headline)) return 'performance';
  const best = (Object.entries(score) as [DocumentKind, number][]).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : 'unknown';
}

const CN_DIGITS: Record<string, string> = {
  〇: '0',
  '○': '0',
  О: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** 二〇二一年 → 2021年; 2020 年度 → 2020年度. */
function yearDigits(text: string): string {
  return text
    .replace(/[〇○О零一二三四五六七八九]{4}(?=\s*年)/g, (m) => [...m].map((c) => CN_DIGITS[c]).join(''))
    .replace(/(\d{4})\s+年/g, '$1年');
}

const YEAR_ABOUT =
  /(20\d{2}|19\d{2})年度?\s*(?:部门|单位|本级|县|市|区)?[^\n，。；;]{0,20}?(决算|预算|绩效|自评|收支)/g;
const BUDGET_YEAR = /(?:预算|决算)年度[(（:：]?\s*(20\d{2})/g;
/** Dates of publication or of a deadline speak of when, not of which year. */
const DATE_CONTEXT = /(发布|印发|截止|截至|日期|时间)[:：]?\s*$/;

export function fiscalYear(input: (string | WeightedLine)[]): number | null {
  const votes = new Map<number, number>();
  const add = (year: number, w: number) => votes.set(year, (votes.get(year) ?? 0) + w);
  let titled = false;
  for (const { text, weight, headline } of weighted(input)) {
    if (!text.includes('年')) continue;
    const t = yearDigits(text);
    // The cover or title (the first short opening line naming a year's report) outweighs the
    // years the text and a file's properties mention: a template's leftovers, plans for next year.
    const title = !titled && !!headline && t.length <= 60 && !/[，。；,;]|目录/.test(t);
    for (const m of t.matchAll(YEAR_ABOUT)) {
      if (DATE_CONTEXT.test(t.slice(Math.max(0, m.index - 8), m.index))) continue;
      // 与2022年度相比 / 上年 mentions compare with the year before; they do not name the report's year.
      if (/(与|比|较|同)$/.test(t.slice(Math.max(0, m.index - 1), m.index))) continue;
      add(Number(m[1]), title ? weight + 20 : weight);
      if (title) titled = true;
    }
    for (const m of t.matchAll(BUDGET_YEAR)) add(Number(m[1]), weight);
    // A heading that is only the year (（2023年度）) speaks of the report too, more softly.
    if (t.length <= 30 && !new RegExp(YEAR_ABOUT.source).test(t)) {
      const only = /(?:^|[（(\s])(20\d{2})年度(?:[）)\s]|$)/.exec(t);
      if (only) add(Number(only[1]), weight * 0.5);
    }
  }
  if (!votes.size) return null;
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

function weighted(input: (string | WeightedLine)[]): WeightedLine[] {
  return input.map((t, i) => (typeof t === 'string' ? { text: t, weight: i < 10 ? 3 : 1, headline: i < 10 } : t));
}

/**
 * The file's own name (新平县财政局2023年部门决算.xlsx, lintan-agriculture-2023-final-account.txt)
 * is the last resort when the content never says the year or kind: spreadsheets often don't.
 * Only a year standing next to a report word counts, so dates in names are not taken.
 */
export function fileNameFacts(path: string): { year: number | null; kind: DocumentKind } {
  let name = path.split(/[\\/]/).pop() ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the name as it is
  }
  name = name.replace(/\.[a-z0-9]+$/i, '').normalize('NFKC');
  const report = /决算|预算|绩效|final|account|budget|performance/i;
  const year = report.test(name) ? /(?:^|[^0-9])(20\d{2})(?:年度?)?(?=[^0-9]|$)/.exec(name) : null;
  const kind: DocumentKind = /绩效|performance/i.test(name)
    ? 'performance'
    : /决算|final/i.test(name)
      ? 'final_account'
      : /预算|budget/i.test(name)
        ? 'budget'
        : 'unknown';
  return { year: year ? Number(year[1]) : null, kind };
}
