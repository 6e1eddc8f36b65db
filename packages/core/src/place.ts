/**
 * Where a thing came from in its source file, like a vfile message's `place`.
 *
 * - `page` is 1-based (PDF page, or the sheet's index for workbooks where that helps).
 * - `row` / `col` are 0-based indexes into the table's cell grid (the `r` / `c` of its cells),
 *   so an issue points at the very cell a reader can find in `tables.jsonl`.
 * - `line` is the 1-based line of a text source, when the thing came from a text dump.
 * - `sheet` + `ref` (e.g. `Sheet1`, `C7`) for spreadsheets.
 */
export interface Place {
  file: string;
  page?: number;
  line?: number;
  row?: number;
  col?: number;
  sheet?: string;
  ref?: string;
}

/** Renders a place for a message: `x.pdf p.3 r7 c4`. */
export function formatPlace(place: Place): string {
  const parts = [place.file];
  if (place.sheet) parts.push(place.ref ? `${place.sheet}!${place.ref}` : place.sheet);
  if (place.page !== undefined) parts.push(`page ${place.page}`);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.col !== undefined) parts.push(`col ${place.col}`);
  return parts.join(', ');
}
