/**
 * Sentences → stated figures. Each money figure of a sentence is a value, a change (增加876.75万元),
 * a previous year's or a budget's figure (2023年预算执行数为60.13万元, 全年预算为52.00万元: folded
 * into the change of the figure it is compared with), or a threshold (单价100万元以上: skipped).
 */
import type { StatementTopic } from '@govdocs/core';
import { moneyMentions, percentMentions, type MoneyMention } from './figures.js';
import type { Sentence } from './sentences.js';
import { functionWords, isGenericSubject, topicOf } from './topics.js';
import { isClassName } from './subjects.js';

export type Direction = 'increase' | 'decrease' | 'flat';

export interface Change {
  against: string | null;
  direction: Direction | null;
  /** Stated (or, from a stated earlier figure, implied) change in fen. */
  fen: bigint | null;
  percent: number | null;
  /** Decimals the percentage was printed with. */
  percentDecimals?: number;
  /** How the change was stated: an amount, a percentage, or an earlier figure printed beside it. */
  stated: { amount?: MoneyMention; earlier?: MoneyMention };
}

export interface Draft {
  sentence: Sentence;
  topic: StatementTopic;
  /** 类/款/项 names of a `function` statement, 类 first. */
  names?: string[];
  money: MoneyMention;
  change: Change | null;
  purpose: string | null;
  reason: string | null;
  /** The figure is this year's; previous-year and budget figures of a final account are not in its tables. */
  current: boolean;
  /** Whether the figure is a budget's or an actual spending's, when its words or the document say. */
  basis: 'budget' | 'actual' | null;
}

export interface ExtractOptions {
  fiscalYear: number | null;
  finalAccount: boolean;
  /** What a figure is when its words do not say: a budget's (budget documents) or an actual's (final accounts). */
  basis: 'budget' | 'actual' | null;
}

interface Context {
  topic: StatementTopic;
  names?: string[];
  draft?: Draft;
}

const BOUNDARY = /[，,；;：:。！？]|其中/g;
const CHANGE_WORD = /(增加|减少|增长|下降|降低|减|增|变化|变动|节约|节省|超支|多|少|上升|提高)(了)?(约)?$/;
const PERCENT_WORD = /(增加|减少|增长|下降|降低|减|增|上升|提高|增幅|降幅|幅度)(了|为|达)?(约)?$/;
const THRESHOLD_AFTER = /^\s*[（(]含[）)]|^\s*(及)?以[上下内]/;
const THRESHOLD_BEFORE = /[≤≥<>＜＞]\s*$|不超过$|不高于$|不低于$|控制在$|上限$/;
const PREVIOUS = /上年|上一年|去年|以前年度|执行数|同期/;
const BUDGET = /年初预算|全年预算|调整预算|预算数|预算为|预算安排|预算$/;

export function extractDrafts(sentences: Sentence[], options: ExtractOptions): Draft[] {
  const out: Draft[] = [];
  /** The last subject named, and how many sentences ago: a sentence that names none restates it. */
  let context: (Context & { age: number }) | undefined;
  let lastDraft: Draft | undefined;
  for (const sentence of sentences) {
    const text = sentence.text;
    // A line of a table read as text has no sentence punctuation: it states nothing.
    const prose = /[，。；：,;:！？]/.test(text);
    const money = prose
      ? moneyMentions(text).filter(
          (m) =>
            !THRESHOLD_AFTER.test(text.slice(m.end)) &&
            !THRESHOLD_BEFORE.test(text.slice(0, m.start)) &&
            !/单价|标准|以上|限额/.test(clauseBefore(text, m.start)),
        )
      : [];
    // A sentence that only compares (比2023年预算持平，…) speaks of the figure just before it.
    const drafts: Placed[] = lastDraft && /^(比|较|与|同)/.test(text) ? [{ draft: lastDraft, at: -1, end: 0 }] : [];
    const earlier: Earlier[] = [];
    /** The subject named last in this sentence, by a figure of any year. */
    let named: Context | undefined;
    const recent = context && context.age <= 3 ? context : undefined;
    let floor = 0;
    for (const m of money) {
      const clause = clauseBefore(text, m.start, floor);
      floor = m.end;
      const near = text.slice(Math.max(0, m.start - 8), m.start);
      if (CHANGE_WORD.test(near)) {
        const owner = lastOf(drafts);
        if (owner && changesOwner(owner, text, m, clause)) setChange(owner, text, m, clause);
        continue;
      }
      const current = isCurrent(clause, options);
      let topic: StatementTopic = 'other';
      let names: string[] | undefined;
      if (isGenericSubject(clause)) {
        // Only a sentence that has named nothing else so far may restate an earlier sentence's subject.
        const inherited = named ?? (isGenericSubject(withoutFigures(text.slice(0, m.start))) ? recent : undefined);
        if (inherited) ({ topic, names } = inherited);
      } else {
        const explicit = topicOf(clause, isClassName);
        if (explicit) ({ topic, names } = explicit);
      }
      named = { topic, ...(names ? { names } : {}) };
      if (!current) {
        earlier.push({ money: m, against: againstText(clause), topic, names });
        continue;
      }
      // The same figure restated in a following sentence (…2024年预算安排25.77万元) is one statement.
      const prior = recent?.draft;
      const again =
        prior &&
        isGenericSubject(clause) &&
        prior.topic === topic &&
        prior.money.fen === m.fen &&
        sameNames(prior.names, names)
          ? prior
          : undefined;
      if (again) {
        drafts.push({ draft: again, at: m.start, end: m.end });
        continue;
      }
      const draft: Draft = {
        sentence,
        topic,
        money: m,
        change: null,
        purpose: null,
        reason: null,
        current: true,
        basis: basisOf(text.slice(0, m.start), clause, options),
        ...(names ? { names } : {}),
      };
      drafts.push({ draft, at: m.start, end: m.end });
      out.push(draft);
    }
    foldEarlier(drafts, earlier, out, sentence);
    applyPercents(drafts, text);
    applyFlat(drafts, text);
    applyPurpose(drafts, text);
    const reason = reasonOf(text);
    const reasonTarget = drafts.length ? lastChanged(drafts.map((p) => p.draft)) : lastDraft;
    if (reason && reasonTarget && reasonTarget.reason === null) reasonTarget.reason = reason;
    if (context) context.age++;
    const own = drafts.filter((p) => p.at >= 0);
    if (own.length) {
      const last = own[own.length - 1]!.draft;
      lastDraft = last;
      if (last.topic !== 'other')
        context = { topic: last.topic, ...(last.names ? { names: last.names } : {}), draft: last, age: 0 };
    } else if (!drafts.length) {
      const words = functionWords(text);
      if (words) context = { topic: 'function', names: words, age: 0 };
      if (!reason) lastDraft = undefined;
    }
  }
  return out;
}

