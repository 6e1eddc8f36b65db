import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore, type CoreModule } from './core.js';
import { assetPaths, pdfjs } from './engine.js';

const ocrFixtures = new URL('../ocr/fixtures/', import.meta.url);
const workerFile = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.worker.mjs');

describe('patches/pdfjs-dist@5.6.205.patch', () => {
  it('is applied to the installed pdf.js (an upgrade must carry it over, or core.ts stops working)', async () => {
    const source = readFileSync(workerFile, 'utf8');
    // Four hunks: the exports, two state clones without prototype chains, and skipImageData.
    expect(source.match(/govdocs patch/g)).toHaveLength(4);
    expect(source).toContain('if (!this.options.skipImageData)');
    expect(source).not.toMatch(/const clone = Object\.create\(this\)|Object\.assign\(Object\.create\(this\), this\)/);
    const core = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    expect(typeof core.LocalPdfManager).toBe('function');
    expect(typeof core.setVerbosityLevel).toBe('function');
    expect(core.OPS).toEqual((await pdfjs()).OPS);
  });
});

describe('openCore', () => {
  // A text page and a page drawn as one picture: text, rulings and the image operator all show.
  for (const name of ['doc002.pdf', 'doc002-mixed.pdf']) {
    it(`gives ${name}'s text items and operators exactly as pdf.js's public API does`, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(name, ocrFixtures)));
      const lib = await pdfjs();
      const api = await lib.getDocument({ data: new Uint8Array(bytes), ...assetPaths(), cMapPacked: true, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
      const core = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown as CoreModule;
      const doc = await openCore(core, new Uint8Array(bytes), assetPaths());
      try {
        expect(doc.numPages).toBe(api.numPages);
        let images = 0;
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await api.getPage(n);
          const text = await page.getTextContent();
          const mine = await doc.textItems(n);
          expect(mine.map(({ str, width, transform }) => ({ str, width, transform }))).toEqual(
            text.items.map((item) => ('str' in item ? { str: item.str, width: item.width, transform: item.transform } : item)),
          );
          const list = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
          const fns: number[] = [];
          const args: unknown[] = [];
          await doc.operators(n, (fnArray, argsArray, length) => {
            for (let i = 0; i < length; i++) fns.push(fnArray[i]), args.push(argsArray[i]);
          });
          expect(fns).toEqual(list.fnArray);
          // Arguments naming fonts and images carry a per-document id; the rest must match.
          const ids = /^(d\d+_)?(g_d\d+_f\d+|f\d+|img_.*|mask_.*|d\d+_img_.*)$/;
          const strip = (a: unknown): unknown => (typeof a === 'string' && ids.test(a) ? 'id' : Array.isArray(a) ? a.map(strip) : a);
          expect(args.map(strip)).toEqual(list.argsArray.map(strip));
          images += fns.filter((f) => f === lib.OPS.paintImageXObject).length;
          page.cleanup();
        }
        // The mixed fixture has a scanned page: its image operator is there although its pixels were not decoded.
        if (name.includes('mixed')) expect(images).toBeGreaterThan(0);
      } finally {
        await doc.close();
        await api.destroy();
      }
    });
  }

  it('says why a file that is no PDF cannot be opened', async () => {
    const core = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown as CoreModule;
    await expect(openCore(core, new TextEncoder().encode('not a pdf at all'), assetPaths())).rejects.toThrow(/PDF/);
  });
});
