/** Two reusable rows: resolution runs thousands of times per second, so no arrays per call. */
let prevRow = new Int32Array(64);
let currRow = new Int32Array(64);

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (n + 1 > prevRow.length) {
    prevRow = new Int32Array(n + 1);
    currRow = new Int32Array(n + 1);
  }
  let prev = prevRow;
  let curr = currRow;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = curr;
    curr = t;
  }
  return prev[n];
}
