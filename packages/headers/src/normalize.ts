/**
 * Text clean-up for header words and row labels. Header words are compared in NFKC with no
 * spaces; labels keep their printed punctuation but lose ordinals (一、 （一） 1. (1)) and spaces.
 */
import { hasHan, noSpaces } from '@govdocs/core';

const ORDINAL =
  /^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]\s*[、.．]?|\d{1,3}\s*[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十百]+[部分项条款]?\s*[、，.．:：]?)\s*/;

/** Strips a leading list ordinal: 一、 （一） (1) 1. 1、 ①. Nested ordinals are stripped too. */
export function stripOrdinal(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 3; i++) {
    const next = s.replace(ORDINAL, '');
    if (next === s || next === '') break;
    s = next;
  }
  return s;
}

/** A row label as printed, without its ordinal and without spaces. */
export function cleanLabel(text: string): string {
  return noSpaces(stripOrdinal(text.replace(/\s+/g, ' ')));
}

/**
 * A header word for matching: NFKC, no spaces, no trailing column index (预算数 1 → 预算数),
 * no leading 其中：.
 */
export function normHeader(text: string): string {
  let s = noSpaces(text.normalize('NFKC'));
  s = s.replace(/^其中[:：]/, '');
  s = s.replace(/栏次$/, '');
  // 2023年预算数 → 预算数: the year is the document's, the word is the measure.
  s = s.replace(/^(?:19|20)\d{2}年度?(?=[\u4e00-\u9fff])/, '');
  if (hasHan(s)) s = s.replace(/(?<=[^\d\s.])\d{1,2}$/, '');
  return s;
}

/** Words that mark column-index rows (栏次 rows) and row-number columns. */
const INDEX_WORD = /^(?:栏次?|行次|次|类|款|项|目|项目|科目|甲|乙|丙|丁|戊|序号|[类款项次栏]+)$/;

export function isIndexWord(text: string): boolean {
  return INDEX_WORD.test(noSpaces(text.normalize('NFKC')));
}

/** A header word naming a row-number column. */
export function isRowNumberHeader(word: string): boolean {
  return /^(?:行次|栏次|次|序号|行号|编号|栏)$/.test(word);
}
