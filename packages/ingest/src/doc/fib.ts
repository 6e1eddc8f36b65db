/**
 * The File Information Block at the start of a Word 97–2003 WordDocument stream ([MS-DOC] 2.5):
 * which table stream holds the document's tables of properties, whether the file is encrypted,
 * how many characters the main text has, and where the piece table and paragraph-property index sit.
 */

export interface Fib {
  /** 97+ binary versions are 0x00C1 and up; Word 6/95 files are below 0x0065. */
  nFib: number;
  encrypted: boolean;
  tableStream: '0Table' | '1Table';
  /** Characters of the main document text (the story every reader shows). */
  ccpText: number;
  clx: { fc: number; lcb: number };
  plcfBtePapx: { fc: number; lcb: number };
}

/** Index of each FcLcb pair in FibRgFcLcb97. */
const PAIR_PLCF_BTE_PAPX = 13;
const PAIR_CLX = 33;

export class DocFormatError extends Error {
  constructor(
    message: string,
    readonly problem: 'password' | 'unsupported' | 'unreadable' = 'unreadable',
  ) {
    super(message);
  }
}

export function readFib(stream: Uint8Array): Fib {
  if (stream.byteLength < 154)
    throw new DocFormatError('its WordDocument stream is too short to hold a file information block');
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const ident = view.getUint16(0, true);
  const nFib = view.getUint16(2, true);
  if (ident !== 0xa5ec && ident !== 0xa5dc)
    throw new DocFormatError(`its WordDocument stream does not start with a Word signature (0x${ident.toString(16)})`);
  if (nFib < 0x65)
    throw new DocFormatError(
      `it is in the Word 6.0/95 format (version ${nFib}), which govdocs does not read: open it in Word or LibreOffice and save it as DOCX`,
      'unsupported',
    );
  const flags = view.getUint16(0x0a, true);
  const encrypted = (flags & 0x0100) !== 0 || (flags & 0x8000) !== 0;
  const csw = view.getUint16(32, true);
  const lwAt = 34 + csw * 2;
  const cslw = view.getUint16(lwAt, true);
  const ccpText = view.getInt32(lwAt + 2 + 3 * 4, true);
  const fcAt = lwAt + 2 + cslw * 4;
  const cbRgFcLcb = view.getUint16(fcAt, true);
  if (cbRgFcLcb <= PAIR_CLX)
    throw new DocFormatError('its file information block has too few entries to locate the text');
  const pair = (i: number) => ({
    fc: view.getUint32(fcAt + 2 + i * 8, true),
    lcb: view.getUint32(fcAt + 2 + i * 8 + 4, true),
  });
  if (ccpText < 0) throw new DocFormatError('its file information block gives a negative text length');
  return {
    nFib,
    encrypted,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText,
    clx: pair(PAIR_CLX),
    plcfBtePapx: pair(PAIR_PLCF_BTE_PAPX),
  };
}
