/**
 * A table drawn from its raw cells, spans and all, as the pipeline saw it. Cells that gave facts
 * are marked; cells an issue points at are highlighted with the issue's message inside them, and
 * carry an id the issue list links to.
 */
import { esc } from './html.js';

export interface GridCell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  text: string;
}

export interface CellNote {
  severity: string;
  rule: string;
  message: string;
}

export interface GridMarks {
  /** "r,c" → what the cell gave (measure: value). */
  facts: Map<string, string[]>;
  /** "r,c" → issues pointing at the cell. */
  issues: Map<string, CellNote[]>;
}

export const cellId = (table: number, r: number, c: number) => `t${table}-r${r}-c${c}`;

export function gridHtml(table: number, cells: GridCell[], marks: GridMarks): string {
  if (!cells.length) return '<p class="note">No cells were read from this table.</p>';
  const rows = Math.max(...cells.map((x) => x.r + x.rs));
  const cols = Math.max(...cells.map((x) => x.c + x.cs));
  const start = new Map<string, GridCell>();
  for (const cell of cells) if (!start.has(`${cell.r},${cell.c}`)) start.set(`${cell.r},${cell.c}`, cell);
  const covered = new Set<string>();
  const out: string[] = [`<table class="grid" id="table-${table}">`];
  for (let r = 0; r < rows; r++) {
    out.push('<tr>');
    for (let c = 0; c < cols; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = start.get(key);
      if (!cell) {
        out.push('<td></td>');
        continue;
      }
      for (let i = 0; i < cell.rs; i++) for (let j = 0; j < cell.cs; j++) if (i || j) covered.add(`${r + i},${c + j}`);
      const facts = marks.facts.get(key);
      const notes = marks.issues.get(key);
      const classes = [facts ? 'fact' : '', notes ? `flag ${worst(notes)}` : ''].filter(Boolean).join(' ');
      const attrs = [
        `id="${cellId(table, r, c)}"`,
        cell.rs > 1 ? `rowspan="${cell.rs}"` : '',
        cell.cs > 1 ? `colspan="${cell.cs}"` : '',
        classes ? `class="${classes}"` : '',
        facts ? `title="${esc(facts.join('\n'))}"` : '',
      ]
        .filter(Boolean)
        .join(' ');
      const messages = notes
        ? notes.map((n) => `<div class="msg ${esc(n.severity)}">${esc(n.rule)}: ${esc(n.message)}</div>`).join('')
        : '';
      out.push(`<td ${attrs}>${esc(cell.text)}${messages}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</table>');
  return out.join('');
}

function worst(notes: CellNote[]): string {
  return notes.some((n) => n.severity === 'error')
    ? 'error'
    : notes.some((n) => n.severity === 'warning')
      ? 'warning'
      : 'info';
}
