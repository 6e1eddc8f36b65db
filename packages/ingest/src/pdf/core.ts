/**
 * pdf.js's core (its "worker" half) called directly, without its message layer.
 *
 * pdf.js's public API talks to the core through messages. In Node the core runs on the same
 * thread (the "fake worker"), yet every message is still deep-copied with structuredClone, and the
 * core still prepares what a renderer needs: glyph outlines, decoded image pixels. Measured on the
 * real PDFs that was a third of the time spent reading them. Here the core's document manager is
 * driven the way pdf.js's own worker drives it (pdf.worker.mjs, WorkerMessageHandler), with a
 * stand-in for the message handler that serves CMaps and standard fonts from disk and drops what
 * only a renderer would use. Text items and operators are the core's own, so they are exactly those
 * the public API would have copied to us.
 *
 * Needs patches/pdfjs-dist@5.6.205.patch (it exports the core's LocalPdfManager, setVerbosityLevel,
 * OPS and VerbosityLevel and adds the skipImageData evaluator option; core.test.ts checks it is there).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of pdf.js's core used here (pdf.worker.mjs with the patch). */
export interface CoreModule {
  LocalPdfManager: new (args: Record<string, unknown>) => CoreManager;
  setVerbosityLevel(level: number): void;
  /** Operator codes, as the public API's OPS. */
  OPS: Record<string, number>;
  VerbosityLevel: { ERRORS: number };
}

interface CoreManager {
  ensureDoc(prop: string, args?: unknown[]): Promise<any>;
  ensureCatalog(prop: string, args?: unknown[]): Promise<any>;
  ensure(obj: unknown, prop: string, args?: unknown[]): Promise<any>;
  getPage(index: number): Promise<CorePage>;
  requestLoadedStream(): Promise<unknown>;
  cleanup(manuallyTriggered?: boolean): Promise<void>;
}

interface CorePage {
  extractTextContent(args: Record<string, unknown>): Promise<void>;
  getOperatorList(args: Record<string, unknown>): Promise<unknown>;
}

/** A text item as the core makes it (pdf.js's TextItem). */
export interface CoreTextItem {
  str: string;
  width: number;
  transform: number[];
}

/** Receives a page's operators in order, chunk by chunk; it must read them at once (the core reuses the arrays). */
export type OperatorSink = (fnArray: ArrayLike<number>, argsArray: any[], length: number) => void;

export interface CorePageInfo {
  view: number[];
  rotate: number;
  userUnit: number;
}

export interface CoreDocument {
  numPages: number;
  /** The document information dictionary, as pdf.js's getMetadata gives it; null when it cannot be read. */
  info: Record<string, unknown> | null;
  pageInfo(n: number): Promise<CorePageInfo>;
  textItems(n: number): Promise<CoreTextItem[]>;
  operators(n: number, sink: OperatorSink): Promise<void>;
  close(): Promise<void>;
}

/** What pdf.js's public API would send with these getDocument options (see engine.ts history): kept equal so text and operators are too. */
function evaluatorOptions(assets: { cMapUrl: string; standardFontDataUrl: string }) {
  return {
    maxImageSize: -1,
    // Glyph outlines are only built for renderers without font loading; nothing here draws glyphs.
    disableFontFace: false,
    ignoreErrors: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    canvasMaxAreaInBytes: -1,
    fontExtraProperties: false,
    useSystemFonts: false,
    useWasm: true,
    useWorkerFetch: false,
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    iccUrl: null,
    standardFontDataUrl: assets.standardFontDataUrl,
    wasmUrl: null,
    enableWebGPU: false,
    // The patch's option: image operators are kept (their place marks scanned pages), their pixels are not decoded.
    skipImageData: true,
  };
}

/** pdf.js's RenderingIntentFlag: DISPLAY + ANNOTATIONS_DISABLE + OPLIST, what page.getOperatorList({ annotationMode: DISABLE }) asks for. */
const OPERATOR_LIST_INTENT = 0x02 + 0x40 + 0x100;

/** CMap and standard font files, read once per thread; each document gets its own copy, as a message would have given it. */
const binaryCache = new Map<string, Promise<Uint8Array>>();

