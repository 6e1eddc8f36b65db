/**
 * A document's prose as paragraphs with their page (or line), whatever its format. PDF pages are
 * read from the positioned words ingest left, not from the blocks table detection made, so a prose
 * page that a detector also took for a small table still reaches the extractor as text.
 */
import type { DocumentModel, PositionedText } from '@govdocs/core';

export interface Paragraph {
  text: string;
  page?: number;
  line?: number;
  /** The paragraph runs on into the next one (a PDF page ended mid-paragraph). */
  continues?: boolean;
}

/** A page number or a running page count alone on a line: not part of any sentence. */
const PAGE_NUMBER = /^[-—–－\s]*(第?\s*\d+\s*页?(\s*[/／共]\s*\d+\s*页?)?)[-—–－\s]*$/;

export function documentParagraphs(doc: DocumentModel): Paragraph[] {
  if (doc.layout) {
    const pages = doc.layout.map((page) => ({
      page,
      lines: toLines(page.texts).filter((l) => !PAGE_NUMBER.test(lineText(l))),
    }));
    const furniture = runningLines(pages.map((p) => p.lines));
    return pages.flatMap(({ page, lines }) =>
      pageParagraphs(
        page.page,
        lines.filter((l) => !furniture.has(shape(lineText(l)))),
      ),
    );
  }
  const out: Paragraph[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'text') {
      const text = block.text.trim();
      if (text && !PAGE_NUMBER.test(text)) out.push(place({ text }, block.page, block.line));
      continue;
    }
    // Web pages and Word files sometimes set their prose inside a layout table: a long cell with
    // sentence punctuation is prose, however it is boxed.
    for (const cell of block.grid.cells) {
      const text = cell.text.trim();
      if (text.length >= 30 && /[。；，]/.test(text)) out.push(place({ text }, cell.page, cell.line));
    }
  }
  return out;
}

function place(p: Paragraph, page: number | undefined, line: number | undefined): Paragraph {
  if (page !== undefined) p.page = page;
  if (line !== undefined) p.line = line;
  return p;
}

interface Line {
  words: PositionedText[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

/**
 * One page's lines joined into paragraphs. A line that stops well short of the page's right edge
 * ends its paragraph (headings, a paragraph's last line); a line whose words stand far apart is a
 * row of a table and is a paragraph of its own, so table pages never run into the prose after them.
 */
function pageParagraphs(page: number, lines: Line[]): Paragraph[] {
  if (lines.length === 0) return [];
  const right = Math.max(...lines.map((l) => l.x1));
  const out: Paragraph[] = [];
  let current = '';
  const flush = (continues = false) => {
    if (current.trim()) out.push({ text: current.trim(), page, ...(continues ? { continues } : {}) });
    current = '';
  };
  let open = false;
  for (const line of lines) {
    const text = lineText(line);
    const tabular = isTabular(line);
    if (tabular) flush();
    current += text;
    open = !(tabular || line.x1 < right - 2.5 * line.size);
    if (!open) flush();
  }
  flush(open);
  return out;
}

/** A line's text with its digits blurred, so 第3页 and 第4页 look alike. */
function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * Running headers and footers: the first or last line of a page that recurs, digits aside, at the
 * top or bottom of at least three pages and a quarter of them. They would cut sentences that run on
 * over a page break.
 */
function runningLines(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const ends = new Set(
      [lines[0], lines[1], lines[lines.length - 1]]
        .filter((l): l is Line => l !== undefined)
        .map((l) => shape(lineText(l))),
    );
    for (const key of ends) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length / 4));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([key]) => key));
}

/** Words whose vertical extents overlap by half the smaller height are on one line. */
function toLines(texts: PositionedText[]): Line[] {
  const sorted = texts
    .filter((t) => t.text.trim() !== '')
    .sort((a, b) => (a.bbox[1] + a.bbox[3]) / 2 - (b.bbox[1] + b.bbox[3]) / 2 || a.bbox[0] - b.bbox[0]);
  const lines: Line[] = [];
  for (const t of sorted) {
    const [x0, y0, x1, y1] = t.bbox;
    const line = lines[lines.length - 1];
    if (line) {
      const overlap = Math.min(line.y1, y1) - Math.max(line.y0, y0);
      if (overlap >= 0.5 * Math.min(line.y1 - line.y0, y1 - y0)) {
        line.words.push(t);
        line.x0 = Math.min(line.x0, x0);
        line.x1 = Math.max(line.x1, x1);
        line.y0 = Math.min(line.y0, y0);
        line.y1 = Math.max(line.y1, y1);
        line.size = Math.max(line.size, t.size);
        continue;
      }
    }
    lines.push({ words: [t], x0, x1, y0, y1, size: t.size || y1 - y0 });
  }
  for (const l of lines) l.words.sort((a, b) => a.bbox[0] - b.bbox[0]);
  return lines;
}

function lineText(line: Line): string {
  let out = '';
  let last: PositionedText | undefined;
  for (const w of line.words) {
    // Latin words and figures keep one space between them; Chinese text runs on.
    if (last && w.bbox[0] - last.bbox[2] > 0.2 * line.size && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(w.text))
      out += ' ';
    out += w.text;
    last = w;
  }
  return out.trim();
}

/** Gaps of several characters between the words of a line: a table row, not a sentence. */
function isTabular(line: Line): boolean {
  let gaps = 0;
  for (let i = 1; i < line.words.length; i++)
    if (line.words[i]!.bbox[0] - line.words[i - 1]!.bbox[2] > 2.5 * line.size) gaps++;
  return gaps >= 1;
}
