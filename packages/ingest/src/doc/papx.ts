/**
 * Paragraph properties of a Word binary document: the PlcBtePapx index in the table stream points to
 * 512-byte pages (PapxFkp, [MS-DOC] 2.9.175) in the WordDocument stream, each mapping runs of
 * stream offsets to property lists. Read here: whether a paragraph is in a table, at which nesting
 * depth, whether it ends a cell or a row, and a row's cell layout (TDefTable, vertical merges).
 */
import { DocFormatError } from './fib.js';
import type { VMerge } from '../docx/table.js';
import {
  eachSprm,
  SPRM_P_DTAP,
  SPRM_P_FIN_TABLE,
  SPRM_P_FINNER_TABLE_CELL,
  SPRM_P_FINNER_TTP,
  SPRM_P_FTTP,
  SPRM_P_HUGE_PAPX,
  SPRM_P_ITAP,
  SPRM_T_DEF_TABLE,
  SPRM_T_DEF_TABLE10,
  SPRM_T_MERGE,
  SPRM_T_VERT_MERGE,
} from './sprm.js';

export type HMerge = 'none' | 'first' | 'merged';

export interface TableCellDef {
  /** 'first' of a horizontal merge, or 'merged' into the cell before. */
  hMerge: HMerge;
  vMerge: VMerge;
}

export interface RowDef {
  /** Cell boundaries in twips (one more than cells). */
  edges: number[];
  cells: TableCellDef[];
}

export interface ParaProps {
  inTable: boolean;
  ttp: boolean;
  itap: number;
  innerCell: boolean;
  innerTtp: boolean;
  row: RowDef | null;
}

interface Run {
  start: number;
  end: number;
  grpprl: Uint8Array;
}

const MAX_CELLS = 64;

export class ParagraphProperties {
  private readonly runs: Run[] = [];

  constructor(
    word: Uint8Array,
    table: Uint8Array,
    at: number,
    length: number,
    private readonly data: Uint8Array | null,
  ) {
    if (length === 0) return;
    if (at + length > table.byteLength || (length - 4) % 8 !== 0)
      throw new DocFormatError('its paragraph-property index lies outside the table stream');
    const view = new DataView(table.buffer, table.byteOffset + at, length);
    const n = (length - 4) / 8;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const pn = view.getUint32((n + 1) * 4 + i * 4, true) & 0x3fffff;
      if (seen.has(pn)) continue;
      seen.add(pn);
      this.readPage(word, pn * 512);
    }
    this.runs.sort((a, b) => a.start - b.start);
  }

  private readPage(word: Uint8Array, at: number): void {
    if (at + 512 > word.byteLength) throw new DocFormatError('a page of paragraph properties lies outside the file');
    const page = word.subarray(at, at + 512);
    const view = new DataView(page.buffer, page.byteOffset, 512);
    const crun = page[511];
    if ((crun + 1) * 4 + crun * 13 > 511) throw new DocFormatError('a page of paragraph properties is damaged');
    for (let i = 0; i < crun; i++) {
      const start = view.getUint32(i * 4, true);
      const end = view.getUint32((i + 1) * 4, true);
      const offset = page[(crun + 1) * 4 + i * 13] * 2;
      let grpprl: Uint8Array = new Uint8Array(0);
      if (offset > 0 && offset < 511) {
        let cb = page[offset];
        let from = offset + 1;
        let size = 2 * cb - 1;
        if (cb === 0) {
          cb = page[offset + 1];
          from = offset + 2;
          size = 2 * cb;
        }
        // The list starts with the 2-byte style index.
        if (size >= 2 && from + size <= 511) grpprl = page.subarray(from + 2, from + size);
      }
      this.runs.push({ start, end, grpprl });
    }
  }

  /** The properties of the paragraph whose mark is at stream offset `fc`, with the piece's own list applied after. */
  at(fc: number, pieceGrpprl: Uint8Array | undefined): ParaProps {
    const props: ParaProps = { inTable: false, ttp: false, itap: 0, innerCell: false, innerTtp: false, row: null };
    const run = this.find(fc);
    if (run) apply(props, this.expand(run.grpprl));
    if (pieceGrpprl) apply(props, pieceGrpprl);
    return props;
  }

  /**
   * A list too large for its page (a row of many cells) is stored in the Data stream, and the
   * page holds only sprmPHugePapx with its offset there.
   */
  private expand(grpprl: Uint8Array): Uint8Array {
    if (grpprl.length < 6 || grpprl[0] !== (SPRM_P_HUGE_PAPX & 0xff) || grpprl[1] !== SPRM_P_HUGE_PAPX >> 8)
      return grpprl;
    const at = new DataView(grpprl.buffer, grpprl.byteOffset + 2, 4).getUint32(0, true);
    const data = this.data;
    if (!data || at + 2 > data.byteLength)
      throw new DocFormatError("a paragraph's properties point outside its Data stream");
    const cb = data[at] | (data[at + 1] << 8);
    if (at + 2 + cb > data.byteLength)
      throw new DocFormatError("a paragraph's properties in the Data stream are cut short");
    return data.subarray(at + 2, at + 2 + cb);
  }

  private find(fc: number): Run | undefined {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = this.runs[mid];
      if (fc < run.start) hi = mid - 1;
      else if (fc >= run.end) lo = mid + 1;
      else return run;
    }
    return undefined;
  }
}

