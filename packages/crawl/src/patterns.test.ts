import { describe, expect, it } from 'vitest';
import {
  classifyLink,
  compileRules,
  DEFAULT_ATTACHMENT_EXTENSIONS,
  DEFAULT_FOLLOW_TEXT,
  DEFAULT_FOLLOW_URL,
} from './patterns.js';
import { storagePath } from './store.js';
import { isAllowedHost } from './config.js';
import { parsePage } from './html.js';
import { encodeGbk } from './fixtures/site.js';

const rules = compileRules({
  follow: [DEFAULT_FOLLOW_TEXT],
  followUrl: [DEFAULT_FOLLOW_URL],
  exclude: ['/print/'],
  attachments: DEFAULT_ATTACHMENT_EXTENSIONS,
});
const kind = (href: string, text: string, isStart = false) =>
  classifyLink(new URL(href, 'http://www.xp.gov.cn/zwgk/czyjs/'), text, rules, { isStart });

describe('which links are followed', () => {
  it('recognises disclosure pages by text or address, attachments, and pagination', () => {
    expect(kind('t20230115_1.html', '新平县财政局2023年部门预算公开')).toBe('page');
    expect(kind('/zwgk/bmyjs/', '部门')).toBe('page');
    expect(kind('/news/t1.html', '县长调研春耕')).toBe('skip');
    expect(kind('/up/a.XLSX', '附件1')).toBe('attachment');
    expect(kind('/up/a.pdf', '附件1', true)).toBe('skip'); // an off-topic attachment on a start page
    expect(kind('/up/2023预算.pdf', '附件1', true)).toBe('attachment');
    expect(kind('index_3.html', '3')).toBe('pagination');
    expect(kind('list.jsp?page=2', '下一页')).toBe('pagination');
    expect(kind('/print/t1.html', '预算')).toBe('skip');
  });

  it('checks hosts with and without a port', () => {
    expect(isAllowedHost(new URL('http://www.xp.gov.cn:8080/a'), ['www.xp.gov.cn'])).toBe(true);
    expect(isAllowedHost(new URL('http://www.xp.gov.cn:8080/a'), ['www.xp.gov.cn:80'])).toBe(false);
    expect(isAllowedHost(new URL('http://www.xp.gov.cn/a'), ['www.xp.gov.cn:80'])).toBe(true);
    expect(isAllowedHost(new URL('http://evil.xp.gov.cn/a'), ['xp.gov.cn'])).toBe(false);
    expect(isAllowedHost(new URL('ftp://www.xp.gov.cn/a'), ['www.xp.gov.cn'])).toBe(false);
  });
});

