/**
 * w:sym: a character of a symbol font (Wingdings ✓, ☐) → Unicode, with the table of the
 * `dingbat-to-unicode` package.
 */
import { createRequire } from 'node:module';

interface Dingbats {
  hex(font: string, hex: string): { string: string } | undefined;
}

let dingbats: Dingbats | undefined;

/** Loaded on the first w:sym only (it is a large table). */
function loadDingbats(): Dingbats {
  dingbats ??= createRequire(import.meta.url)('dingbat-to-unicode') as Dingbats;
  return dingbats;
}

/** The Unicode text of `char` (hex, as w:char writes it, maybe with the F0 private-use offset) in `font`; null when unknown. */
export function symbolText(font: string, char: string): string | null {
  const table = loadDingbats();
  let found = table.hex(font, char);
  if (!found && /^F0..$/.test(char)) found = table.hex(font, char.slice(2));
  return found ? found.string : null;
}
