/**
 * The main text of a Word binary document through its piece table (the CLX, [MS-DOC] 2.9.38):
 * each piece maps a run of character positions to bytes of the WordDocument stream, 8-bit
 * (Windows-1252) or UTF-16. Every character keeps its stream offset, since paragraph properties are
 * indexed by stream offset, not by character position.
 */
import { DocFormatError } from './fib.js';

export interface PieceText {
  text: string;
  /** Stream offset of each character of `text`. */
  fc: Uint32Array;
  /** The piece's paragraph properties given by its Prm, by character (index into `grpprls`, or -1). */
  prm: Int32Array;
  /** Property lists of the CLX's Prc entries, which pieces point to. */
  grpprls: Uint8Array[];
}

const cp1252 = new TextDecoder('windows-1252');

export function readPieceText(
  word: Uint8Array,
  table: Uint8Array,
  clxAt: number,
  clxLength: number,
  ccpText: number,
): PieceText {
  if (clxAt + clxLength > table.byteLength || clxLength === 0)
    throw new DocFormatError('its piece table lies outside the table stream');
  const view = new DataView(table.buffer, table.byteOffset + clxAt, clxLength);
  const grpprls: Uint8Array[] = [];
  let p = 0;
  while (p < clxLength && view.getUint8(p) === 0x01) {
    const cb = view.getInt16(p + 1, true);
    if (cb < 0 || p + 3 + cb > clxLength) throw new DocFormatError('a property list of its piece table is cut short');
    grpprls.push(table.subarray(clxAt + p + 3, clxAt + p + 3 + cb));
    p += 3 + cb;
  }
  if (p >= clxLength || view.getUint8(p) !== 0x02)
    throw new DocFormatError('its piece table is damaged (no piece descriptor list)');
  const lcb = view.getUint32(p + 1, true);
  const plcAt = p + 5;
  if (plcAt + lcb > clxLength || (lcb - 4) % 12 !== 0)
    throw new DocFormatError('its piece descriptor list has an impossible size');
  const n = (lcb - 4) / 12;
  const cpAt = (i: number) => view.getUint32(plcAt + i * 4, true);
  const chunks: string[] = [];
  const fcs: number[] = [];
  const prms: number[] = [];
  let length = 0;
  for (let i = 0; i < n && length < ccpText; i++) {
    const cpStart = cpAt(i);
    const cpEnd = Math.min(cpAt(i + 1), ccpText);
    if (cpEnd <= cpStart) continue;
    const pcd = plcAt + (n + 1) * 4 + i * 8;
    const raw = view.getUint32(pcd + 2, true);
    const prm = view.getUint16(pcd + 6, true);
    const prmIndex = prm & 1 ? prm >> 1 : -1;
    const compressed = (raw & 0x40000000) !== 0;
    const count = cpEnd - cpStart;
    if (compressed) {
      const at = (raw & 0x3fffffff) / 2;
      if (at + count > word.byteLength) throw new DocFormatError(`piece ${i + 1} of its text lies outside the file`);
      chunks.push(cp1252.decode(word.subarray(at, at + count)));
      for (let k = 0; k < count; k++) fcs.push(at + k);
    } else {
      const at = raw & 0x3fffffff;
      if (at + count * 2 > word.byteLength)
        throw new DocFormatError(`piece ${i + 1} of its text lies outside the file`);
      chunks.push(Buffer.from(word.buffer, word.byteOffset + at, count * 2).toString('utf16le'));
      for (let k = 0; k < count; k++) fcs.push(at + k * 2);
    }
    for (let k = 0; k < count; k++) prms.push(prmIndex);
    length += count;
  }
  const text = chunks.join('');
  if (text.length !== fcs.length) throw new DocFormatError('its text does not match its piece table');
  return { text, fc: Uint32Array.from(fcs), prm: Int32Array.from(prms), grpprls };
}
