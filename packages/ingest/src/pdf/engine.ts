/**
 * The pdf.js seam. This file loads pdf.js (core.ts drives its core); it turns a document into
 * engine-neutral pages (glyph runs, path segments, image boxes) for the rest of pdf/.
 *
 * pdf.js runs on the calling thread, so it is safe to call from a worker_threads worker; the
 * batch runner spreads documents over threads, not this code. Pages are read through pdf.js's core
 * directly (core.ts); the public API (pdfjs()) is for drawing pages (OCR, the report).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Matrix } from './geometry.js';
import { multiply, pageViewport } from './geometry.js';
import { GraphicsReader, type OpCodes, type PageGraphics } from './rules.js';
import { openCore, type CoreDocument, type CoreModule } from './core.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let coreLoading: Promise<CoreModule> | null = null;
let apiLoading: Promise<PdfJs> | null = null;

/** pdf.js's core ("worker") half: all that reading pages needs. */
function loadCore(): Promise<CoreModule> {
  coreLoading ??= keepingNativeBuiltins(async () => {
    withoutDecompressionStream();
    const core = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // The public API's fake worker uses the handler found here instead of importing another copy.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = core;
    core.setVerbosityLevel(core.VerbosityLevel.ERRORS);
    return core;
  });
  return coreLoading;
}

/**
 * pdf.js's public API, for drawing pages (OCR, the report). Loaded only then: it brings
 * @napi-rs/canvas and a second copy of pdf.js's shared code, ~0.3 s of a worker's start-up.
 */
export function pdfjs(): Promise<PdfJs> {
  apiLoading ??= loadCore().then(() => keepingNativeBuiltins(() => import('pdfjs-dist/legacy/build/pdf.mjs')));
  return apiLoading;
}

/**
 * pdf.js inflates each compressed stream through the DecompressionStream global when there is one,
 * falling back to its own synchronous inflate otherwise. In Node that global runs through web
 * streams, a promise and a microtask per chunk; for the many small streams of a disclosure PDF,
 * pdf.js's own inflate is faster: PDF ingest 38 → 32 ms a document on the samples, same output.
 * Nothing else in a parsing thread uses DecompressionStream.
 */
function withoutDecompressionStream(): void {
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
}

/**
 * Built-ins the legacy build swaps for core-js polyfills on Node 20, because V8 11.3 fails
 * core-js's tests for edge cases pdf.js never meets (push onto a frozen length, JSON source text
 * and rawJSON). The polyfills are plain JavaScript and global: with them, every push and every
 * JSON call in every stage of the worker ran several times slower (≈20% of PDF parsing time was
 * the push polyfill alone). Added built-ins (Promise.withResolvers and the like) are kept.
 */
const GUARDED_BUILTINS: [object, string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
];

async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved = GUARDED_BUILTINS.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)!] as const);
  try {
    return await load();
  } finally {
    for (const [owner, key, descriptor] of saved) Object.defineProperty(owner, key, descriptor);
  }
}

/** Folder of the installed pdfjs-dist package, where its CMaps and standard fonts are. */
function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

let assets: { cMapUrl: string; standardFontDataUrl: string } | null = null;

export function assetPaths() {
  if (!assets) {
    const dir = packageDir();
    assets = { cMapUrl: join(dir, 'cmaps') + '/', standardFontDataUrl: join(dir, 'standard_fonts') + '/' };
  }
  return assets;
}

/** A glyph run as the engine draws it, in top-left page coordinates. */
export interface EngineRun {
  text: string;
  /** Baseline origin. */
  x: number;
  y: number;
  /** Advance along the writing direction, points. */
  width: number;
  size: number;
  /** Writing direction, degrees clockwise, snapped to a quarter turn. */
  angle: 0 | 90 | 180 | 270;
}

export interface EnginePage {
  width: number;
  height: number;
  runs: EngineRun[];
  graphics: PageGraphics;
}

export interface EngineDocument {
  pageCount: number;
  /** The Title of the document information dictionary, when set. */
  title: string | null;
  /** Reads one page; throws when the page cannot be read. Frees the page's resources after. */
  page(n: number): Promise<EnginePage>;
  close(): Promise<void>;
}

export type OpenFailure = { failure: 'encrypted' | 'corrupt'; message: string };

export async function openPdf(bytes: Uint8Array): Promise<EngineDocument | OpenFailure> {
  const core = await loadCore();
  let doc: CoreDocument;
  try {
    // A copy: the caller's bytes stay the caller's (OCR reads them again).
    doc = await openCore(core, new Uint8Array(bytes), assetPaths());
  } catch (error) {
    const name = (error as { name?: string })?.name;
    const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
    return { failure: name === 'PasswordException' ? 'encrypted' : 'corrupt', message };
  }
  const ops = core.OPS as unknown as OpCodes;
  const rawTitle = doc.info?.Title;
  return {
    pageCount: doc.numPages,
    title: typeof rawTitle === 'string' && rawTitle.trim() ? rawTitle.trim() : null,
    async page(n: number): Promise<EnginePage> {
      const { view, rotate, userUnit } = await doc.pageInfo(n);
      const viewport = pageViewport(view, rotate, userUnit);
      const vt = viewport.transform;
      const runs: EngineRun[] = [];
      for (const item of await doc.textItems(n)) {
        if (!item.str) continue;
        runs.push(toRun(multiply(vt, item.transform as Matrix), item.str, item.width));
      }
      // Annotations (form widgets, links) hold no table rulings; they are left out.
      const reader = new GraphicsReader(ops, vt, viewport.width * viewport.height);
      await doc.operators(n, (fnArray, argsArray, length) => reader.read(fnArray, argsArray, length));
      return { width: viewport.width, height: viewport.height, runs, graphics: reader.graphics };
    },
    async close() {
      await doc.close();
    },
  };
}

function toRun(m: Matrix, text: string, width: number): EngineRun {
  const degrees = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
  const angle = ((((Math.round(degrees / 90) * 90) % 360) + 360) % 360) as EngineRun['angle'];
  return { text, x: m[4], y: m[5], width, size: Math.hypot(m[2], m[3]), angle };
}
