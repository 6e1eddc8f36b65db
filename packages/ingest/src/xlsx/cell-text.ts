/**
 * The text a reader sees in a spreadsheet cell. Formatted numbers keep their format's text
 * (1,234.50, 12.5%); numbers in the General format are written out in full, because Excel's
 * General display (and SheetJS's rendering of it) drops digits to fit a column — 12345678901.23
 * would show as 12345678901 and lose its cents.
 */
import type { CellObject } from '@e965/xlsx';

export function displayText(cell: CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null || cell.t === 'z') return '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '#ERROR';
    case 'n':
      return numberText(cell);
    default:
      return cell.w ?? String(cell.v);
  }
}

function numberText(cell: CellObject): string {
  const value = cell.v as number;
  const format = typeof cell.z === 'string' ? cell.z : 'General';
  if (format === 'General' || format === '@' || cell.w === undefined) return plainNumber(value);
  return cell.w;
}

/**
 * A number as written in the file: the shortest text that reads back as the same double, cut to
 * the 15 significant digits a spreadsheet stores (so 0.1+0.2 stored as 0.30000000000000004
 * shows as 0.3), never in exponent form.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  let text = String(value);
  if (significantDigits(text) > 15) text = String(Number(value.toPrecision(15)));
  if (/e/i.test(text))
    text = value.toLocaleString('en-US', {
      useGrouping: false,
      maximumSignificantDigits: 15,
      maximumFractionDigits: 20,
    });
  return text;
}

function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  return mantissa.length;
}