/** The sentence's words without its figures, to tell whether they name a subject. */
function withoutFigures(text: string): string {
  return text.replace(/[\d.,]+(亿元|万元|千元|元|%)/g, '');
}

/** A draft and where its figure stands in the sentence being read (a restated figure stands twice). */
interface Placed {
  draft: Draft;
  at: number;
  end: number;
}

function lastOf(drafts: Placed[]): Placed | undefined {
  return drafts[drafts.length - 1];
}

function lastChanged(drafts: Draft[]): Draft | undefined {
  return [...drafts].reverse().find((d) => d.change) ?? drafts[drafts.length - 1];
}

function sameNames(a: string[] | undefined, b: string[] | undefined): boolean {
  return (a ?? []).join('|') === (b ?? []).join('|');
}

/** The words of the clause before position `at` (back to the last comma, colon, semicolon or 其中). */
export function clauseBefore(text: string, at: number, floor = 0): string {
  let start = floor;
  for (const m of text.slice(floor, at).matchAll(BOUNDARY)) start = floor + m.index! + m[0].length;
  return text.slice(start, at);
}

function isCurrent(clause: string, options: ExtractOptions): boolean {
  if (PREVIOUS.test(clause)) return false;
  const years = [...clause.matchAll(/(20\d\d)年/g)].map((m) => Number(m[1]));
  if (options.fiscalYear !== null && years.length && years[years.length - 1] !== options.fiscalYear) return false;
  if (options.finalAccount && BUDGET.test(clause) && !/决算/.test(clause)) return false;
  return true;
}

/** 决算/实际/执行 → actual, 预算 → budget: in the clause first, then earlier in the sentence. */
function basisOf(before: string, clause: string, options: ExtractOptions): Draft['basis'] {
  if (options.basis === null) return null;
  for (const text of [clause, before]) {
    const actual = Math.max(text.lastIndexOf('决算'), text.lastIndexOf('实际'), text.lastIndexOf('执行'));
    const budget = text.lastIndexOf('预算');
    if (actual >= 0 || budget >= 0) return actual > budget ? 'actual' : 'budget';
  }
  return options.basis;
}

