#!/usr/bin/env node
/**
 * Rebuilds the office/web fixtures of packages/ingest (src/fixtures/): small workbooks, Word files
 * and web pages in the shapes the ingest must read, plus bad inputs. Deterministic; run after
 * `pnpm build` (it uses the package's own zip writer from dist/):
 *
 *   node scripts/make-office-fixtures.mjs
 *
 * Optional tool, used when present: LibreOffice (`soffice`, for the legacy .doc).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'packages/ingest/package.json'));
const XLSX = require('@e965/xlsx');
const { writeZip } = await import(join(root, 'packages/ingest/dist/zip/write.js'));
const out = join(root, 'packages/ingest/src/fixtures');

function save(name, bytes) {
  writeFileSync(join(out, name), bytes);
  console.log(`${name}\t${bytes.length} bytes`);
}

// ---------- workbooks ----------

function workbook(sheets, bookType) {
  const wb = XLSX.utils.book_new();
  for (const { name, rows, merges = [], formats = {}, hiddenRows = [], hiddenCols = [] } of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    for (const [ref, z] of Object.entries(formats)) ws[ref].z = z;
    if (hiddenRows.length) ws['!rows'] = hiddenRows.reduce((a, r) => Object.assign(a, { [r]: { hidden: true } }), []);
    if (hiddenCols.length) ws['!cols'] = hiddenCols.reduce((a, c) => Object.assign(a, { [c]: { hidden: true } }), []);
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  wb.Props = { CreatedDate: new Date(Date.UTC(2024, 0, 1)) };
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true });
}

// Two tables on one sheet: each with a merged title, a code and 部门/单位 row; separated by a blank row,
// the third starts right under the second's last row with its own title row. Numbers: formatted,
// General with cents past Excel's General width, and text.
const multi = {
  name: '部门预算',
  rows: [
    ['部门收支总表'],
    [null, null, '表1'],
    ['部门：示例县财政局', null, '金额单位：万元'],
    ['项目', '预算数', '备考'],
    ['一般公共预算拨款收入', 1234.5, null],
    ['合计', 1234.5, null],
    [],
    ['部门支出总表'],
    ['单位：元'],
    ['科目编码', '科目名称', '合计'],
    ['201', '一般公共服务支出', 12345678901.23],
    ['20101', '人大事务', 0.1 + 0.2],
    ['“三公”经费支出表'],
    [null, null, '表3'],
    ['项目', '预算数', '决算数'],
    ['公务接待费', 3.28, 2.5],
    ['注：本表为示例。'],
  ],
  merges: ['A1:C1', 'A8:C8', 'A13:C13', 'A17:C17'],
  formats: { B5: '#,##0.00', B6: '#,##0.00', C12: 'General' },
};
save('multi-table.xlsx', workbook([multi], 'xlsx'));

// Legacy BIFF8 .xls with a vertically merged header.
const legacy = {
  name: '收入决算表',
  rows: [
    ['收入决算表'],
    ['编制单位：示例县财政局', null, null, '金额单位：元'],
    ['科目编码', '科目名称', '本年收入', null],
    [null, null, '合计', '财政拨款收入'],
    ['201', '一般公共服务支出', 1000.5, 1000.5],
    ['合计', null, 1000.5, 1000.5],
  ],
  merges: ['A1:D1', 'A3:A4', 'B3:B4', 'C3:D3', 'A6:B6'],
  formats: { C5: '0.00', D5: '0.00', C6: '0.00', D6: '0.00' },
};
save('legacy.xls', workbook([legacy], 'biff8'));

// Hidden helper column (B) and hidden row (4) a reader never sees; the title merge spans the hidden column.
save(
  'hidden.xlsx',
  workbook(
    [
      {
        name: 'Sheet1',
        rows: [
          ['支出决算表', null, null, null],
          ['项目', '辅助列', '决算数', '备注'],
          ['合计', 'x', '3.00', null],
          ['旧数据', 'y', '999.00', null],
          ['公务接待费', 'z', '3.00', '无'],
        ],
        merges: ['A1:D1'],
        hiddenRows: [3],
        hiddenCols: [1],
      },
    ],
    'xlsx',
  ),
);

// Hostile names: sheets and cells called __proto__ / constructor must not reach Object.prototype.
save(
  'proto.xlsx',
  workbook(
    [
      {
        name: '__proto__',
        rows: [
          ['__proto__', 'polluted'],
          ['constructor', 'prototype'],
          ['1', '2'],
        ],
      },
      {
        name: 'constructor',
        rows: [
          ['toString', 'valueOf'],
          ['hasOwnProperty', '__defineGetter__'],
          ['prototype', '3'],
        ],
      },
    ],
    'xlsx',
  ),
);

// A zip bomb shaped as an XLSX: one entry of 64 MiB of zeros (compresses ~1000×).
save(
  'bomb.xlsx',
  writeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
    { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(64 * 1024 * 1024) },
  ]),
);

// Not a zip at all, though it starts like one.
save(
  'not-a-zip.docx',
  new Uint8Array(
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('this is not really a zip file '.repeat(8))]),
  ),
);

// ---------- Word ----------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${para(text)}</w:tc>`;
const row = (...cells) => `<w:tr>${cells.join('')}</w:tr>`;
const vStart = '<w:vMerge w:val="restart"/>';
const vCont = '<w:vMerge/>';
const span = (n) => `<w:gridSpan w:val="${n}"/>`;
const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
${para('示例县财政局2024年部门预算')}
${para('一般公共预算支出表')}
${para('表5')}
${para('部门：示例县财政局　　　　金额单位：万元')}
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
${row(cell('科目编码', vStart), cell('科目名称', vStart), cell('合计', vStart), cell('基本支出', span(2)))}
${row(cell('', vCont), cell('', vCont), cell('', vCont), cell('人员经费'), cell('公用经费'))}
${row(cell('201'), cell('一般公共服务支出'), cell('30.00'), cell('20.00'), cell('10.00'))}
${row(cell('合计', span(2)), cell('30.00'), cell('20.00'), cell('10.00'))}
</w:tbl>
${para('注：本表金额均为示例。')}
${para('二、部门预算情况说明')}
${para('本部门2024年收入预算30万元。')}
</w:body></w:document>`;
const docx = writeZip([
  {
    name: '[Content_Types].xml',
    data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  },
  {
    name: '_rels/.rels',
    data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  },
  { name: 'word/document.xml', data: documentXml },
]);
save('vmerge.docx', docx);

// ---------- web pages ----------

/** text → bytes in a legacy encoding, from the inverse of Node's own decoder (no iconv needed). */
function encodeLegacy(text, encoding) {
  const decoder = new TextDecoder(encoding);
  const map = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  const bytes = [];
  for (const ch of text) {
    if (ch.codePointAt(0) < 0x80) bytes.push(ch.codePointAt(0));
    else if (map.has(ch)) bytes.push(...map.get(ch));
    else throw new Error(`${ch} has no ${encoding} encoding`);
  }
  return new Uint8Array(bytes);
}

