/**
 * What each WordprocessingML element means to the body reader (body.ts). An element not listed
 * is read through: its own tag means nothing, its content counts (hyperlinks, smart tags,
 * content controls, insertions, field results, runs).
 */

export type ElementKind =
  | 'through'
  | 'skip'
  | 'body'
  | 'p'
  | 'pPr'
  | 't'
  | 'tab'
  | 'break'
  | 'sym'
  | 'char'
  | 'tbl'
  /** A table nested deeper than the reader builds tables for: its content is read as paragraphs. */
  | 'flatTbl'
  | 'tr'
  | 'tc'
  | 'tcPr'
  | 'trPr'
  | 'gridSpan'
  | 'vMerge'
  | 'gridBefore'
  | 'del'
  | 'alternate'
  | 'noteRef'
  | 'note';

/** Skipped whole: properties (and their change records, which hold old values), deleted and moved-away text, field codes, ruby annotations, math. */
const SKIPPED = [
  'w:rPr',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:tblPr',
  'w:tblPrEx',
  'w:tblGrid',
  'w:sectPr',
  'w:delText',
  'w:instrText',
  'w:delInstrText',
  'w:moveFrom',
  'w:rPrChange',
  'w:pPrChange',
  'w:tcPrChange',
  'w:trPrChange',
  'w:tblPrChange',
  'w:tblGridChange',
  'w:sectPrChange',
  'w:numberingChange',
  'w:rt',
  'w:fldData',
  'w:ffData',
  'm:oMath',
  'm:oMathPara',
  'w:background',
];

/** Element name (with the usual prefixes, see namespaces.ts) → its kind. */
export const ELEMENT_KINDS = new Map<string, ElementKind>([
  ['w:body', 'body'],
  ['w:p', 'p'],
  ['w:pPr', 'pPr'],
  ['w:t', 't'],
  ['w:tab', 'tab'],
  ['w:ptab', 'tab'],
  ['w:br', 'break'],
  ['w:cr', 'break'],
  ['w:sym', 'sym'],
  ['w:noBreakHyphen', 'char'],
  ['w:softHyphen', 'char'],
  ['w:tbl', 'tbl'],
  ['w:tr', 'tr'],
  ['w:tc', 'tc'],
  ['w:tcPr', 'tcPr'],
  ['w:trPr', 'trPr'],
  ['w:gridSpan', 'gridSpan'],
  ['w:vMerge', 'vMerge'],
  ['w:gridBefore', 'gridBefore'],
  ['w:del', 'del'],
  ['mc:AlternateContent', 'alternate'],
  ['w:footnoteReference', 'noteRef'],
  ['w:endnoteReference', 'noteRef'],
  ['w:footnote', 'note'],
  ['w:endnote', 'note'],
  ...SKIPPED.map((name): [string, ElementKind] => [name, 'skip']),
]);
