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