function apply(props: ParaProps, grpprl: Uint8Array): void {
  eachSprm(grpprl, 0, grpprl.length, (sprm, at, length) => {
    const view = new DataView(grpprl.buffer, grpprl.byteOffset + at, length);
    switch (sprm) {
      case SPRM_P_FIN_TABLE:
        props.inTable = grpprl[at] !== 0;
        break;
      case SPRM_P_FTTP:
        props.ttp = grpprl[at] !== 0;
        break;
      case SPRM_P_ITAP:
        props.itap = Math.max(0, view.getInt32(0, true));
        break;
      case SPRM_P_DTAP:
        props.itap = Math.max(0, props.itap + view.getInt32(0, true));
        break;
      case SPRM_P_FINNER_TABLE_CELL:
        props.innerCell = grpprl[at] !== 0;
        break;
      case SPRM_P_FINNER_TTP:
        props.innerTtp = grpprl[at] !== 0;
        break;
      case SPRM_T_DEF_TABLE:
      case SPRM_T_DEF_TABLE10:
        props.row = defTable(grpprl.subarray(at + 2, at + length));
        break;
      case SPRM_T_VERT_MERGE:
        if (props.row && length >= 3) {
          const cell = props.row.cells[grpprl[at + 1]];
          if (cell) cell.vMerge = vMergeOf(grpprl[at + 2]);
        }
        break;
      case SPRM_T_MERGE:
        if (props.row) {
          const first = grpprl[at];
          const limit = Math.min(grpprl[at + 1], props.row.cells.length);
          for (let i = first; i < limit; i++) props.row.cells[i].hMerge = i === first ? 'first' : 'merged';
        }
        break;
    }
  });
}

/** TDefTableOperand after its count: cell count, cell edges, then a 20-byte TC80 per cell (possibly fewer). */
function defTable(bytes: Uint8Array): RowDef | null {
  if (bytes.length < 1) return null;
  const count = Math.min(bytes[0], MAX_CELLS);
  if (count === 0 || bytes.length < 1 + (count + 1) * 2) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const edges: number[] = [];
  for (let i = 0; i <= count; i++) edges.push(view.getInt16(1 + i * 2, true));
  const cells: TableCellDef[] = [];
  const tcAt = 1 + (bytes[0] + 1) * 2;
  for (let i = 0; i < count; i++) {
    const at = tcAt + i * 20;
    if (at + 2 > bytes.length) {
      cells.push({ hMerge: 'none', vMerge: 'none' });
      continue;
    }
    const flags = view.getUint16(at, true);
    const hMerge: HMerge = flags & 0x2 ? 'merged' : flags & 0x1 ? 'first' : 'none';
    const vMerge: VMerge = flags & 0x20 ? (flags & 0x40 ? 'restart' : 'continue') : 'none';
    cells.push({ hMerge, vMerge });
  }
  return { edges, cells };
}

function vMergeOf(value: number): VMerge {
  if (value === 3) return 'restart';
  if (value === 1) return 'continue';
  return 'none';
}
