/**
 * One document's review page: what the pipeline made of it (identity, issues), then every table
 * drawn from its raw cells beside the picture of its printed region where there is one.
 */
import { cellId, gridHtml, type CellNote, type GridCell, type GridMarks } from './grid.js';
import { esc, formatYuan, page } from './html.js';

export interface DocRecord {
  id: string;
  source: { path: string; mediaType: string; container?: string | null };
  kind: string;
  fiscalYear: number | null;
  title: string | null;
  region: { code: string; name: string; level?: string; province: string | null; prefecture: string | null } | null;
  department: { name: string } | null;
  pages: number;
  ocrPages?: number[];
}

export interface TableRec {
  id: string;
  documentId: string;
  kind: string;
  title: string | null;
  code: string | null;
  unit: string | null;
  pages: number[];
  cells: (GridCell & { page?: number; bbox?: [number, number, number, number] })[];
}

export interface FactRec {
  documentId: string;
  tableId: string;
  measure: string;
  value: number;
  unit: string;
  subject: { code?: string; name?: string; label?: string; item?: string };
  source: { row: number; col: number };
}

export interface IssueRec {
  documentId: string | null;
  tableId: string | null;
  severity: string;
  rule: string;
  message: string;
  source: { file?: string; page?: number; row?: number; col?: number; line?: number; ref?: string };
}

/** A picture of a table region, already written; `src` is relative to docs/. */
export interface Picture {
  table: string;
  page: number;
  src: string;
}

export interface PageInput {
  doc: DocRecord;
  tables: TableRec[];
  facts: FactRec[];
  issues: IssueRec[];
  indicators: number;
  pictures: Picture[];
  /** Why there are no pictures for a PDF (file gone, unreadable, --no-images). */
  pictureNote: string | null;
}

const KIND_NAMES: Record<string, string> = {
  final_account: '决算',
  budget: '预算',
  performance: '绩效',
  unknown: '未知',
};