const page = ({ charset, title, site, h1, date, tables }) => `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<meta name="SiteName" content="${site}"><link rel="canonical" href="http://www.example.gov.cn/zwgk/2024/0515/art_1.html">
<title>${title}_${site}</title><style>.nav{color:red}</style><script>var 部门 = "不要读我";</script></head><body>
<div class="header"><div class="logo">${site}</div><ul class="nav"><li><a href="/">首頁</a></li><li>政務公開</li></ul></div>
<div class="bread-crumb">当前位置：<a href="/">首页</a> &gt; 财政预决算</div>
<table width="100%"><tr><td><table><tr><td>
<div class="article"><h1>${h1}</h1><div class="info">发布时间：${date}</div>
${tables}
</div>
</td></tr></table></td></tr></table>
<div class="footer">主办单位：${site} 网站标识码：0000000000</div></body></html>`;

const gbkTables = `<p align="center"><b>部门收支总表</b></p><p align="right">表1</p><p>部门：示例县财政局　　金额单位：万元</p>
<table border="1"><tr><td colspan=2>收入</td><td colspan=2>支出</td></tr>
<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
<tr><td>一般公共预算拨款收入</td><td>1,234.50</td><td>一般公共服务支出</td><td>1,234.50</td></tr>
<tr><td>合计</td><td>1,234.50</td><td>合计</td><td>1,234.50</td></tr></table>
<table border="1"><tr><td colspan="3">部门支出总表</td></tr><tr><td colspan="3" align="right">单位：元</td></tr>
<tr><td rowspan="2">科目名称</td><td colspan="2">本年支出</td></tr><tr><td>基本支出</td><td>项目支出</td></tr>
<tr><td>人大事务</td><td>10.00</td><td>&nbsp;</td></tr></table>`;
save(
  'gbk.html',
  encodeLegacy(
    page({
      charset: 'gb2312',
      title: '示例县财政局2024年部门预算',
      site: '示例县人民政府',
      h1: '示例县财政局2024年部门预算',
      date: '2024-05-15',
      tables: gbkTables,
    }),
    'gbk',
  ),
);

