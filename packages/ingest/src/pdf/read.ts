/**
 * A PDF's bytes → page layouts (words with boxes, ruling lines, scan flags), page by page, each
 * page's engine resources freed before the next is read. Problems are returned, not thrown.
 */
import { errorText } from '@govdocs/core';
import type { PageLayout, RuleLine } from '@govdocs/core';
import { openPdf, type EnginePage, type EngineRun } from './engine.js';
import { turnPage } from './geometry.js';
import { mergeSegments } from './rules.js';
import { wordsOf, type Run } from './text.js';

export interface PdfProblem {
  /** `document.*` detail or `parse.*` detail. */
  rule: 'document.corrupt' | 'document.encrypted' | 'document.empty' | 'parse.page' | 'parse.scanned' | 'parse.ocr';
  severity: 'error' | 'warning';
  page?: number;
  message: string;
}

export interface PdfLayout {
  pageCount: number;
  pages: PageLayout[];
  problems: PdfProblem[];
  /** False when the document could not be opened at all. */
  readable: boolean;
  /** The title the file's properties give (Word/WPS put the source file's title there), cleaned. */
  title?: string;
}

/** Part of the page an image must cover, with no text on the page, to be taken for a scan. */
const SCAN_COVER = 0.6;

export async function readPdfLayout(bytes: Uint8Array): Promise<PdfLayout> {
  const problems: PdfProblem[] = [];
  const doc = await openPdf(bytes);
  if ('failure' in doc) {
    const message = doc.failure === 'encrypted'
      ? 'the PDF is encrypted with a password; it cannot be read. Ask the publisher for an unprotected copy.'
      : `the PDF is damaged or not a PDF (${doc.message}); it cannot be read. Download it again or export it again.`;
    return { pageCount: 0, pages: [], problems: [{ rule: doc.failure === 'encrypted' ? 'document.encrypted' : 'document.corrupt', severity: 'error', message }], readable: false };
  }
  try {
    if (hasEncryption(bytes)) {
      problems.push({ rule: 'document.encrypted', severity: 'warning', message: 'the PDF is encrypted with an empty user password; it was read without one (its owner may restrict copying).' });
    }
    if (doc.pageCount === 0) {
      problems.push({ rule: 'document.empty', severity: 'error', message: 'the PDF has no pages; nothing to read. Check that the export finished.' });
      return { pageCount: 0, pages: [], problems, readable: false };
    }
    const pages: PageLayout[] = [];
    for (let n = 1; n <= doc.pageCount; n++) {
      try {
        const layout = toLayout(n, await doc.page(n));
        if (layout.scanned) problems.push({ rule: 'parse.scanned', severity: 'error', page: n, message: `page ${n}: scanned page, OCR not available; its figures are not read. Find a text PDF of the document or enter the page by hand.` });
        pages.push(layout);
      } catch (error) {
        const reason = errorText(error);
        problems.push({ rule: 'parse.page', severity: 'error', page: n, message: `page ${n} could not be read (${reason}); the other pages were kept.` });
      }
    }
    const title = cleanTitle(doc.title);
    return { pageCount: doc.pageCount, pages, problems, readable: true, ...(title ? { title } : {}) };
  } finally {
    await doc.close();
  }
}

/**
 * "Microsoft Word - 2023年部门预算.docx" → "2023年部门预算". Titles with no Chinese text
 * (untitled, a template name) say nothing of the document and are dropped.
 */
export function cleanTitle(title: string | null): string | null {
  if (!title) return null;
  const t = title.replace(/^(Microsoft\s+(Word|Excel)\s*-\s*)/i, '').replace(/\.(docx?|xlsx?|wps|et|pdf)$/i, '').trim();
  return /[\u4e00-\u9fff]/.test(t) ? t : null;
}

/** The Encrypt entry of the trailer (or cross-reference stream) is never compressed. */
function hasEncryption(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt');
}

/** Engine page → layout, turned so that most of its text reads left to right. */
export function toLayout(n: number, page: EnginePage): PageLayout {
  const angle = dominantAngle(page.runs);
  const turn = turnPage(angle, page.width, page.height);
  const rules: RuleLine[] = mergeSegments(
    page.graphics.segments.map((s) => {
      const [ax, ay] = turn.map(s.x0, s.y0);
      const [bx, by] = turn.map(s.x1, s.y1);
      return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
    }),
  ).map(roundRule);
  const vertical = rules.filter((r) => r.x0 === r.x1).map((r) => ({ x: r.x0, y0: r.y0, y1: r.y1 }));
  const runs = page.runs.flatMap((r) => turnRun(r, angle, turn.map));
  const texts = wordsOf(runs, vertical);
  const area = turn.width * turn.height;
  const scanned = texts.length === 0 && page.graphics.images.some(([x0, y0, x1, y1]) => (x1 - x0) * (y1 - y0) >= SCAN_COVER * area);
  return { page: n, width: turn.width, height: turn.height, texts, rules, ...(scanned ? { scanned } : {}) };
}

function dominantAngle(runs: EngineRun[]): 0 | 90 | 180 | 270 {
  const count = new Map<number, number>();
  for (const r of runs) count.set(r.angle, (count.get(r.angle) ?? 0) + r.text.length);
  let best: 0 | 90 | 180 | 270 = 0;
  for (const [a, c] of count) if (c > (count.get(best) ?? 0)) best = a as 0 | 90 | 180 | 270;
  return best;
}

/**
 * A run in the page's reading direction keeps its shape; a run written across it (a vertical
 * label in a landscape table) becomes one run per character, stacked as a reader sees them.
 */
function turnRun(run: EngineRun, pageAngle: number, map: (x: number, y: number) => [number, number]): Run[] {
  const [x, y] = map(run.x, run.y);
  if (run.angle === pageAngle) return [{ text: run.text, x, y, width: run.width, size: run.size }];
  const chars = [...run.text];
  const step = chars.length ? run.width / chars.length : 0;
  const rad = (run.angle * Math.PI) / 180;
  return chars.map((ch, i) => {
    const [cx, cy] = map(run.x + Math.cos(rad) * step * i, run.y + Math.sin(rad) * step * i);
    return { text: ch, x: cx, y: cy, width: Math.min(step, run.size) || run.size, size: run.size };
  });
}

function roundRule(r: RuleLine): RuleLine {
  const q = (v: number) => Math.round(v * 100) / 100;
  return { x0: q(r.x0), y0: q(r.y0), x1: q(r.x1), y1: q(r.y1) };
}
