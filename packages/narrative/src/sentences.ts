/** Paragraphs → sentences, each numbered on the page (or in the document) it starts on. */
import { normalizeSentence } from './figures.js';
import type { Paragraph } from './text.js';

export interface Sentence {
  text: string;
  page?: number;
  line?: number;
  /** 1-based number of the sentence on its page (in the document when there are no pages). */
  index: number;
  /** The sentence starts a paragraph (a heading or a numbered item may open it). */
  opensParagraph: boolean;
}

/** Sentences end at 。！？ and at the end of a paragraph; a sentence longer than this is cut at ；. */
const LONG = 400;

export function toSentences(paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  const counts = new Map<number, number>();
  let carry: { text: string; page?: number; line?: number } | null = null;
  const emit = (text: string, page: number | undefined, line: number | undefined, opens: boolean) => {
    const clean = normalizeSentence(text);
    if (!clean) return;
    const key = page ?? 0;
    const index = (counts.get(key) ?? 0) + 1;
    counts.set(key, index);
    const s: Sentence = { text: clean, index, opensParagraph: opens };
    if (page !== undefined) s.page = page;
    if (line !== undefined) s.line = line;
    out.push(s);
  };
  for (const p of paragraphs) {
    const start = carry ?? { text: '', page: p.page, line: p.line };
    const text = start.text + p.text;
    const pieces = splitSentences(text);
    const opensFirst = carry === null;
    carry = null;
    pieces.forEach((piece, i) => {
      const last = i === pieces.length - 1;
      if (last && p.continues && !/[。！？!?]$/.test(piece)) {
        carry = { text: piece, page: i === 0 ? start.page : p.page, line: i === 0 ? start.line : p.line };
        return;
      }
      emit(piece, i === 0 ? start.page : p.page, i === 0 ? start.line : p.line, i === 0 ? opensFirst : false);
    });
  }
  if (carry)
    emit((carry as { text: string }).text, (carry as { page?: number }).page, (carry as { line?: number }).line, false);
  return out;
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.match(/[^。！？!?]+[。！？!?]*|[。！？!?]+/g) ?? []) {
    if (piece.length <= LONG) out.push(piece);
    else out.push(...(piece.match(/[^；;]+[；;]*/g) ?? [piece]));
  }
  return out.map((s) => s.trim()).filter((s) => s !== '' && !/^[。！？!?]+$/.test(s));
}
