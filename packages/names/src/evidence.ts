/**
 * Everything a document says about who published it, as weighted lines and department slots:
 * page title and site name, the first lines, table titles, 部门：/单位名称 lines and cells,
 * the table department lines the headers stage read, and the body text.
 */
import type { DocumentModel, Place, TableRecord } from '@govdocs/core';
import { ORG_END } from './department.js';
import { normalizeLine, simplify } from './normalize.js';

/** `file-title`: the title a file's properties carry (PDF, Office), often a template's leftover. */
export type Role = 'title' | 'file-title' | 'site' | 'headline' | 'table-title' | 'department' | 'body';

export interface Line {
  text: string;
  weight: number;
  role: Role;
  place: Place;
}

export interface Slot {
  raw: string;
  weight: number;
  label: string;
  place: Place;
  tableId?: string;
}

/** `cover`: the opening lines of a cover printed over several lines, joined (2026年广州市信访局部门预算). */
export interface Evidence {
  lines: Line[];
  slots: Slot[];
  host: string | null;
  cover: string | null;
}

const HEADLINE_LINES = 8;
/** Body text is read up to this many lines: enough to vote, bounded for very long documents. */
const MAX_BODY_LINES = 600;
const MAX_LINE = 400;

const LABEL_WEIGHT: Record<string, number> = {
  部门: 5,
  编制单位: 5,
  部门名称: 5,
  单位名称: 5,
  编制部门: 5,
  填报单位: 5,
  预算主管部门: 5,
  预算单位: 3,
  单位: 3,
  项目实施单位: 2,
  实施单位: 2,
  主管部门: 1,
  发布单位: 4,
  发布机构: 4,
  来源: 2,
};
const LABELS = Object.keys(LABEL_WEIGHT)
  .sort((a, b) => b.length - a.length)
  .join('|');
const LABELLED = new RegExp(`(?:^|[\\s|])(${LABELS})\\s*[:：\\t]\\s*([^\\s\\t:：|]{2,40})`, 'g');
const LABEL_ONLY = new RegExp(`^(${LABELS})[:：]?$`);
const NOT_ORG = /^(万?元|千元|人|个|%)$/;