function againstText(clause: string): string {
  return (
    clause
      .replace(/^[\s（(]*[一二三四五六七八九十\d]+[)）.、．]/, '')
      .replace(/(为|是|达|共)$/, '')
      .replace(/[“”"]/g, '')
      .trim() || clause.trim()
  );
}

function directionOf(word: string): Direction | null {
  if (/增|多|超|上升|提高/.test(word)) return 'increase';
  if (/减|少|降|节约|节省/.test(word)) return 'decrease';
  return null;
}

/** 比2023年预算减少 → against 2023年预算. */
function comparedWith(window: string): string | null {
  let against: string | null = null;
  for (const m of window.matchAll(
    /(?:比|较|与|同|相比于|对比)([^，,；;。比较与]{2,30}?)(?=相比|比较|增加|减少|增长|下降|降低|持平|减|增|变化|变动|多|少|基本持平|上升)/g,
  ))
    against = m[1]!.replace(/[“”"]/g, '').trim();
  return against;
}

/**
 * Whether a change figure speaks of the figure before it: not when a reason intervenes (主要原因是…
 * 增加133万元), nor when its clause names another subject (…，项目支出增加2,422.28万元), nor when that
 * figure already has its stated amount.
 */
function changesOwner(placed: Placed, text: string, m: MoneyMention, clause: string): boolean {
  if (placed.draft.change?.stated.amount) return false;
  if (/原因|主要是/.test(text.slice(Math.max(placed.end, 0), m.start))) return false;
  const subject = clause
    .replace(CHANGE_WORD, '')
    .replace(/(比|较|与|同|相比于|对比)[^，,；;。]*?(相比|比较)?$/, '')
    .replace(/^.*(相比|比较|同比)/, '')
    .replace(/各$/, '');
  const topic = topicOf(subject, isClassName)?.topic;
  if (topic !== undefined && topic !== placed.draft.topic) return false;
  return true;
}

function setChange(placed: Placed, text: string, m: MoneyMention, clause: string): void {
  const owner = placed.draft;
  const window = text.slice(Math.max(0, Math.min(placed.end, m.start) - 40), m.start);
  const word = CHANGE_WORD.exec(text.slice(Math.max(0, m.start - 8), m.start))?.[1] ?? '';
  const change = owner.change ?? { against: null, direction: null, fen: null, percent: null, stated: {} };
  change.against ??= comparedWith(window) ?? comparedWith(clause);
  change.direction = directionOf(word) ?? (m.fen === 0n ? 'flat' : change.direction);
  change.fen = change.direction === 'decrease' ? -m.fen : m.fen;
  change.stated.amount = m;
  owner.change = change;
}

/** Previous-year and budget figures: the change of the figure of the same subject they are printed with. */
interface Earlier {
  money: MoneyMention;
  against: string;
  topic: StatementTopic;
  names: string[] | undefined;
}

function foldEarlier(drafts: Placed[], earlier: Earlier[], out: Draft[], sentence: Sentence): void {
  for (const e of earlier) {
    const same = (d: Placed) => e.topic !== 'other' && d.draft.topic === e.topic && sameNames(d.draft.names, e.names);
    const owner = (drafts.find((d) => d.at > e.money.start && same(d)) ?? [...drafts].reverse().find(same))?.draft;
    if (!owner) {
      // Nothing this year to compare it with: kept, but it is no figure of this year's tables.
      out.push({
        sentence,
        topic: 'other',
        money: e.money,
        change: null,
        purpose: null,
        reason: null,
        current: false,
        basis: null,
      });
      continue;
    }
    const change = owner.change ?? { against: null, direction: null, fen: null, percent: null, stated: {} };
    change.against ??= e.against;
    change.stated.earlier = e.money;
    if (change.fen === null) {
      const diff = owner.money.fen - e.money.fen;
      change.fen = diff;
      change.direction ??= diff > 0n ? 'increase' : diff < 0n ? 'decrease' : 'flat';
    }
    owner.change = change;
  }
}

function applyPercents(drafts: Placed[], text: string): void {
  for (const p of percentMentions(text)) {
    const before = text.slice(Math.max(0, p.start - 8), p.start);
    const word = PERCENT_WORD.exec(before)?.[1];
    if (!word) continue;
    const placed = [...drafts].reverse().find((d) => d.at < p.start) ?? drafts[0];
    if (!placed) continue;
    const owner = placed.draft;
    const change = owner.change ?? { against: null, direction: null, fen: null, percent: null, stated: {} };
    change.direction ??= directionOf(word);
    change.against ??= comparedWith(text.slice(Math.max(0, placed.end - 40), p.start));
    change.percent = change.direction === 'decrease' ? -p.value : p.value;
    change.percentDecimals = p.decimals;
    owner.change = change;
  }
}

function applyFlat(drafts: Placed[], text: string): void {
  for (const m of text.matchAll(/持平|保持不变|无变化|没有变化/g)) {
    const placed = [...drafts].reverse().find((d) => d.at < m.index!);
    if (!placed || placed.draft.change || /原因/.test(text.slice(placed.end, m.index))) continue;
    placed.draft.change = {
      against: comparedWith(text.slice(placed.end, m.index! + m[0].length)),
      direction: 'flat',
      fen: 0n,
      percent: null,
      stated: {},
    };
  }
}

function applyPurpose(drafts: Placed[], text: string): void {
  for (const m of text.matchAll(/主要用于|用于/g)) {
    const rest = text.slice(m.index!);
    const end = rest.search(/[。；;]|[，,](?=比|较|与|同|增|减|占|主要原因)/);
    const purpose = (end < 0 ? rest : rest.slice(0, end)).replace(/[，,：:]+$/, '');
    if (purpose.length <= m[0].length + 1 || /以下(几个)?方面$|[：:]$/.test(purpose)) continue;
    const owner = [...drafts].reverse().find((d) => d.at < m.index!)?.draft;
    if (owner && owner.purpose === null) owner.purpose = purpose;
  }
}

function reasonOf(text: string): string | null {
  const m =
    /(?:主要原因|原因)(?:是|为|在于|主要是)?[：:，,]?\s*(.+?)(?:[。；;]|$)|主要是(?:因为|由于)(.+?)(?:[。；;]|$)/.exec(
      text,
    );
  const reason = (m?.[1] ?? m?.[2])?.replace(/^[：:，,]+/, '').trim();
  return reason ? reason : null;
}
