/**
 * Indicators listed as text in one cell, as some budget systems print them (广州's 项目支出绩效目标表:
 * "1、1－产出指标，11－数量指标，环境应急事件响应率；实施周期指标值：100%，年度指标值：100%;2、…").
 * Each item: its number, the coded 一级 and 二级 names, the indicator, then labelled values.
 */
export interface ListedIndicator {
  level1: string;
  level2: string;
  level3: string;
  /** The value for the budget year (年度指标值), else the first value printed. */
  target: string | null;
  /** The other labelled values, as printed (实施周期指标值：…). */
  others: string[];
}

/** Where an item starts: its number, then the one-digit code of its 一级 name (1－产出指标). */
const ITEM_START = /(?<=^|[；;。:：])\s*\d{1,2}\s*[、.．]\s*(?=\d\s*[－—–-]\s*[\u4e00-\u9fff])/g;
const ITEM =
  /^\d\s*[－—–-]\s*([^，,；;]+?)\s*[，,]\s*\d{2}\s*[－—–-]\s*([^，,；;]+?)\s*[，,]\s*(.+?)\s*[；;。]\s*((?:[\u4e00-\u9fff]{0,6}指标值|目标值)\s*(?:[:：]|(?=[》≥≤≦≧<>=]))[\s\S]*)$/;
// A label is followed by its colon, or (a typo seen in print) straight by the value's sign.
const VALUE_LABEL = /([\u4e00-\u9fff]{0,6}指标值|目标值)\s*(?:[:：]|(?=[》≥≤≦≧<>=]))/g;

/** The items of a listing cell; empty when the text is not such a listing. */
export function readListing(text: string): ListedIndicator[] {
  const s = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, (m, at: number, all: string) =>
      isHan(all[at - 1]) || isHan(all[at + m.length]) ? '' : ' ',
    );
  const starts: [number, number][] = [];
  for (const m of s.matchAll(ITEM_START)) starts.push([m.index, m.index + m[0].length]);
  const out: ListedIndicator[] = [];
  starts.forEach(([, from], i) => {
    const to = i + 1 < starts.length ? starts[i + 1][0] : s.length;
    const item = readItem(s.slice(from, to));
    if (item) out.push(item);
  });
  return out;
}

function readItem(text: string): ListedIndicator | null {
  const m = ITEM.exec(text.trim());
  if (!m) return null;
  const values = labelledValues(m[4]);
  const annual = values.find((v) => /^(年度|本年|当年)/.test(v.label)) ?? values[0];
  return {
    level1: m[1],
    level2: m[2],
    level3: m[3],
    target: annual?.value || null,
    others: values.filter((v) => v !== annual && v.value).map((v) => `${v.label}：${v.value}`),
  };
}

function labelledValues(text: string): { label: string; value: string }[] {
  const marks = [...text.matchAll(VALUE_LABEL)];
  return marks.map((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
    const value = text
      .slice(m.index + m[0].length, end)
      .trim()
      .replace(/[，,；;。]+$/, '')
      .trim();
    return { label: m[1], value };
  });
}

function isHan(ch: string | undefined): boolean {
  return !!ch && /[\u4e00-\u9fff]/.test(ch);
}