const tradTables = `<p align="center"><b>部門收支總表</b></p><p align="right">表1</p><p>部門：示例縣財政局　　金額單位：萬元</p>
<table border="1"><tr><td colspan=2>收入</td><td colspan=2>支出</td></tr>
<tr><td>項目</td><td>預算數</td><td>項目（按功能分類）</td><td>預算數</td></tr>
<tr><td>一般公共預算撥款收入</td><td>551.71</td><td>一般公共服務支出</td><td>551.71</td></tr>
<tr><td>合計</td><td>551.71</td><td>合計</td><td>551.71</td></tr></table>`;
const toTraditional = require('opencc-js').Converter({ from: 'cn', to: 'tw' });
const tradPage = toTraditional(
  page({
    charset: 'big5',
    title: '示例縣財政局2024年部門預算',
    site: '示例縣人民政府',
    h1: '示例縣財政局2024年部門預算',
    date: '2024年5月15日',
    tables: tradTables,
  }),
);
save('big5.html', encodeLegacy(tradPage, 'big5'));
save('big5-labelled-gb2312.html', encodeLegacy(tradPage.replace('charset=big5', 'charset=gb2312'), 'big5'));
save('traditional.html', new TextEncoder().encode(tradPage.replace('charset=big5', 'charset=utf-8')));

// A password-protected workbook as Office writes one: an OLE compound file holding EncryptionInfo
// and EncryptedPackage streams (the payload here is random-looking filler; no reader can open it
// without the password either way). Debian's msoffcrypto-tool 5.0 only decrypts, so it is built here.
const encrypted = XLSX.CFB.utils.cfb_new();
XLSX.CFB.utils.cfb_add(
  encrypted,
  '/EncryptionInfo',
  Buffer.concat([
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>',
    ),
  ]),
);
XLSX.CFB.utils.cfb_add(
  encrypted,
  '/EncryptedPackage',
  Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73 + 41) % 256)),
);
save('encrypted.xlsx', new Uint8Array(XLSX.CFB.write(encrypted, { type: 'buffer', fileType: 'cfb' })));

// ---------- optional: LibreOffice ----------

const work = mkdtempSync(join(tmpdir(), 'fixtures-'));
try {
  if (hasCommand('soffice')) {
    writeFileSync(join(work, 'vmerge.docx'), docx);
    execFileSync('soffice', ['--headless', '--convert-to', 'doc', '--outdir', work, join(work, 'vmerge.docx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    if (existsSync(join(work, 'vmerge.doc'))) save('legacy.doc', readFileSync(join(work, 'vmerge.doc')));
  } else console.log('soffice not found: legacy.doc not rebuilt');
} finally {
  rmSync(work, { recursive: true, force: true });
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
