/**
 * Pictures of a table's page region, drawn by pdf.js onto @napi-rs/canvas, so a reviewer sees the
 * printed table beside what was read from it. A file that is gone or unreadable gives no picture
 * and a note, never an error: the report is still written.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Pixels per PDF point: 1.5 keeps 6-point table text readable at half the pixels of 2. */
const SCALE = 1.5;
/** Points of page kept around the table's cells. */
const MARGIN = 8;

let loading: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
}

function assets(): { cMapUrl: string; standardFontDataUrl: string } {
  const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(dir, 'cmaps')}/`, standardFontDataUrl: `${join(dir, 'standard_fonts')}/` };
}

export interface Region {
  page: number;
  /** [x0, y0, x1, y1] in PDF points from the page's top-left. */
  bbox: [number, number, number, number];
}

export type OpenedPdf =
  | { ok: true; crop(region: Region): Promise<Buffer | null>; close(): Promise<void> }
  | { ok: false; reason: string };

/** Opens a PDF for cropping; each page is drawn once and reused for every table on it. */
export async function openForPictures(path: string): Promise<OpenedPdf> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return {
      ok: false,
      reason: `the source file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); no page pictures`,
    };
  }
  const lib = await pdfjs();
  let doc: PdfDocument;
  try {
    doc = await lib.getDocument({
      data: bytes,
      ...assets(),
      cMapPacked: true,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: lib.VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    return { ok: false, reason: `pdf.js cannot open ${path}: ${(error as Error).message}; no page pictures` };
  }
  const pages = new Map<number, Canvas | null>();
  const draw = async (n: number): Promise<Canvas | null> => {
    if (pages.has(n)) return pages.get(n)!;
    let canvas: Canvas | null = null;
    try {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
      page.cleanup();
    } catch {
      canvas = null;
    }
    // Only the latest page is kept: a document's tables come in page order.
    pages.clear();
    pages.set(n, canvas);
    return canvas;
  };
  return {
    ok: true,
    async crop(region) {
      if (region.page < 1 || region.page > doc.numPages) return null;
      const page = await draw(region.page);
      if (!page) return null;
      const [x0, y0, x1, y1] = region.bbox.map((v) => v * SCALE);
      const left = Math.max(0, Math.floor(x0 - MARGIN * SCALE));
      const top = Math.max(0, Math.floor(y0 - MARGIN * SCALE));
      const width = Math.min(page.width, Math.ceil(x1 + MARGIN * SCALE)) - left;
      const height = Math.min(page.height, Math.ceil(y1 + MARGIN * SCALE)) - top;
      if (width <= 0 || height <= 0) return null;
      const out = createCanvas(width, height);
      out.getContext('2d').drawImage(page, left, top, width, height, 0, 0, width, height);
      // WebP at quality 80: about a fifth of the PNG's bytes for pages of text and rules.
      return out.toBuffer('image/webp', 80);
    },
    async close() {
      await doc.destroy();
    },
  };
}

/** The box around a table's cells on each page it covers. */
export function tableRegions(cells: { page?: number; bbox?: [number, number, number, number] }[]): Region[] {
  const byPage = new Map<number, [number, number, number, number]>();
  for (const cell of cells) {
    if (!cell.page || !cell.bbox) continue;
    const [x0, y0, x1, y1] = cell.bbox;
    const box = byPage.get(cell.page);
    byPage.set(
      cell.page,
      box ? [Math.min(box[0], x0), Math.min(box[1], y0), Math.max(box[2], x1), Math.max(box[3], y1)] : [x0, y0, x1, y1],
    );
  }
  return [...byPage].sort((a, b) => a[0] - b[0]).map(([page, bbox]) => ({ page, bbox }));
}
