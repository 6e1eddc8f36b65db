/**
 * The in-memory document model the stages hand each other. Output records (schemas.ts) are
 * derived from it; this keeps what stages need (reading order, positions, clues).
 */

/** [x0, y0, x1, y1] in PDF points, origin at the page's top-left, y growing downwards. */
export type BBox = [number, number, number, number];

/** One cell of a grid as read. Empty cells are not stored. */
export interface Cell {
  /** 0-based row and column in the grid. */
  r: number;
  c: number;
  /** Row and column span (1 for an unmerged cell). */
  rs: number;
  cs: number;
  /** The text a reader sees, whitespace-trimmed; inner line breaks joined. */
  text: string;
  /** 1-based page the cell is on (PDF), when the format has pages. */
  page?: number;
  bbox?: BBox;
  /** Spreadsheet sheet name and A1 reference of the cell's top-left. */
  sheet?: string;
  ref?: string;
  /** 1-based source line (text dumps). */
  line?: number;
}

/** A table as a grid of cells, plus the lines of text around it that name it. */
export interface Grid {
  cells: Cell[];
  rowCount: number;
  colCount: number;
  /** Pages the grid spans (1-based), empty when the format has none. */
  pages: number[];
  /**
   * Text lines just above the grid, in reading order, nearest last: the title, 公开NN表 code,
   * 金额单位 and 部门 lines are among them. Stages that need the context read it from here.
   */
  before: string[];
  /** Text lines just below the grid (notes such as 注：…), in reading order. */
  after: string[];
  sheet?: string;
}

export interface TextBlock {
  type: 'text';
  text: string;
  page?: number;
  line?: number;
  bbox?: BBox;
}

export interface GridBlock {
  type: 'grid';
  grid: Grid;
}

export type Block = TextBlock | GridBlock;

/** A positioned run of text on a PDF page. Coordinates as in BBox. */
export interface PositionedText {
  text: string;
  bbox: BBox;
  /** Font size in points. */
  size: number;
  /** Read by OCR: the recogniser's confidence in [0, 1]. */
  ocr?: number;
}

/** A ruling line segment on a PDF page, coordinates as in BBox. */
export interface RuleLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a PDF page holds once the engine is done with it: text and rules, no engine objects. */
export interface PageLayout {
  /** 1-based page number. */
  page: number;
  /** Page size in points, after rotation. */
  width: number;
  height: number;
  texts: PositionedText[];
  rules: RuleLine[];
  /** True when the page is covered by an image and has no text (a scan). */
  scanned?: boolean;
}

/** What the document itself says about where it came from (web pages, crawls). */
export interface DocumentClues {
  /** Article or file title. */
  title?: string;
  /** Name of the site it was published on (e.g. 新平县人民政府). */
  site?: string;
  /** URL it was fetched from. */
  url?: string;
  /** Publish date as printed, ISO when it could be read. */
  published?: string;
}

export interface SourceRef {
  /** Path as given on the command line (relative paths stay relative), `/` separated. */
  path: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  url: string | null;
  /** A member of an archive: the sha256 of the archive it was taken out of (the innermost when nested); `path` is `archive.zip!/inner/x.pdf`. */
  container?: string;
}

export interface DocumentModel {
  /** `sha256:<hex>` of the bytes. */
  id: string;
  source: SourceRef;
  /** Page count for paged formats, 1 for others. */
  pageCount: number;
  script: 'simplified' | 'traditional';
  clues: DocumentClues;
  /** Paragraphs and grids in reading order. */
  blocks: Block[];
  /** PDF only: positioned text and rules per page, turned into blocks by table detection. */
  layout?: PageLayout[];
  /** Pages whose text came from OCR. */
  ocrPages?: number[];
}

/** A file handed to the pipeline. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
  /** Where it was fetched from, when known (crawls). */
  url?: string | null;
  /** Clues from the crawl (site name, page title), merged into the document's clues. */
  clues?: DocumentClues;
  /** Hex SHA-256 of `bytes`, when the caller has hashed them already (the batch runner does, for resume). */
  sha256?: string;
  /** Taken out of an archive: the sha256 of the archive it was taken out of (`path` is `archive.zip!/inner/x.pdf`). */
  container?: string;
  /** False: scanned pages are not read by OCR (`--no-ocr`); they get a parse issue. */
  ocr?: boolean;
}

/** Where a cell sits in its source, as carried by facts, indicators and issues. */
export interface CellPosition {
  page?: number;
  line?: number;
  sheet?: string;
  ref?: string;
}

/** The source position of a cell, with only the fields its format has. */
export function cellPosition(cell: Cell): CellPosition {
  const out: CellPosition = {};
  if (cell.page !== undefined) out.page = cell.page;
  if (cell.line !== undefined) out.line = cell.line;
  if (cell.sheet !== undefined) out.sheet = cell.sheet;
  if (cell.ref !== undefined) out.ref = cell.ref;
  return out;
}
