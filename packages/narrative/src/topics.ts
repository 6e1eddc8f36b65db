/**
 * What a stated figure is about, from the words just before it in its clause: totals, 财政拨款,
 * 基本/项目支出, the three budgets, the 三公 items, 机关运行经费, 政府采购, or a 类/款/项 line.
 */
import type { StatementTopic } from '@govdocs/core';

export interface TopicMatch {
  topic: StatementTopic;
  /** For `function`: the line's names as printed, 类 first. */
  names?: string[];
}

/** A line named in words: 一般公共服务支出（类）商贸事务（款）行政运行（项）. */
const NAME = '[^（()）“”"‘’，,。；;:：\\d]{2,}?';
const FUNCTION_WORDS = new RegExp(
  `(${NAME})\\s*[（(]类[）)](?:\\s*(${NAME})\\s*[（(]款[）)])?(?:\\s*(${NAME})\\s*[（(]项[）)])?`,
  'g',
);

/** The last 类/款/项 line named in `text`, or undefined. */
export function functionWords(text: string): string[] | undefined {
  let last: RegExpMatchArray | undefined;
  for (const m of text.matchAll(FUNCTION_WORDS)) last = m;
  if (!last) return undefined;
  return [last[1]!, last[2], last[3]].filter((x): x is string => x !== undefined).map((n) => n.trim());
}

interface Rule {
  test: RegExp;
  topic: StatementTopic;
  unless?: RegExp;
}

/** In order: the first rule whose words occur in the subject decides. */
const RULES: Rule[] = [
  { test: /因公出国/, topic: 'three_public.overseas' },
  { test: /公务用车购置(及|和|与)运行|车辆购置及运行|购置及运行/, topic: 'three_public.vehicles' },
  { test: /公务用车购置|车辆购置/, topic: 'three_public.vehicle_purchase', unless: /单价|设备/ },
  { test: /公务用车运行|公务用车运维|车辆运行|公务用车.*(运行|维护)/, topic: 'three_public.vehicle_operation' },
  { test: /公务接待/, topic: 'three_public.reception' },
  { test: /三公/, topic: 'three_public.total', unless: /会议|培训/ },
  { test: /机关运行经费/, topic: 'operating_costs' },
  { test: /政府采购/, topic: 'procurement', unless: /货物|工程|服务|中小企业|小微|小型|预留|授予|面向|合同|占/ },
  { test: /基本支出/, topic: 'expenditure.basic', unless: /人员|公用|结转|结余/ },
  { test: /项目支出/, topic: 'expenditure.project', unless: /结转|结余|绩效|涉及/ },
  { test: /政府性基金/, topic: 'government_fund', unless: /结转|结余/ },
  { test: /国有资本经营/, topic: 'state_capital', unless: /结转|结余/ },
  { test: /一般公共预算/, topic: 'general_budget', unless: /结转|结余|基本|项目|人员|公用/ },
  { test: /财政拨款收入/, topic: 'income.fiscal_appropriation', unless: /结转|结余|总计/ },
  { test: /财政拨款|结转|结余|事业|经营|上级|附属|其他|专户|单位资金|人员|公用|教育收费/, topic: 'other' },
  { test: totalOf('收入'), topic: 'income.total' },
  { test: totalOf('支出'), topic: 'expenditure.total' },
  { test: /收[、,，]?支(预算)?(总计|总额|合计|总预算)|收入支出(预算)?(总计|总额)/, topic: 'income.total' },
];

/**
 * The department's whole income or expenditure: 收入 / 本年支出合计 / 支出预算, alone or right after
 * the year or the department's name (…办事处收入预算), not a narrower line (项目实际支出).
 */
function totalOf(word: string): RegExp {
  return new RegExp(
    `(^|20\\d\\d年度?|本年度?|全年|部门|单位|[局委办部院厅处室站所队心会])(本年|全年|当年)?(总)?${word}(预算|合计|总计|总额|共计|决算)?(数)?$`,
  );
}

const TAIL =
  /财政|拨款|年初|全年|当年|本年|调整后|调整|收入|支出|预算|安排|决算|数|为|是|资金|合计|总额|总计|共计|年度|经费|费用|费|的|合|计|[“”"‘’（）()\s]/g;

function isGenericTail(rest: string): boolean {
  return rest.replace(TAIL, '') === '';
}

/** Words that name no subject on their own: a clause made only of them restates the last subject. */
const GENERIC =
  /20\d\d年度?|当年|本年度?|本部门|本单位|全年|年初|预算|决算|执行数|执行|安排|支出|数|为|是|实际|调整后|调整|金额|资金|共计|经费|完成|统计/g;

/**
 * The topic of the words before a figure (the clause up to it), or undefined when they name none.
 * `isClass` tells a 类 named without （类） (教育支出 180.03万元, in a list by function).
 */
export function topicOf(subject: string, isClass: (name: string) => boolean = () => false): TopicMatch | undefined {
  const words = functionWords(subject);
  if (words) return { topic: 'function', names: words };
  const focus = lastSubject(subject);
  if (isClass(focus)) return { topic: 'function', names: [focus] };
  if (/涉及|用于/.test(focus)) return { topic: 'other' };
  for (const rule of RULES) {
    const m = rule.test.exec(focus);
    if (!m) continue;
    // The topic's words must end the subject: 一般公共预算拨款安排的会议费 is a 会议费, not the budget.
    if (!isGenericTail(focus.slice(m.index + m[0].length))) continue;
    // Words of a topic with words that narrow it (政府采购货物, 人员经费的基本支出): named, but no listed topic.
    return { topic: rule.unless?.test(focus) ? 'other' : rule.topic };
  }
  return undefined;
}

/** A clause that says nothing but years, 预算/决算/安排 and the like: its subject is the last one named. */
export function isGenericSubject(subject: string): boolean {
  return (
    lastSubject(subject)
      .replace(GENERIC, '')
      .replace(/[\s（）()“”"、，,:：;；。.%其中和及与的在了]/g, '') === ''
  );
}

/**
 * The part of a clause that names its figure: after 为/划分为/包括 and the like when something
 * follows them (按功能分类划分为一般公共服务支出 → 一般公共服务支出), without leading ordinals.
 */
export function lastSubject(subject: string): string {
  let s = subject
    .replace(/^[\s（(]*[一二三四五六七八九十\d]+[)）.、．]\s*/, '')
    .replace(/[（(][一二三四五六七八九十\d]+[)）]/g, '');
  const cut = /^(.*?(?:划分为|分别为|包括|其中|主要是))(.+)$/.exec(s);
  if (cut && cut[2]!.replace(GENERIC, '').trim() !== '') s = cut[2]!;
  return s.replace(/(为|是|达|共|约)$/, '').trim();
}