describe('saved file names', () => {
  it('keeps the address readable and never leaves DIR', () => {
    expect(storagePath('http://127.0.0.1:8080/zwgk/czyjs/', 'text/html')).toBe('127.0.0.1_8080/zwgk/czyjs/index.html');
    expect(storagePath('http://h/up/%E9%A2%84%E7%AE%97.xls', 'application/vnd.ms-excel')).toBe('h/up/预算.xls');
    expect(storagePath('http://h/a/%2e%2e/%2e%2e/etc%2Fpasswd', null)).toBe('h/etc_passwd.bin'); // the URL parser drops the dot segments
    expect(storagePath('http://h/a/..%2f..%2fx.pdf', null)).toBe('h/a/__.._x.pdf');
    expect(storagePath('http://h/down.jsp?id=3', 'application/pdf')).toMatch(/^h\/down_q[0-9a-f]{10}\.jsp\.pdf$/);
    expect(storagePath('http://h/t1.htm', 'text/html; charset=gbk')).toBe('h/t1.htm');
    expect(storagePath('http://h/a.pdf', 'application/octet-stream')).toBe('h/a.pdf');
    const long = storagePath(`http://h/${'预'.repeat(300)}.pdf`, 'application/pdf');
    expect([...long.split('/')[1]].length).toBeLessThanOrEqual(80);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('page parsing', () => {
  it('decodes an undeclared GBK page and resolves links against <base>', () => {
    const html =
      '<html><head><title>财政预决算</title><base href="http://h/x/"></head><body><a href="t1.html">2023年预算</a><a href="javascript:void(0)">打印</a><a href="mailto:a@b">信箱</a><table><td>1,234.00</td></table>';
    const page = parsePage(encodeGbk(html), 'http://h/zwgk/', 'text/html');
    expect(page.title).toBe('财政预决算');
    expect(page.encoding).toBe('gb18030');
    expect(page.links).toEqual([{ url: 'http://h/x/t1.html', text: '2023年预算' }]);
    expect(page.numericCells).toBe(1);
  });

  it('reads a GBK page that the server calls UTF-8', () => {
    const page = parsePage(
      encodeGbk('<html><head><meta charset="gbk"><title>部门决算公开</title></head></html>'),
      'http://h/',
      'text/html; charset=UTF-8',
    );
    expect(page.title).toBe('部门决算公开');
  });

  it('never throws on garbage', () => {
    const page = parsePage(
      new Uint8Array([0x3c, 0x61, 0x20, 0x68, 0x72, 0x65, 0x66, 0x3d, 0x22, 0xff, 0xfe, 0x00, 0x3c]),
      'http://h/',
      null,
    );
    expect(page.links.length).toBeLessThanOrEqual(1);
  });
});

describe('lists and articles', () => {
  const site = 'http://h/zwgk/czyjs/';
  const sidebar = Array.from(
    { length: 6 },
    (_, i) => `<li><a href="/zwgk/czyjs/t${i}.html">${2018 + i}年部门预算公开</a></li>`,
  ).join('');

  it('finds links a CMS ships inside a script', () => {
    const html = `<html><title>预决算</title><body><script type="text/xml"><datastore><recordset>
      <record><![CDATA[<li><a href="/art/2023/1/5/art_1_1.html" title="2023年预算">2023年预算公开</a></li>]]></record>
    </recordset></datastore></script></body></html>`;
    const page = parsePage(new TextEncoder().encode(html), site, 'text/html; charset=utf-8');
    expect(page.links).toEqual([{ url: 'http://h/art/2023/1/5/art_1_1.html', text: '2023年预算公开' }]);
  });

  it('tells a list from an article with a sidebar of disclosure links', async () => {
    const { pageKind } = await import('./patterns.js');
    const parse = (body: string, url: string) =>
      parsePage(new TextEncoder().encode(`<html><title>t</title><body>${body}</body></html>`), url, 'text/html');
    const article = `t20230115_1.html`;
    expect(pageKind(`${site}more.html`, parse(`<ul>${sidebar}</ul>`, `${site}more.html`), rules)).toBe('list');
    expect(
      pageKind(
        site + article,
        parse(`<p>${'根据预算法规定，现将本部门预算情况说明如下。'.repeat(30)}</p><ul>${sidebar}</ul>`, site + article),
        rules,
      ),
    ).toBe('article');
    expect(
      pageKind(site + article, parse(`<ul>${sidebar}</ul><a href="/up/a.xls">附件</a>`, site + article), rules),
    ).toBe('article');
    expect(
      pageKind(
        site,
        parse(`<table><tr><td>1,234.00</td><td>2.50</td><td>300</td><td>4.00</td></tr></table>`, site),
        rules,
      ),
    ).toBe('article');
    expect(pageKind(`${site}index_2.html`, parse('<p>短</p>', `${site}index_2.html`), rules)).toBe('list');
  });
});

describe('the example config', () => {
  it('is valid and gets the documented defaults', async () => {
    const { loadConfig } = await import('./config.js');
    const loaded = loadConfig(new URL('../sites.example.json', import.meta.url).pathname);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    expect(loaded.config.sites[0]).toMatchObject({
      maxListPages: 50,
      timeoutMs: 30_000,
      retries: 2,
      maxRedirects: 5,
      attachments: DEFAULT_ATTACHMENT_EXTENSIONS,
    });
    expect(loaded.config.parallelSites).toBe(4);
  });
});
