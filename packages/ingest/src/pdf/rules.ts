/**
 * Ruling lines and images from a page's operator list. pdf.js 5 packs each path into one
 * `constructPath` op: args = [paintOp, [Float32Array of DrawOPS codes and coordinates], minMax],
 * coordinates in the user space of the current transform (the op list keeps save/restore/
 * transform and form XObject matrices, which are tracked here).
 */
import { apply, multiply, IDENTITY, type Matrix } from './geometry.js';

/** A segment in top-left page coordinates, before the page is turned. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGraphics {
  segments: Segment[];
  /** Bounding boxes of images drawn, [x0, y0, x1, y1]. */
  images: [number, number, number, number][];
}

/** The operator codes used here (pdf.js OPS). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  setLineWidth: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
}

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };
/** A filled rectangle thinner than this (points) is a rule, not a shaded area. */
const THIN = 2.5;
/** Segments off the axes by more than this are not rules. */
const SKEW = 1;

interface State {
  ctm: Matrix;
  fillWhite: boolean;
  lineWidth: number;
}

/**
 * Reads an operator list chunk by chunk, as pdf.js's core hands it out, so a page's operators are
 * never all held at once; the graphics state carries over from one chunk to the next.
 */
export class GraphicsReader {
  readonly graphics: PageGraphics = { segments: [], images: [] };
  private readonly stack: State[] = [];
  private state: State = { ctm: IDENTITY, fillWhite: false, lineWidth: 1 };
  private readonly strokeOps: Set<number>;
  private readonly fillOps: Set<number>;
  private readonly imageOps: Set<number>;

  constructor(
    private readonly ops: OpCodes,
    private readonly page: Matrix,
    private readonly pageArea: number,
  ) {
    this.strokeOps = new Set([
      ops.stroke,
      ops.closeStroke,
      ops.fillStroke,
      ops.eoFillStroke,
      ops.closeFillStroke,
      ops.closeEOFillStroke,
    ]);
    this.fillOps = new Set([
      ops.fill,
      ops.eoFill,
      ops.fillStroke,
      ops.eoFillStroke,
      ops.closeFillStroke,
      ops.closeEOFillStroke,
    ]);
    this.imageOps = new Set([
      ops.paintImageXObject,
      ops.paintInlineImageXObject,
      ops.paintImageMaskXObject,
      ops.paintImageXObjectRepeat,
    ]);
  }

  read(fnArray: ArrayLike<number>, argsArray: any[], length: number): void {
    const { ops, page, pageArea, stack, strokeOps, fillOps, imageOps } = this;
    const out = this.graphics;
    let state = this.state;
    for (let i = 0; i < length; i++) {
      const fn = fnArray[i];
      const args = argsArray[i];
      if (fn === ops.save) stack.push({ ...state });
      else if (fn === ops.restore) state = stack.pop() ?? state;
      else if (fn === ops.transform) state.ctm = multiply(state.ctm, args as Matrix);
      else if (fn === ops.paintFormXObjectBegin) {
        stack.push({ ...state });
        if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0]))
          state.ctm = multiply(state.ctm, Array.from(args[0] as number[]) as Matrix);
      } else if (fn === ops.paintFormXObjectEnd) state = stack.pop() ?? state;
      else if (fn === ops.setFillRGBColor) state.fillWhite = isWhite(args);
      else if (fn === ops.setLineWidth) state.lineWidth = Number(args?.[0]) || 0;
      else if (fn === ops.constructPath) {
        const paint = args?.[0];
        const buffer = args?.[1]?.[0];
        if (!buffer) continue;
        const m = multiply(page, state.ctm);
        if (strokeOps.has(paint)) strokeSegments(buffer, m, out.segments);
        if (fillOps.has(paint) && !state.fillWhite) filledRules(buffer, m, out.segments, pageArea);
      } else if (imageOps.has(fn)) {
        const m = multiply(page, state.ctm);
        out.images.push(boxOf([apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)]));
      }
    }
    this.state = state;
  }
}

function isWhite(args: any): boolean {
  const v = args?.[0];
  if (typeof v === 'string') return /^#?f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(v);
  if (args && args.length >= 3) return args[0] >= 245 && args[1] >= 245 && args[2] >= 245;
  return false;
}

type Point = [number, number];

