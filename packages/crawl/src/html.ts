/**
 * An HTML page's bytes → its title and links. Charset from the Content-Type header, else the
 * page's <meta>, else detection (GBK pages are common and often undeclared); decoding is
 * @govdocs/ingest's decodeText. Malformed HTML never throws: cheerio repairs what it can.
 */
import { load, type CheerioAPI } from 'cheerio';
import { declaredCharset, decodeText, isValidUtf8 } from '@govdocs/ingest';

export interface PageLink {
  url: string;
  text: string;
}

export interface ParsedPage {
  title: string;
  links: PageLink[];
  encoding: string;
  /** Table cells holding an amount: article pages hold their tables inline, lists lay out links in tables. */
  numericCells: number;
  /** Characters of body text outside links: articles have prose, lists mostly links. */
  proseChars: number;
}

/** Links kept per page: a page with more is a link farm, not a disclosure list. */
const MAX_LINKS = 2000;
/** An amount, not a serial number (1, 2, 3 …) or a year: decimals, thousands separators or 3+ digits. */
const AMOUNT = /^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$|^-?\d+\.\d+$|^-?(?!(?:19|20)\d\d$)\d{3,}$/;

export function parsePage(bytes: Uint8Array, pageUrl: string, contentType: string | null): ParsedPage {
  const declared = chooseCharset(charsetOf(contentType), bytes);
  const { text, encoding } = decodeText(bytes, declared);
  const $ = load(text);
  const baseHref = $('base[href]').attr('href');
  const base = resolveUrl(baseHref ?? '', pageUrl) ?? pageUrl;
  const links: PageLink[] = [];
  const seen = new Set<string>();
  const collect = ($doc: CheerioAPI) => {
    $doc('a[href], area[href]').each((_, el) => {
      if (links.length >= MAX_LINKS) return false;
      const url = resolveUrl($doc(el).attr('href') ?? '', base);
      if (!url || seen.has(url)) return;
      seen.add(url);
      links.push({ url, text: squash($doc(el).text() || $doc(el).attr('title') || '') });
    });
  };
  collect($);
  // Many CMSs ship the list inside a script (<script type="text/xml"><record><![CDATA[<a href=…>]]>).
  $('script').each((_, el) => {
    const code = $(el).text();
    if (/<a\s[^>]*href/i.test(code)) collect(load(code.replace(/<!\[CDATA\[|\]\]>/g, '')));
  });
  const title = squash($('title').first().text()) || squash($('h1').first().text());
  let numericCells = 0;
  $('td, th').each((_, el) => {
    if (AMOUNT.test($(el).text().trim())) numericCells++;
    if (numericCells >= 20) return false;
  });
  $('script, style').remove();
  const linkChars = $('body a').text().replace(/\s+/g, '').length;
  const proseChars = Math.max(0, $('body').text().replace(/\s+/g, '').length - linkChars);
  return { title, links, encoding, numericCells, proseChars };
}

/** An absolute http(s) address without fragment, or null for javascript:, mailto: and garbage. */
export function resolveUrl(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (/^(?:javascript|mailto|tel|data):/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

export function charsetOf(contentType: string | null): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] : undefined;
}

/**
 * The header's charset, unless it says UTF-8 and the bytes are not (servers default to UTF-8 for
 * GBK pages): then the page's own <meta>, else detection.
 */
function chooseCharset(header: string | undefined, bytes: Uint8Array): string | undefined {
  if (header && !(/^utf-?8$/i.test(header) && !isValidUtf8(bytes))) return header;
  return declaredCharset(bytes);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

export function isHtml(contentType: string | null, bytes: Uint8Array): boolean {
  if (contentType && /html|xhtml/i.test(contentType)) return true;
  if (contentType && !/text\/plain|octet-stream/i.test(contentType)) return false;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:head|body|title)[\s>]/.test(head);
}
