/** How messages name a table and a column: the printed title and header, else the tokens. */
import type { RowInfo, TableModel } from './model.js';

/** The printed header of a measure's column (“基本支出”), else the measure token. */
export function columnName(model: TableModel, measure: string): string {
  const col = model.table.columns.find((c) => c.measure === measure);
  return col && col.path.length > 0 ? col.path.join('›') : measure;
}

export function tableName(table: { title: string | null; code: string | null; kind: string }): string {
  const title = table.title ?? table.kind;
  return table.code ? `${title} (${table.code})` : title;
}

/** A line as printed: its text, else its printed code, else its key. */
export function lineLabel(row: RowInfo): string {
  return row.text ?? row.printed ?? row.key;
}
