/** Affine transforms as PDF writes them: [a, b, c, d, e, f], x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: applies n first, then m (the order of pdf.js Util.transform). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Turns a page so text written at `angle` (degrees, clockwise in top-left coordinates) reads
 * left to right. Returns the point mapping and the turned page size.
 */
export function turnPage(angle: 0 | 90 | 180 | 270, width: number, height: number) {
  switch (angle) {
    case 90:
      return { map: (x: number, y: number): [number, number] => [y, width - x], width: height, height: width };
    case 180:
      return { map: (x: number, y: number): [number, number] => [width - x, height - y], width, height };
    case 270:
      return { map: (x: number, y: number): [number, number] => [height - y, x], width: height, height: width };
    default:
      return { map: (x: number, y: number): [number, number] => [x, y], width, height };
  }
}

/**
 * The page's viewport at scale 1: pdf.js's PageViewport (not exported by pdf.js), the same
 * arithmetic in the same order, so positions are those pdf.js would give to the last bit.
 */
export function pageViewport(
  viewBox: number[],
  rotate: number,
  userUnit: number,
): { transform: Matrix; width: number; height: number } {
  const scale = 1 * userUnit;
  const centerX = (viewBox[2] + viewBox[0]) / 2;
  const centerY = (viewBox[3] + viewBox[1]) / 2;
  let rotation = rotate % 360;
  if (rotation < 0) rotation += 360;
  const [a, b, c, d] = ROTATIONS[rotation] ?? fail(rotation);
  let offsetX: number, offsetY: number, width: number, height: number;
  if (a === 0) {
    offsetX = Math.abs(centerY - viewBox[1]) * scale + 0;
    offsetY = Math.abs(centerX - viewBox[0]) * scale + 0;
    width = (viewBox[3] - viewBox[1]) * scale;
    height = (viewBox[2] - viewBox[0]) * scale;
  } else {
    offsetX = Math.abs(centerX - viewBox[0]) * scale + 0;
    offsetY = Math.abs(centerY - viewBox[1]) * scale + 0;
    width = (viewBox[2] - viewBox[0]) * scale;
    height = (viewBox[3] - viewBox[1]) * scale;
  }
  const transform: Matrix = [
    a * scale,
    b * scale,
    c * scale,
    d * scale,
    offsetX - a * scale * centerX - c * scale * centerY,
    offsetY - b * scale * centerX - d * scale * centerY,
  ];
  return { transform, width, height };
}

/** [a, b, c, d] of the viewport for each page rotation (y flipped: PDF space is bottom-up). */
const ROTATIONS: Record<number, [number, number, number, number]> = {
  0: [1, 0, 0, -1],
  90: [0, 1, 1, 0],
  180: [-1, 0, 0, 1],
  270: [0, -1, -1, 0],
};

function fail(_rotation: number): never {
  throw new Error(`PageViewport: Invalid rotation, must be a multiple of 90 degrees.`);
}
