/**
 * `govdocs report DIR --out REPORT`: a static review site that opens from disk. index.html lists
 * every document (its rows come from index-data.js, a script, since a page opened from disk may
 * not fetch files); docs/<id>.html is one document; img/ holds the PDF page pictures.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StepBar, type BarStream } from '@govdocs/export';
import {
  documentPage,
  type DocRecord,
  type FactRec,
  type IssueRec,
  type Picture,
  type TableRec,
} from './document-page.js';
import { docFile, esc, page } from './html.js';
import { documentsOf } from './merge.js';
import { openForPictures, tableRegions } from './render-pdf.js';

export interface ReportOptions {
  dir: string;
  out: string;
  /** Draw PDF page pictures (default true). */
  images?: boolean;
  progress?: BarStream | null;
}

export interface ReportResult {
  documents: number;
  pictures: number;
  orphans: number;
  index: string;
}

export class ReportError extends Error {
  readonly usage = true;
}

const ASSETS = new URL('../assets/', import.meta.url);

/** One index row: [file, region code, region, province, year, kind, department, title, tables, facts, errors, warnings, infos, families, path]. */
type IndexRow = [
  string,
  string,
  string,
  string,
  number | null,
  string,
  string,
  string,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
];

export async function writeReport(options: ReportOptions): Promise<ReportResult> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, 'documents.jsonl')))
    throw new ReportError(`${dir} has no documents.jsonl: give the folder that \`govdocs run ... --out DIR\` wrote.`);
  const out = resolve(options.out);
  for (const sub of ['', 'docs', 'img']) mkdirSync(join(out, sub), { recursive: true });
  for (const asset of ['style.css', 'index.js']) copyFileSync(new URL(asset, ASSETS), join(out, asset));

  const total = await countLines(join(dir, 'documents.jsonl'));
  const bar = new StepBar(options.progress ?? null, 1);
  const rows: IndexRow[] = [];
  const orphans: string[] = [];
  const badLines: string[] = [];
  let pictures = 0;
  for await (const group of documentsOf<DocRecord, TableRec, FactRec, IssueRec, { documentId: string }>(
    dir,
    (file, record) => orphans.push(`${file}: ${JSON.stringify(record).slice(0, 300)}`),
    (file, line, error) => badLines.push(`${file} line ${line}: ${error}`),
  )) {
    const { doc } = group;
    const file = docFile(doc.id);
    const drawn =
      options.images === false
        ? { pictures: [], note: isPdf(doc) ? 'Page pictures were left out (--no-images).' : null }
        : await drawPictures(doc, group.tables, out, file);
    pictures += drawn.pictures.length;
    writeFileSync(
      join(out, 'docs', file),
      documentPage({
        ...group,
        indicators: group.indicators.length,
        pictures: drawn.pictures,
        pictureNote: drawn.note,
      }),
    );
    const bySeverity = (s: string) => group.issues.filter((i) => i.severity === s).length;
    const families = [...new Set(group.issues.map((i) => i.rule.split('.')[0]))].sort().join(' ');
    rows.push([
      file,
      doc.region?.code ?? '',
      doc.region?.name ?? '',
      [doc.region?.province, doc.region?.prefecture].filter(Boolean).join(' '),
      doc.fiscalYear,
      doc.kind,
      doc.department?.name ?? '',
      doc.title ?? '',
      group.tables.length,
      group.facts.length,
      bySeverity('error'),
      bySeverity('warning'),
      bySeverity('info'),
      families,
      doc.source.path,
    ]);
    bar.update(0, `${rows.length}/${total} documents`, rows.length / Math.max(1, total));
  }
  writeFileSync(join(out, 'index-data.js'), `window.GOVDOCS_INDEX = ${JSON.stringify({ dir, rows })};\n`);
  writeFileSync(join(out, 'index.html'), indexPage(dir, rows.length, orphans, badLines));
  bar.end(`report of ${rows.length} documents (${pictures} page pictures) in ${join(out, 'index.html')}`);
  return { documents: rows.length, pictures, orphans: orphans.length, index: join(out, 'index.html') };
}

function isPdf(doc: DocRecord): boolean {
  return doc.source.mediaType === 'application/pdf';
}

async function drawPictures(
  doc: DocRecord,
  tables: TableRec[],
  out: string,
  file: string,
): Promise<{ pictures: Picture[]; note: string | null }> {
  if (!isPdf(doc)) return { pictures: [], note: null };
  if (doc.source.container || doc.source.path.includes('!/'))
    return { pictures: [], note: `${doc.source.path} is inside an archive; no page pictures.` };
  const wanted = tables.map((t) => ({ table: t, regions: tableRegions(t.cells) })).filter((w) => w.regions.length);
  if (!wanted.length) return { pictures: [], note: null };
  const pdf = await openForPictures(resolve(doc.source.path));
  if (!pdf.ok) return { pictures: [], note: pdf.reason };
  const pictures: Picture[] = [];
  try {
    const stem = file.replace(/\.html$/, '');
    for (const [i, { table, regions }] of wanted.entries()) {
      for (const region of regions) {
        const png = await pdf.crop(region);
        if (!png) continue;
        const name = `${stem}-t${i + 1}-p${region.page}.webp`;
        writeFileSync(join(out, 'img', name), png);
        pictures.push({ table: table.id, page: region.page, src: `../img/${name}` });
      }
    }
  } finally {
    await pdf.close();
  }
  return { pictures, note: null };
}

function indexPage(dir: string, documents: number, orphans: string[], badLines: string[]): string {
  const problems = [...badLines.map((l) => `unreadable line: ${l}`), ...orphans.map((o) => `no document for ${o}`)];
  const extra = problems.length
    ? `<details class="orphans"><summary>${problems.length} records outside any document</summary><ul>${problems
        .slice(0, 1000)
        .map((p) => `<li><code>${esc(p)}</code></li>`)
        .join('')}</ul>${problems.length > 1000 ? `<p>… and ${problems.length - 1000} more</p>` : ''}</details>`
    : '';
  const body = `<header><h1>govdocs review</h1><p>${documents} documents from <code>${esc(dir)}</code></p>${extra}</header>
<form id="filters" onsubmit="return false">
<label>Region <input name="region" type="search" placeholder="name or code"></label>
<label>Year <select name="year"><option value="">all</option></select></label>
<label>Kind <select name="kind"><option value="">all</option></select></label>
<label>Issue family <select name="family"><option value="">all</option><option value="-">none</option></select></label>
<label>Text <input name="text" type="search" placeholder="department, title, file"></label>
</form>
<p id="status"></p>
<table id="documents" class="list"><thead><tr>
<th data-sort="2">Region</th><th data-sort="4">Year</th><th data-sort="5">Kind</th><th data-sort="6">Department</th>
<th data-sort="8">Tables</th><th data-sort="9">Facts</th><th data-sort="10">Errors</th><th data-sort="11">Warnings</th><th data-sort="12">Info</th><th data-sort="13">Issue families</th>
</tr></thead><tbody></tbody></table>
<nav id="pager"><button type="button" data-go="-1">← previous</button> <span></span> <button type="button" data-go="1">next →</button></nav>`;
  return page('govdocs review', '.', body, ['index-data.js', 'index.js']);
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 10) lines++;
  return lines;
}