/**
 * The core's side of the message handler. Fonts, glyph paths, images and patterns are sent to a
 * renderer in pdf.js; here there is none, so they are dropped. Files the core asks for come from disk.
 */
class CoreHandler {
  constructor(private readonly assets: { cMapUrl: string; standardFontDataUrl: string }) {}

  send(): void {}

  async sendWithPromise(action: string, data: any): Promise<unknown> {
    if (action === 'FetchBinaryData') {
      const base = data?.kind === 'cMapUrl' ? this.assets.cMapUrl : data?.kind === 'standardFontDataUrl' ? this.assets.standardFontDataUrl : null;
      if (!base) throw new Error(`Ensure that the \`${data?.kind}\` API parameter is provided.`);
      const path = join(base, String(data.filename));
      let bytes = binaryCache.get(path);
      if (!bytes) {
        bytes = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
        binaryCache.set(path, bytes);
        bytes.catch(() => binaryCache.delete(path));
      }
      return (await bytes).slice();
    }
    // "CopyLocalImage": no decoded image is kept to copy; the core then goes on without it.
    return null;
  }
}

const task = (name: string) => ({ name, terminated: false, ensureNotTerminated() {}, finish() {}, terminate() {} });

/** A stream sink that never pushes back: everything is read as it comes. */
function sinkOf(enqueue: (chunk: any) => void) {
  return { desiredSize: Infinity, ready: Promise.resolve(), enqueue, close() {}, error() {} };
}

let documents = 0;

/** Opens a document the way pdf.js's worker does (loadDocument, with its recovery pass); throws what it throws. */
export async function openCore(core: CoreModule, bytes: Uint8Array, assets: { cMapUrl: string; standardFontDataUrl: string }): Promise<CoreDocument> {
  const handler = new CoreHandler(assets);
  const manager = new core.LocalPdfManager({
    source: bytes,
    docId: `d${documents++}`,
    password: null,
    disableAutoFetch: false,
    rangeChunkSize: 65536,
    docBaseUrl: null,
    enableXfa: false,
    evaluatorOptions: evaluatorOptions(assets),
    handler,
    length: bytes.byteLength,
  });
  const load = async (recoveryMode: boolean) => {
    await manager.ensureDoc('checkHeader');
    await manager.ensureDoc('parseStartXRef');
    await manager.ensureDoc('parse', [recoveryMode]);
    await manager.ensureDoc('checkFirstPage', [recoveryMode]);
    await manager.ensureDoc('checkLastPage', [recoveryMode]);
    return (await manager.ensureDoc('numPages')) as number;
  };
  let numPages: number;
  try {
    numPages = await load(false);
  } catch (error) {
    if ((error as { name?: string })?.name !== 'XRefParseException') throw error;
    await manager.requestLoadedStream();
    numPages = await load(true);
  }
  const info = await Promise.all([manager.ensureDoc('documentInfo'), manager.ensureCatalog('metadata')]).then(([i]) => i as Record<string, unknown>, () => null);
  const page = (n: number) => manager.getPage(n - 1);
  return {
    numPages,
    info,
    async pageInfo(n) {
      const p = await page(n);
      const [rotate, userUnit, view] = await Promise.all([manager.ensure(p, 'rotate'), manager.ensure(p, 'userUnit'), manager.ensure(p, 'view')]);
      return { rotate, userUnit, view };
    },
    async textItems(n) {
      const items: CoreTextItem[] = [];
      const sink = sinkOf((chunk: { items: CoreTextItem[] }) => {
        for (const item of chunk.items) items.push(item);
      });
      await (await page(n)).extractTextContent({ handler, task: task(`GetTextContent: page ${n - 1}`), sink, includeMarkedContent: false, disableNormalization: false });
      return items;
    },
    async operators(n, read) {
      const sink = sinkOf((chunk: { fnArray: number[]; argsArray: any[]; length: number }) => read(chunk.fnArray, chunk.argsArray, chunk.length));
      await (await page(n)).getOperatorList({ handler, sink, task: task(`GetOperatorList: page ${n - 1}`), intent: OPERATOR_LIST_INTENT, cacheKey: null, annotationStorage: null, modifiedIds: null, pageIndex: n - 1 });
    },
    async close() {
      await manager.cleanup();
    },
  };
}
