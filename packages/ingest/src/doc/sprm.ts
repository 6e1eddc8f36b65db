/**
 * Property modifiers (sprms, [MS-DOC] 2.6): a 2-byte code whose top three bits give the operand's
 * size. Only the few that say where a table is and how its cells are laid out are read.
 */

export const SPRM_P_FIN_TABLE = 0x2416;
export const SPRM_P_FTTP = 0x2417;
export const SPRM_P_ITAP = 0x6649;
export const SPRM_P_DTAP = 0x664a;
export const SPRM_P_FINNER_TABLE_CELL = 0x244b;
export const SPRM_P_FINNER_TTP = 0x244c;
export const SPRM_P_HUGE_PAPX = 0x6646;
export const SPRM_T_DEF_TABLE = 0xd608;
export const SPRM_T_DEF_TABLE10 = 0xd606;
export const SPRM_T_VERT_MERGE = 0xd62b;
export const SPRM_T_MERGE = 0x5624;
const SPRM_P_CHG_TABS = 0xc615;

/** Calls `visit` with each sprm's code and operand bounds; stops at the list's end or a cut-short sprm. */
export function eachSprm(
  bytes: Uint8Array,
  start: number,
  end: number,
  visit: (sprm: number, at: number, length: number) => void,
): void {
  let p = start;
  while (p + 2 <= end) {
    const sprm = bytes[p] | (bytes[p + 1] << 8);
    const op = p + 2;
    let length: number;
    switch (sprm >>> 13) {
      case 0:
      case 1:
        length = 1;
        break;
      case 2:
      case 4:
      case 5:
        length = 2;
        break;
      case 3:
        length = 4;
        break;
      case 7:
        length = 3;
        break;
      default:
        length = variableLength(bytes, sprm, op, end);
    }
    if (length < 0 || op + length > end) return;
    visit(sprm, op, length);
    p = op + length;
  }
}

function variableLength(bytes: Uint8Array, sprm: number, op: number, end: number): number {
  if (op >= end) return -1;
  if (sprm === SPRM_T_DEF_TABLE || sprm === SPRM_T_DEF_TABLE10) {
    if (op + 2 > end) return -1;
    // The 2-byte count is of the bytes that follow it, plus one.
    return 2 + (bytes[op] | (bytes[op + 1] << 8)) - 1;
  }
  if (sprm === SPRM_P_CHG_TABS && bytes[op] === 255) {
    const del = bytes[op + 1] ?? 0;
    const add = bytes[op + 2 + del * 4] ?? 0;
    return 1 + 1 + del * 4 + 1 + add * 3;
  }
  return 1 + bytes[op];
}
