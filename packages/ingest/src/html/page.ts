/**
 * A scraped web page: what the site says about the article (title, site, date, URL) is read as
 * clues, then the site chrome (navigation, breadcrumbs, footers, scripts) is cut away so only
 * the article's text and tables become blocks.
 */
import type { DocumentClues } from '@govdocs/core';
import { collapse, elementChildren, type DomNode } from './dom.js';

/** Class/id words that mark site chrome on government sites (nav, 当前位置 crumbs, footers). */
const CHROME_WORD =
  /^(nav|navs|navbar|menu|menus|topnav|subnav|crumb|crumbs|breadcrumb|breadcrumbs|bread|position|location|weizhi|dqwz|footer|foot|bottom|copyright|banquan|sidebar|side|aside|share|toolbar|topbar|top|header|head|banner|logo|search|login|links|friendlink|yqlj|related|xgwz|tools|print)$/i;
// Not <form>: ASP.NET sites wrap the whole page in one.
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
/** Table structure is never chrome, whatever its class says (<tr class="head"> is a header row). */
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col']);
const CHROME_LINE = /^(当前位置|您的位置|您现在的位置|所在位置|首页\s*[>›»])|^【?\s*(打印|关闭|收藏|分享|字体|字号)/;

export function isChromeLine(text: string): boolean {
  return CHROME_LINE.test(text);
}

/** Removes chrome elements in place, except ones holding the article title or a table. */
export function stripChrome(node: DomNode, depth = 0): void {
  if (!node.children || depth > 300) return;
  node.children = node.children.filter((child) => {
    if (child.type === 'comment' || child.type === 'directive') return false;
    if (child.type !== 'tag') return true;
    if (
      isChrome(child) &&
      !TABLE_PARTS.has(child.name!.toLowerCase()) &&
      !holds(child, (n) => n.name === 'table' || n.name === 'h1')
    )
      return false;
    stripChrome(child, depth + 1);
    return true;
  });
}

function isChrome(el: DomNode): boolean {
  if (CHROME_TAGS.has(el.name!.toLowerCase())) return true;
  const words = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`.split(/[\s_-]+/);
  return words.some((w) => CHROME_WORD.test(w));
}

function holds(node: DomNode, test: (n: DomNode) => boolean, depth = 0): boolean {
  if (depth > 300) return false;
  return elementChildren(node).some((c) => test(c) || holds(c, test, depth + 1));
}

function find(node: DomNode, test: (n: DomNode) => boolean, depth = 0): DomNode | undefined {
  if (depth > 300) return undefined;
  for (const child of elementChildren(node)) {
    if (test(child)) return child;
    const inner = find(child, test, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

function textOf(node: DomNode | undefined, depth = 0): string {
  if (!node || depth > 300) return '';
  if (node.type === 'text') return node.data ?? '';
  if (node.type === 'tag' && ['script', 'style'].includes(node.name!)) return '';
  return (node.children ?? []).map((c) => textOf(c, depth + 1)).join('');
}

const SITE_SUFFIX = /(人民政府|政府网|政府门户网站|门户网站|网站|网|政府|财政局|公开)$/;

/** Title, site, publish date and URL as the page states them. */
export function readClues(root: DomNode): DocumentClues {
  const meta = (pred: (a: Record<string, string>) => boolean) =>
    find(root, (n) => n.name === 'meta' && pred(n.attribs ?? {}))?.attribs?.content?.trim();
  const named = (name: string) => meta((a) => (a.name ?? a.property ?? '').toLowerCase() === name.toLowerCase());
  const pageTitle = collapse(textOf(find(root, (n) => n.name === 'title')));
  const [titlePart, sitePart] = splitPageTitle(pageTitle);
  const h1 = collapse(textOf(find(root, (n) => n.name === 'h1')));
  const clues: DocumentClues = {};
  const title = named('ArticleTitle') ?? named('og:title') ?? (h1 || titlePart);
  if (title) clues.title = title;
  const site = named('SiteName') ?? named('og:site_name') ?? named('sitename') ?? sitePart;
  if (site) clues.site = site;
  const url =
    find(root, (n) => n.name === 'link' && (n.attribs?.rel ?? '').toLowerCase() === 'canonical')?.attribs?.href ??
    named('og:url') ??
    named('Url');
  if (url && /^https?:\/\//i.test(url)) clues.url = url.trim();
  const published =
    isoDate(named('PubDate') ?? named('article:published_time') ?? named('publishdate') ?? '') ??
    publishedInText(collapse(textOf(root)));
  if (published) clues.published = published;
  return clues;
}

/** "文章标题_XX县人民政府" / "标题 - 站名" → [title, site] (the site is the part that names a site). */
function splitPageTitle(title: string): [string | undefined, string | undefined] {
  const parts = title.split(/\s*(?:[_|｜]|\s[-–—]\s|-(?=[^-]*$))\s*/).filter(Boolean);
  if (parts.length < 2) return [title || undefined, undefined];
  const last = parts[parts.length - 1];
  if (SITE_SUFFIX.test(last)) return [parts.slice(0, -1).join('_'), last];
  return [title, undefined];
}

const DATE_IN_TEXT =
  /(?:发布|发表|公开|印发|更新|成文)?(?:时间|日期)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

function publishedInText(text: string): string | undefined {
  const m = DATE_IN_TEXT.exec(text);
  return m ? iso(m[1], m[2], m[3]) : undefined;
}

function isoDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(text);
  return m ? iso(m[1], m[2], m[3]) : undefined;
}

function iso(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
