/**
 * OCR of a PDF's scanned pages (no text layer, a page-sized image; also one such page in an
 * otherwise digital PDF): each is rendered, read by PaddleOCR (paddle.ts) and its ruling lines
 * found in the pixels (rules.ts); the words, with their boxes and confidences, and the rules
 * become the page's layout, so table detection reads it as it reads a digital page.
 */
import { errorText } from '@govdocs/core';
import type { PageLayout, PositionedText } from '@govdocs/core';
import { recognise, type OcrWord } from './paddle.js';
import { renderPages } from './render.js';
import { imageRules } from './rules.js';

/** Resolution pages are rendered at: small print (6-7 pt) stays ~17 px high, which the recogniser reads well. */
export const OCR_DPI = 200;
/** Longest one page may take (render + recognise; ~5 s of one core at 200 dpi when the machine is not loaded); the page then gets a parse.ocr issue. */
export const OCR_PAGE_TIMEOUT_MS = 300_000;

export interface OcrOutcome {
  /** Pages whose text now comes from OCR. */
  pages: number[];
  failed: { page: number; reason: string }[];
}

export async function ocrScannedPages(bytes: Uint8Array, layouts: PageLayout[], timeoutMs = OCR_PAGE_TIMEOUT_MS): Promise<OcrOutcome> {
  const scanned = layouts.filter((p) => p.scanned);
  const outcome: OcrOutcome = { pages: [], failed: [] };
  if (scanned.length === 0) return outcome;
  for (const layout of scanned) {
    try {
      const words = await withTimeout(readPage(bytes, layout), timeoutMs, `OCR of the page took longer than ${timeoutMs / 1000} s`);
      layout.texts = words.texts;
      layout.rules = words.rules;
      // It has a text layer now (the document's ocrPages says where it came from), so tables are read from it.
      delete layout.scanned;
      outcome.pages.push(layout.page);
    } catch (error) {
      outcome.failed.push({ page: layout.page, reason: errorText(error) });
    }
  }
  return outcome;
}

async function readPage(bytes: Uint8Array, layout: PageLayout): Promise<Pick<PageLayout, 'texts' | 'rules'>> {
  const { rendered, failed } = await renderPages(bytes, [layout.page], OCR_DPI);
  if (failed.length || !rendered.length) throw new Error(`the page could not be rendered (${failed[0]?.reason ?? 'no image'})`);
  const { image, scale } = rendered[0];
  const words = await recognise(image);
  return { texts: readingOrder(words.map((w) => toText(w, scale))), rules: imageRules(image, scale) };
}

/**
 * Words in reading order, as a text layer gives them: lines top to bottom (a word belongs to the
 * line its vertical middle falls in), each line left to right.
 */
function readingOrder(texts: PositionedText[]): PositionedText[] {
  const byTop = [...texts].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const lines: { top: number; bottom: number; words: PositionedText[] }[] = [];
  for (const word of byTop) {
    const middle = (word.bbox[1] + word.bbox[3]) / 2;
    const line = lines.find((l) => middle >= l.top && middle <= l.bottom);
    if (line) line.words.push(word);
    else lines.push({ top: word.bbox[1], bottom: word.bbox[3], words: [word] });
  }
  return lines.flatMap((l) => l.words.sort((a, b) => a.bbox[0] - b.bbox[0]));
}

function toText(word: OcrWord, scale: number): PositionedText {
  const [x0, y0, x1, y1] = word.box.map((v) => Math.round((v / scale) * 100) / 100);
  return { text: word.text, bbox: [x0, y0, x1, y1], size: Math.round(((y1 - y0) * 0.75) * 100) / 100, ocr: Math.round(word.confidence * 1000) / 1000 };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
