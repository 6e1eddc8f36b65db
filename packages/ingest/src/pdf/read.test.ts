import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../index.js';
import { cleanTitle, readPdfLayout } from './read.js';
import { pagesPdf, stream, tinyPdf } from './fixtures/tiny-pdf.js';

const here = import.meta.dirname;
const fixture = (name: string) => new Uint8Array(readFileSync(join(here, 'fixtures', name)));
const tableFixture = (name: string) =>
  new Uint8Array(readFileSync(join(here, '../../../tables/src/pdf/fixtures', name)));

const texts = (layout: Awaited<ReturnType<typeof readPdfLayout>>, page = 0) =>
  layout.pages[page].texts.map((t) => t.text);

describe('readPdfLayout on LibreOffice PDFs', () => {
  it('gives CJK words whole, figures apart, boxes inside the page', async () => {
    const layout = await readPdfLayout(tableFixture('borderless.pdf'));
    expect(layout.problems).toEqual([]);
    const words = texts(layout);
    expect(words).toContain('“三公”经费支出表');
    expect(words).toContain('公务用车购置及运行费');
    expect(words).toContain('36,000.00');
    const page = layout.pages[0];
    for (const t of page.texts) {
      expect(t.bbox[0]).toBeGreaterThanOrEqual(0);
      expect(t.bbox[2]).toBeLessThanOrEqual(page.width);
      expect(t.bbox[1]).toBeLessThan(t.bbox[3]);
    }
    // Top-left origin: the title is above the table's total row.
    const title = page.texts.find((t) => t.text === '“三公”经费支出表')!;
    const total = page.texts.find((t) => t.text === '36,000.00')!;
    expect(title.bbox[1]).toBeLessThan(total.bbox[1]);
  });

  it('reads ruling lines of a ruled table', async () => {
    const layout = await readPdfLayout(tableFixture('repeated-header.pdf'));
    expect(layout.pageCount).toBe(3);
    const rules = layout.pages[0].rules;
    expect(rules.filter((r) => r.y0 === r.y1).length).toBeGreaterThan(10);
    expect(rules.filter((r) => r.x0 === r.x1).length).toBeGreaterThanOrEqual(5);
  });

  it('turns a page shown with /Rotate 90 back so its text reads left to right', async () => {
    const plain = await readPdfLayout(tableFixture('borderless.pdf'));
    const turned = await readPdfLayout(tableFixture('rotated.pdf'));
    const p = turned.pages[0];
    expect(p.width).toBeCloseTo(plain.pages[0].width, 0);
    expect(texts(turned).sort()).toEqual(texts(plain).sort());
    const label = p.texts.find((t) => t.text === '公务接待费')!;
    const figure = p.texts.find((t) => t.text === '6,000.00' && Math.abs(t.bbox[1] - label.bbox[1]) < 5)!;
    expect(figure.bbox[0]).toBeGreaterThan(label.bbox[2]);
  });
});

describe('readPdfLayout on drawn pages', () => {
  it('drops a glyph run drawn twice for fake bold, keeps a space between Latin words', async () => {
    const content = 'BT /F1 12 Tf 100 700 Td (Total 12.50) Tj ET BT /F1 12 Tf 100.3 700 Td (Total 12.50) Tj ET';
    const layout = await readPdfLayout(pagesPdf([content]));
    expect(texts(layout)).toEqual(['Total 12.50']);
  });

  it('splits a run that crosses a vertical ruling', async () => {
    // "AAAA BBBB" with a ruling drawn between the two words' middle characters.
    const content =
      'BT /F1 12 Tf 100 700 Td (AAAABBBB) Tj ET 0.5 w 134 690 m 134 720 l S 90 690 m 90 720 l S 180 690 m 180 720 l S';
    const layout = await readPdfLayout(pagesPdf([content]));
    expect(texts(layout)).toEqual(['AAAA', 'BBBB']);
    expect(layout.pages[0].rules.filter((r) => r.x0 === r.x1).map((r) => r.x0)).toEqual(
      expect.arrayContaining([90, 134, 180]),
    );
  });

  it('turns a portrait page whose content is drawn rotated (a landscape table) to read left to right', async () => {
    // Everything drawn under a quarter turn: text runs up the page.
    const content =
      'q 0 1 -1 0 612 0 cm BT /F1 12 Tf 72 500 Td (Item) Tj 200 0 Td (12.50) Tj ET 60 490 m 400 490 l S Q';
    const layout = await readPdfLayout(pagesPdf([content]));
    const p = layout.pages[0];
    expect([p.width, p.height]).toEqual([792, 612]);
    const [item, figure] = ['Item', '12.50'].map((t) => p.texts.find((w) => w.text === t)!);
    expect(figure.bbox[0]).toBeGreaterThan(item.bbox[2]);
    expect(Math.abs(figure.bbox[1] - item.bbox[1])).toBeLessThan(1);
    // The rule under the text is horizontal once the page is turned, below the words.
    const rule = p.rules.find((r) => r.y0 === r.y1)!;
    expect(rule.y0).toBeGreaterThan(item.bbox[3]);
  });

  it('tracks transforms: a rectangle drawn under a scale is placed in page points', async () => {
    const content = 'q 2 0 0 2 0 0 cm 50 50 100 20 re S Q';
    const layout = await readPdfLayout(pagesPdf([content]));
    const horizontal = layout.pages[0].rules.filter((r) => r.y0 === r.y1).map((r) => [r.x0, r.y0, r.x1]);
    // y from the top: 792 - 2·50 = 692 and 792 - 2·70 = 652.
    expect(horizontal).toEqual(
      expect.arrayContaining([
        [100, 652, 300],
        [100, 692, 300],
      ]),
    );
  });

  it('flags a page covered by an image with no text as scanned and reads the other pages', async () => {
    const image = stream(
      '\x80',
      '/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 ',
    );
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 7 0 R >> >> /Contents 4 0 R >>',
      stream('q 612 0 0 792 0 0 cm /Im1 Do Q'),
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 8 0 R >> >> /Contents 6 0 R >>',
      stream('BT /F1 12 Tf 72 700 Td (Page two) Tj ET'),
      image,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    const layout = await readPdfLayout(tinyPdf(objects));
    expect(layout.pages[0].scanned).toBe(true);
    expect(layout.problems).toEqual([
      expect.objectContaining({
        rule: 'parse.scanned',
        page: 1,
        message: expect.stringContaining('OCR not available'),
      }),
    ]);
    expect(texts(layout, 1)).toEqual(['Page two']);
  });

  it('reports a page that cannot be read and keeps the others', async () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R >>',
      stream('BT /F1 12 Tf 72 700 Td (Page one) Tj ET'),
      '42',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    const layout = await readPdfLayout(tinyPdf(objects));
    expect(texts(layout)).toEqual(['Page one']);
    expect(layout.problems.map((p) => [p.rule, p.page])).toEqual([['parse.page', 2]]);
  });
});

