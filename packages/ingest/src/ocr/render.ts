/**
 * Scanned pages as pixels: pdf.js draws the page onto an @napi-rs/canvas canvas at the resolution
 * OCR reads best, and the canvas gives RGBA bytes. Scale maps pixels back to page points.
 */
import { createCanvas } from '@napi-rs/canvas';
import { assetPaths, pdfjs } from '../pdf/engine.js';
import type { RgbaImage } from './paddle.js';
import { errorText } from '@govdocs/core';

export interface RenderedPage {
  page: number;
  image: RgbaImage;
  /** Pixels per point. */
  scale: number;
}

/** Renders the given pages (1-based); a page that fails to render is left out and named in `failed`. */
export async function renderPages(bytes: Uint8Array, pages: number[], dpi: number): Promise<{ rendered: RenderedPage[]; failed: { page: number; reason: string }[] }> {
  const lib = await pdfjs();
  const task = lib.getDocument({ data: new Uint8Array(bytes), ...assetPaths(), cMapPacked: true, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: lib.VerbosityLevel.ERRORS });
  const doc = await task.promise;
  const rendered: RenderedPage[] = [];
  const failed: { page: number; reason: string }[] = [];
  try {
    for (const n of pages) {
      try {
        const page = await doc.getPage(n);
        const scale = dpi / 72;
        const viewport = page.getViewport({ scale });
        const width = Math.ceil(viewport.width);
        const height = Math.ceil(viewport.height);
        const canvas = createCanvas(width, height);
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        // pdf.js types its canvas as the DOM one; @napi-rs/canvas implements the part it draws with.
        await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
        const pixels = context.getImageData(0, 0, width, height);
        rendered.push({ page: n, image: { data: pixels.data, width, height }, scale });
        page.cleanup();
      } catch (error) {
        failed.push({ page: n, reason: errorText(error) });
      }
    }
  } finally {
    await doc.destroy();
  }
  return { rendered, failed };
}