export function documentPage(input: PageInput): string {
  const { doc, tables } = input;
  const tableIndex = new Map(tables.map((t, i) => [t.id, i + 1]));
  const marks = new Map(tables.map((t) => [t.id, { facts: new Map(), issues: new Map() } as GridMarks]));
  for (const fact of input.facts) {
    const grid = marks.get(fact.tableId);
    if (!grid) continue;
    const key = `${fact.source.row},${fact.source.col}`;
    const what = `${subjectText(fact.subject)} · ${fact.measure}: ${fact.unit === 'yuan' ? `${formatYuan(fact.value)} 元` : `${fact.value} ${fact.unit}`}`;
    grid.facts.set(key, [...(grid.facts.get(key) ?? []), what]);
  }
  const anchors = input.issues.map((issue) => anchorIssue(issue, tables, tableIndex, marks));
  const region = doc.region
    ? `${doc.region.name} (${doc.region.code}${doc.region.level ? ` · ${doc.region.level}` : ''})`
    : '—';
  const place = doc.region ? [doc.region.province, doc.region.prefecture].filter(Boolean).join(' ') : '';
  const head = `<header><a href="../index.html">← all documents</a>
<h1>${esc(doc.title ?? doc.source.path)}</h1>
<dl class="facts-of-doc">
<dt>Region</dt><dd>${esc(region)} ${esc(place)}</dd>
<dt>Year</dt><dd>${esc(doc.fiscalYear ?? '—')}</dd>
<dt>Kind</dt><dd>${esc(doc.kind)} ${esc(KIND_NAMES[doc.kind] ?? '')}</dd>
<dt>Department</dt><dd>${esc(doc.department?.name ?? '—')}</dd>
<dt>Source</dt><dd><code>${esc(doc.source.path)}</code> (${esc(doc.source.mediaType)}, ${doc.pages} pages${doc.ocrPages?.length ? `, OCR pages ${esc(doc.ocrPages.join(', '))}` : ''})</dd>
<dt>Read</dt><dd>${tables.length} tables, ${input.facts.length} facts, ${input.indicators} indicators, ${input.issues.length} issues</dd>
</dl></header>`;
  const issueList = input.issues.length
    ? `<section id="issues"><h2>Issues</h2><ol class="issues">${input.issues
        .map(
          (issue, i) =>
            `<li class="${esc(issue.severity)}"><span class="sev">${esc(issue.severity)}</span> <code>${esc(issue.rule)}</code> ${esc(issue.message)} ${anchors[i] ? `<a class="go" href="#${anchors[i]}">${esc(where(issue, tableIndex))}</a>` : `<span class="where">${esc(where(issue, tableIndex))}</span>`}</li>`,
        )
        .join('')}</ol></section>`
    : '<section id="issues"><h2>Issues</h2><p class="note">None.</p></section>';
  const note = input.pictureNote ? `<p class="note">${esc(input.pictureNote)}</p>` : '';
  const body = tables
    .map((t, i) => {
      const n = i + 1;
      const pictures = input.pictures.filter((p) => p.table === t.id);
      const side = pictures.length
        ? `<div class="picture">${pictures.map((p) => `<figure><img loading="lazy" src="${esc(p.src)}" alt="page ${p.page} of the source"><figcaption>source, page ${p.page}</figcaption></figure>`).join('')}</div>`
        : '';
      return `<section class="table" id="t${n}"><h3>Table ${n}: ${esc(t.title ?? '(untitled)')} <small>${esc([t.code, t.kind, t.unit, t.pages.length ? `p. ${t.pages.join(', ')}` : ''].filter(Boolean).join(' · '))}</small></h3>
<div class="pair">${side}<div class="read">${gridHtml(n, t.cells, marks.get(t.id)!)}</div></div></section>`;
    })
    .join('\n');
  const legend =
    '<p class="legend"><span class="fact">cell gave a fact</span> <span class="flag error">error</span> <span class="flag warning">warning</span> <span class="flag info">info</span></p>';
  return page(
    doc.title ?? doc.source.path,
    '..',
    `${head}\n${issueList}\n<main><h2>Tables</h2>${legend}${note}\n${body}</main>`,
  );
}

/** Puts the issue on its cell (the cell covering its row and column, else its row's first cell); returns the anchor. */
function anchorIssue(
  issue: IssueRec,
  tables: TableRec[],
  tableIndex: Map<string, number>,
  marks: Map<string, GridMarks>,
): string | null {
  if (!issue.tableId || !tableIndex.has(issue.tableId)) return null;
  const n = tableIndex.get(issue.tableId)!;
  const { row, col } = issue.source;
  if (row === undefined) return `t${n}`;
  const cells = tables[n - 1].cells;
  const cell =
    col === undefined
      ? cells.filter((x) => x.r <= row && row < x.r + x.rs).sort((a, b) => a.c - b.c)[0]
      : cells.find((x) => x.r <= row && row < x.r + x.rs && x.c <= col && col < x.c + x.cs);
  if (!cell) return `t${n}`;
  const grid = marks.get(issue.tableId)!;
  const key = `${cell.r},${cell.c}`;
  const note: CellNote = { severity: issue.severity, rule: issue.rule, message: issue.message };
  grid.issues.set(key, [...(grid.issues.get(key) ?? []), note]);
  return cellId(n, cell.r, cell.c);
}

function where(issue: IssueRec, tableIndex: Map<string, number>): string {
  const s = issue.source;
  const parts = [
    issue.tableId && tableIndex.has(issue.tableId) ? `table ${tableIndex.get(issue.tableId)}` : '',
    s.page ? `page ${s.page}` : '',
    s.row !== undefined ? `row ${s.row}` : '',
    s.col !== undefined ? `column ${s.col}` : '',
    s.ref ?? '',
    s.line ? `line ${s.line}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'whole document';
}

function subjectText(subject: FactRec['subject']): string {
  if (subject.code) return `${subject.code} ${subject.name ?? ''}`.trim();
  return subject.item ?? subject.label ?? '';
}
