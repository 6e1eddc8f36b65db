/**
 * The lines around a grid that name it: title (收入支出决算总表), code (公开01表, 表2),
 * unit (金额单位：元 / 单位：万元) and department (部门： / 编制单位：).
 */
import { cleanText, type TableUnit } from '@govdocs/core';

export interface TableContext {
  title: string | null;
  code: string | null;
  unit: TableUnit | null;
  department: string | null;
}

const CODE = /(公开\s*\d{1,2}\s*表(?:\s*[-—]\s*\d+)?|(?:附)?表\s*[-—]?\s*\d{1,2}(?:\s*[-—]\s*\d+)?(?![\d年]))/;
const UNIT = /(?:金额|计量)?单位\s*[:：]\s*(万元|千元|元)/;
const UNIT_PAREN = /[（(]\s*(?:单位\s*[:：]?\s*)?(万元|千元|元)\s*[)）]/;
const DEPARTMENT =
  /(?:部门名称|部门|编制单位|编制部门|单位名称|预算单位|填报单位|报送单位|部门（单位）名称|部门\(单位\)名称)\s*[:：]\s*([^\s:：]+?(?:\s[^\s:：]+)*?)(?=\s*(?:金额|计量)?单位\s*[:：]|\s{2,}|$)/;
const TITLE_WORD = /表(?:[（(][^）)]*[)）])?\s*$|总表|明细表|情况表|自评表|目标表/;

export const UNIT_WORDS: Record<string, TableUnit> = { 元: 'yuan', 万元: 'ten_thousand_yuan', 千元: 'thousand_yuan' };

/** Reads the context of a table from the lines before it (nearest last) and any title cell. */
export function readTableContext(before: string[], extra: string[] = []): TableContext {
  const lines = [...before, ...extra].map((l) => cleanText(l.normalize('NFKC').replace(/[\s\u3000]+/g, ' ')));
  let code: string | null = null;
  let unit: TableUnit | null = null;
  let department: string | null = null;
  let title: string | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    const codeMatch = CODE.exec(line);
    if (!code && codeMatch && line.length <= 30) code = codeMatch[1].replace(/\s+/g, '');
    const unitMatch = UNIT.exec(line) ?? UNIT_PAREN.exec(line);
    if (!unit && unitMatch) unit = UNIT_WORDS[unitMatch[1]];
    const deptMatch = DEPARTMENT.exec(line);
    if (!department && deptMatch) department = deptMatch[1].replace(/\s+/g, '');
    if (!title && isTitle(line)) title = stripTitle(line);
  }
  return { title, code, unit, department };
}

/** A cell that states the unit, department or table code (金额单位：万元, 部门：…), not a header word. */
export function isContextCell(text: string): boolean {
  const line = cleanText(text.normalize('NFKC'));
  if (/^(?:金额|计量)?单位\s*[:：]/.test(line)) return true;
  const dept = DEPARTMENT.exec(line);
  if (dept && dept.index === 0) return true;
  const code = CODE.exec(line);
  return !!code && line.replace(CODE, '').trim().length === 0;
}

/** True for a line that names a table: title, 公开NN表 code, unit or department line. */
export function isContextLine(text: string): boolean {
  const line = cleanText(text.normalize('NFKC').replace(/[\s\u3000]+/g, ' '));
  if (!line) return false;
  if (UNIT.test(line) || UNIT_PAREN.test(line) || DEPARTMENT.test(line)) return true;
  const code = CODE.exec(line);
  if (code && line.replace(CODE, '').trim().length <= 2) return true;
  return isTitle(line);
}

export function isTitle(line: string): boolean {
  if (line.length > 60 || line.length < 3) return false;
  if (/^(注|说明)[:：]/.test(line)) return false;
  if (/[:：]/.test(line) && !TITLE_WORD.test(line)) return false;
  return TITLE_WORD.test(line.replace(CODE, '').trim()) || /(决算|预算)表/.test(line);
}

/** Drops a code and list ordinal glued to a title: "公开01表 收入决算表" → "收入决算表". */
function stripTitle(line: string): string {
  return (
    line
      .replace(/^#+\s*|^\*\*|\*\*$/g, '')
      .replace(CODE, '')
      .trim()
      .replace(/^[一二三四五六七八九十]+、|^\d+[.、]/, '')
      .replace(/^附表\s*[:：]?/, '')
      .replace(/^(附)?表\s*[一二三四五六七八九十]+\s*[:：、.．]?\s*/, '')
      // 2020 年 → 2020年: spaces between digits and Han are layout, not words.
      .replace(/(?<=\d)\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=\d)/g, '')
      .trim() || line
  );
}
