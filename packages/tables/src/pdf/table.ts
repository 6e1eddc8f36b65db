/** A table found on one page, before tables continued over pages are joined. */
import type { BBox, TextBlock } from '@govdocs/core';

export interface PageCell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  text: string;
  bbox: BBox;
  /** Set when the cell is on another page than its table's first (a header row left at a page foot). */
  page?: number;
}

export interface PageTable {
  page: number;
  bbox: BBox;
  rowCount: number;
  colCount: number;
  /** x-range of each column, to tell whether a table on the next page continues this one. */
  columns: { x0: number; x1: number }[];
  cells: PageCell[];
  /** How the table was found, and how sure the finder is (0..1). */
  method: 'lattice' | 'stream';
  confidence: number;
}

/** What a page holds once tables are found: text lines and tables, in reading order. */
export type Item = { type: 'text'; block: TextBlock } | { type: 'table'; table: PageTable };
