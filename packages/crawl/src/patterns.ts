/**
 * Which links a crawl follows. County sites put disclosures in a 财政预决算 / 部门预决算 column:
 * list pages (paginated as index_1.html or ?page=2) link to article pages, which hold tables
 * and attachments. Defaults recognise those by link text and by the pinyin abbreviations in
 * addresses (czyjs 财政预决算, bmyjs 部门预决算, yjsgk 预决算公开, jxpj 绩效评价 ...).
 */
import type { ParsedPage } from './html.js';

/** Link text that names a budget, final account or performance disclosure, or a list of them. */
export const DEFAULT_FOLLOW_TEXT = '预算|决算|预决算|绩效|三公|财政资金|政府债务|专项资金';

/** Address fragments of disclosure columns on Chinese government sites. */
export const DEFAULT_FOLLOW_URL =
  'czyjs|bmyjs|zfyjs|yjsgk|yjs|czys|czjs|bmys|bmjs|ysgk|jsgk|jxpj|jxzp|jixiao|yusuan|juesuan|budget';

export const DEFAULT_ATTACHMENT_EXTENSIONS = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.wps', '.et', '.zip', '.rar'];

/** Link text of pagination controls. */
const PAGINATION_TEXT = /^(?:\d{1,4}|下一?页|上一?页|首页|尾页|末页|next|prev(?:ious)?|last|first|>|>>|<|<<|›|»|‹|«)$/i;
/** Addresses of pagination: index_1.html, list_2.htm, ?page=2, &pageNo=3, /page/4. */
const PAGINATION_URL =
  /(?:^|\/)(?:index|list|default)_\d+\.s?html?$|[?&](?:page|pageno|pageindex|pagenum|pn|p|curpage|currentpage)=\d+|\/page\/\d+\/?$/i;

export type LinkKind = 'attachment' | 'pagination' | 'page' | 'skip';

export interface LinkRules {
  follow: RegExp[];
  followUrl: RegExp[];
  exclude: RegExp[];
  attachments: string[];
}

export function compileRules(site: {
  follow: string[];
  followUrl: string[];
  exclude: string[];
  attachments: string[];
}): LinkRules {
  const compile = (sources: string[]) => sources.map((s) => new RegExp(s, 'iu'));
  return {
    follow: compile(site.follow),
    followUrl: compile(site.followUrl),
    exclude: compile(site.exclude),
    attachments: site.attachments,
  };
}

/** Lower-case extension of the address's last path segment ("" when none). */
export function extensionOf(url: URL): string {
  const last = decodeSafe(url.pathname).split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot).toLowerCase() : '';
}

/**
 * What to do with a link found on a page. Attachments and pagination are recognised by address;
 * other pages are followed only when their text or address looks like a disclosure. Attachments on a
 * page are all kept (a crawl only reaches disclosure pages), except on a start page, where their text
 * must look like one too.
 */
export function classifyLink(url: URL, text: string, rules: LinkRules, from: { isStart: boolean }): LinkKind {
  const address = decodeSafe(url.pathname + url.search);
  if (rules.exclude.some((r) => r.test(address))) return 'skip';
  // Chinese file names in addresses are as telling as link text ("附件1" → /up/2023年预算.xls).
  const topical =
    rules.follow.some((r) => r.test(text) || r.test(address)) || rules.followUrl.some((r) => r.test(address));
  if (rules.attachments.includes(extensionOf(url))) return from.isStart && !topical ? 'skip' : 'attachment';
  if (isPagination(url, text)) return 'pagination';
  return topical ? 'page' : 'skip';
}

export function isPagination(url: URL, text: string): boolean {
  return PAGINATION_URL.test(url.pathname + url.search) || (PAGINATION_TEXT.test(text.trim()) && text.trim() !== '');
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Body text outside links above which a page with many disclosure links is still an article (a 说明 with a sidebar). */
const ARTICLE_PROSE_CHARS = 400;

/**
 * A list (followed, not saved) or an article (saved). Amount tables make an article even on a
 * list-like address; otherwise a list-like address, or many disclosure links, no attachment and little prose.
 */
export function pageKind(url: string, page: ParsedPage, rules: LinkRules): 'list' | 'article' {
  if (page.numericCells >= 4) return 'article';
  const u = new URL(url);
  if (isPagination(u, '') || /\/$|\/(?:index|list|default)(?:_\d+)?\.s?html?$/i.test(u.pathname)) return 'list';
  let attachments = 0;
  let pages = 0;
  for (const link of page.links) {
    const target = new URL(link.url);
    if (rules.attachments.includes(extensionOf(target))) attachments++;
    else if (classifyLink(target, link.text, rules, { isStart: false }) === 'page') pages++;
  }
  return attachments === 0 && pages >= 5 && page.proseChars < ARTICLE_PROSE_CHARS ? 'list' : 'article';
}

/** Pagination is followed only within the list's own folder. */
export function sameDirectory(a: URL, b: URL): boolean {
  const dir = (u: URL) => u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return a.host === b.host && dir(a) === dir(b);
}