export function collectEvidence(doc: DocumentModel, tables: TableRecord[]): Evidence {
  const file = doc.source.path;
  const lines: Line[] = [];
  const slots: Slot[] = [];
  let tableId: string | undefined;
  const addSlot = (raw: string, label: string, place: Place, weight = LABEL_WEIGHT[label] ?? 1) => {
    // [292]国家信访局: a budget code before the name.
    const text = raw
      .trim()
      .replace(PART, '')
      .replace(/^[[【(（]\d+[\]】)）]/, '');
    if (text.length >= 2 && !NOT_ORG.test(text) && ORG_END.test(text.replace(/[（(].*$/, ''))) {
      slots.push({ raw: text, weight, label, place, ...(tableId && { tableId }) });
    }
  };
  // Page titles and site names come from the crawl, not through ingest's conversion.
  const clue = (t: string) => normalizeLine(doc.script === 'traditional' ? simplify(t) : t);
  if (doc.clues.title) {
    const text = clue(doc.clues.title);
    // A web page's title is its own; a file's property title may be a template's (附件2：…样张).
    if (isPage(doc)) {
      lines.push({ text, weight: 5, role: 'title', place: { file } });
      // 首页_南宁市教育局, 2023年部门决算 - 无锡市商务局: a page title joins its parts with the site's name.
      for (const part of text.split(/[_|｜]|\s+[-—–]+\s+|(?<=[\u4e00-\u9fff])[-—–]+(?=[\u4e00-\u9fff])/))
        titleSlot(part.trim(), { file }, addSlot);
    } else lines.push({ text, weight: 2, role: 'file-title', place: { file } });
  }
  if (doc.clues.site) lines.push({ text: clue(doc.clues.site), weight: 3, role: 'site', place: { file } });

  let count = 0;
  let pendingLabel: string | null = null;
  // A cover prints the publisher's name over several short lines (中共上海市普陀区委 / 社会工作部
  // 2024年度 / 部门决算): they are read together too.
  let cover: string[] = [];
  let coverPlace: Place = { file };
  let coverText: string | null = null;
  const endCover = () => {
    if (cover.length > 1) {
      coverText ??= cover.join('');
      titleSlot(cover.join(''), coverPlace, addSlot);
    }
    cover = [];
  };
  for (const block of doc.blocks) {
    if (block.type !== 'text') continue;
    const text = normalizeLine(block.text).trim();
    if (!text) continue;
    const place: Place = {
      file,
      ...(block.page !== undefined && { page: block.page }),
      ...(block.line !== undefined && { line: block.line }),
    };
    const headline = count < HEADLINE_LINES;
    if (count++ >= MAX_BODY_LINES) break;
    lines.push({
      text: text.slice(0, MAX_LINE),
      weight: headline ? 3 : 1,
      role: headline ? 'headline' : 'body',
      place,
    });
    if (pendingLabel) addSlot(text.split(/[\s\t]/)[0], pendingLabel, place);
    pendingLabel = LABEL_ONLY.exec(text)?.[1] ?? null;
    for (const m of text.matchAll(LABELLED)) addSlot(m[2], m[1], place);
    if (headline) titleSlot(text, place, addSlot);
    if (headline && cover.length < 4 && text.length <= 30 && !/[:：，。；]|目\s*录/.test(text)) {
      if (!cover.length) coverPlace = place;
      cover.push(text);
    } else endCover();
  }
  endCover();
  for (const table of tables) {
    tableId = table.id;
    const place: Place = { file, ...(table.pages[0] !== undefined && { page: table.pages[0] }) };
    if (table.title) lines.push({ text: normalizeLine(table.title), weight: 2, role: 'table-title', place });
    if (table.department) addSlot(normalizeLine(table.department), '部门', place);
    cellSlots(table, file, addSlot);
  }
  tableId = undefined;
  return { lines, slots, host: hostOf(doc.clues.url ?? doc.source.url), cover: coverText };
}

/** 第二部分 / 第2部分 before a heading: the part of the document, not a name. */
const PART = /^第[一二三四五六七八九十\d]+部分\s*/;

export function isPage(doc: DocumentModel): boolean {
  return /html/.test(doc.source.mediaType);
}

type AddSlot = (raw: string, label: string, place: Place, weight?: number) => void;

/**
 * A heading that is an organisation's name (新平彝族傣族自治县人民政府办公室) or starts with one
 * before the year (浏阳市人民政府办公室2020年度部门决算) names the publisher.
 */
function titleSlot(text: string, place: Place, addSlot: AddSlot): void {
  if (text.length > 80 || /[:：，。；]/.test(text)) return;
  const marked = text
    .replace(/^#+\s*/, '')
    .replace(PART, '')
    .replace(/^关于/, '')
    .replace(/(?:[〇○零一二三四五六七八九]{4}|\d{4})\s*年度?/g, '|');
  const org = /^\|?([^|]{4,40}?)(?:\||部门|单位|整体|项目|决算|预算|绩效|收支|公开|$)/.exec(marked)?.[1];
  if (org && !/\d/.test(org)) addSlot(org, 'title', place, 4);
}

/** 部门名称 | 新平彝族傣族自治县人民政府办公室 in a table's cells. */
function cellSlots(table: TableRecord, file: string, addSlot: AddSlot): void {
  const labelled = new Map<number, { c: number; label: string; page?: number }[]>();
  for (const cell of table.cells) {
    // 编制单位：无锡市商务局 in one cell.
    for (const m of normalizeLine(cell.text).matchAll(LABELLED)) {
      addSlot(m[2], m[1], { file, row: cell.r, col: cell.c, ...(cell.page !== undefined && { page: cell.page }) });
    }
    const label = cell.text.replace(/[\s:：]/g, '');
    if (LABEL_WEIGHT[label] && label !== '单位' && label !== '部门') {
      const list = labelled.get(cell.r) ?? [];
      list.push({ c: cell.c + cell.cs - 1, label, page: cell.page });
      labelled.set(cell.r, list);
    }
  }
  if (!labelled.size) return;
  for (const cell of table.cells) {
    for (const l of labelled.get(cell.r) ?? []) {
      if (cell.c === l.c + 1)
        addSlot(normalizeLine(cell.text), l.label, {
          file,
          row: cell.r,
          col: cell.c,
          ...(cell.page !== undefined && { page: cell.page }),
        });
    }
  }
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