describe('bad PDFs give a document issue and no crash', () => {
  const run = (bytes: Uint8Array) => ingest({ path: 'x.pdf', bytes });

  it('corrupt bytes after a PDF header', async () => {
    const bytes = new Uint8Array(4000);
    bytes.set(Buffer.from('%PDF-1.7\n'));
    for (let i = 9; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const result = await run(bytes);
    expect(result.value).toBeNull();
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['document.corrupt']);
  });

  it('a truncated file', async () => {
    const whole = tableFixture('repeated-header.pdf');
    const result = await run(whole.subarray(0, Math.floor(whole.length * 0.3)));
    const rules = result.diagnostics.map((d) => d.rule);
    // Either nothing could be read, or the pages that were cut off are reported.
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r === 'document.corrupt' || r === 'parse.page' || r === 'document.empty')).toBe(true);
  });

  it('an encrypted file that needs a password', async () => {
    const result = await run(fixture('encrypted-password.pdf'));
    expect(result.value).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'document.encrypted', severity: 'error', place: { file: 'x.pdf' } }),
    ]);
  });

  it('an encrypted file with an empty user password is read, with a warning', async () => {
    const result = await run(fixture('encrypted-empty-password.pdf'));
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'document.encrypted', severity: 'warning' })]);
    expect(result.value?.layout?.[0].texts.map((t) => t.text)).toContain('公务接待费');
  });

  it('a PDF with no pages', async () => {
    const result = await run(tinyPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']));
    expect(result.value).toBeNull();
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['document.empty']);
  });

  it('a web page named .pdf is not read as a PDF', async () => {
    const result = await run(new Uint8Array(Buffer.from('收入决算表\n合计\t100.00\n')));
    expect(result.diagnostics.some((d) => d.rule.startsWith('document.corrupt'))).toBe(false);
    expect(result.value?.source.mediaType).toBe('text/plain');
  });

  it('a good PDF becomes a document model with a layout', async () => {
    const result = await run(tableFixture('wrapped-labels.pdf'));
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.source.mediaType).toBe('application/pdf');
    expect(result.value?.pageCount).toBe(1);
    expect(result.value?.layout?.[0].page).toBe(1);
  });
});

describe('the title in the file properties', () => {
  it('is cleaned of the exporting program and extension, and dropped when it has no Chinese', () => {
    expect(cleanTitle('Microsoft Word - 2023年县财政局部门预算.docx')).toBe('2023年县财政局部门预算');
    expect(cleanTitle('Untitled')).toBeNull();
  });

  it('becomes the document clue title', async () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
      stream(''),
      '<< /Title <FEFF00320030003200335E74> >>',
    ];
    const bytes = tinyPdf(objects).slice();
    const text = Buffer.from(bytes).toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Info 5 0 R');
    const result = await ingest({ path: 'x.pdf', bytes: new Uint8Array(Buffer.from(text, 'latin1')) });
    expect(result.value?.clues.title).toBe('2023年');
  });
});
