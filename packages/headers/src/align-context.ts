/** Which document and table a grid is aligned for. */
export interface AlignContext {
  documentId: string;
  tableId: string;
  /** Source path, for diagnostics. */
  file: string;
}