/** Subpaths of a packed path as point lists (curves flattened to their end points, marked). */
function subpaths(buffer: ArrayLike<number>, m: Matrix): { points: Point[]; closed: boolean; curved: boolean }[] {
  const paths: { points: Point[]; closed: boolean; curved: boolean }[] = [];
  let current: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i++];
    if (op === DRAW.moveTo) {
      current = { points: [apply(m, buffer[i], buffer[i + 1])], closed: false, curved: false };
      paths.push(current);
      i += 2;
    } else if (op === DRAW.lineTo) {
      if (!current) paths.push((current = { points: [], closed: false, curved: false }));
      current.points.push(apply(m, buffer[i], buffer[i + 1]));
      i += 2;
    } else if (op === DRAW.curveTo) {
      if (current) {
        current.curved = true;
        current.points.push(apply(m, buffer[i + 4], buffer[i + 5]));
      }
      i += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      if (current) {
        current.curved = true;
        current.points.push(apply(m, buffer[i + 2], buffer[i + 3]));
      }
      i += 4;
    } else if (op === DRAW.closePath) {
      if (current) current.closed = true;
      current = null;
    } else break; // unknown code: the rest cannot be decoded safely
  }
  return paths;
}

function strokeSegments(buffer: ArrayLike<number>, m: Matrix, out: Segment[]): void {
  for (const path of subpaths(buffer, m)) {
    if (path.curved) continue;
    const pts = path.closed && path.points.length > 2 ? [...path.points, path.points[0]] : path.points;
    for (let k = 1; k < pts.length; k++) pushAxisSegment(pts[k - 1], pts[k], out);
  }
}

/** Thin filled rectangles are rules; other filled rectangles (cell shading) give their edges. */
function filledRules(buffer: ArrayLike<number>, m: Matrix, out: Segment[], pageArea: number): void {
  for (const path of subpaths(buffer, m)) {
    if (path.curved || path.points.length < 4 || path.points.length > 5) continue;
    const [x0, y0, x1, y1] = boxOf(path.points);
    if (!isAxisRectangle(path.points, x0, y0, x1, y1)) continue;
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= THIN && w > THIN) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
    else if (w <= THIN && h > THIN) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
    else if (w > THIN && h > THIN && w * h < pageArea / 2) {
      out.push({ x0, y0, x1, y1: y0 }, { x0, y0: y1, x1, y1 }, { x0, y0, x1: x0, y1 }, { x0: x1, y0, x1, y1 });
    }
  }
}

function isAxisRectangle(points: Point[], x0: number, y0: number, x1: number, y1: number): boolean {
  return points.every(
    ([x, y]) =>
      (Math.abs(x - x0) < SKEW || Math.abs(x - x1) < SKEW) && (Math.abs(y - y0) < SKEW || Math.abs(y - y1) < SKEW),
  );
}

function pushAxisSegment(a: Point, b: Point, out: Segment[]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= SKEW && dx > SKEW)
    out.push({ x0: Math.min(a[0], b[0]), y0: (a[1] + b[1]) / 2, x1: Math.max(a[0], b[0]), y1: (a[1] + b[1]) / 2 });
  else if (dx <= SKEW && dy > SKEW)
    out.push({ x0: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), x1: (a[0] + b[0]) / 2, y1: Math.max(a[1], b[1]) });
}

function boxOf(points: Point[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Joins collinear touching segments, so a ruling drawn cell by cell becomes one line. */
export function mergeSegments(segments: Segment[]): Segment[] {
  const horizontal = segments.filter((s) => s.y0 === s.y1).map((s) => ({ at: s.y0, from: s.x0, to: s.x1 }));
  const vertical = segments
    .filter((s) => s.x0 === s.x1 && s.y0 !== s.y1)
    .map((s) => ({ at: s.x0, from: s.y0, to: s.y1 }));
  return [
    ...mergeAxis(horizontal).map((l) => ({ x0: l.from, y0: l.at, x1: l.to, y1: l.at })),
    ...mergeAxis(vertical).map((l) => ({ x0: l.at, y0: l.from, x1: l.at, y1: l.to })),
  ];
}

function mergeAxis(lines: { at: number; from: number; to: number }[]): { at: number; from: number; to: number }[] {
  lines.sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: { at: number; from: number; to: number }[] = [];
  // Lines within 1pt of each other are one line; near-equal `at` lines are grouped first.
  const groups: (typeof lines)[] = [];
  for (const l of lines) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(l.at - g[0].at) <= 1) g.push(l);
    else groups.push([l]);
  }
  for (const g of groups) {
    const at = g.reduce((s, l) => s + l.at, 0) / g.length;
    g.sort((a, b) => a.from - b.from);
    let cur = { at, from: g[0].from, to: g[0].to };
    for (const l of g.slice(1)) {
      if (l.from <= cur.to + 1.5) cur.to = Math.max(cur.to, l.to);
      else {
        merged.push(cur);
        cur = { at, from: l.from, to: l.to };
      }
    }
    merged.push(cur);
  }
  return merged;
}
