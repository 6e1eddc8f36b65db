/**
 * What a row is about: a classification code (composed from 类/款/项 columns or read from one),
 * a function class named in a summary line, a “三公” item, or a cleaned label.
 */
import { readFileSync } from 'node:fs';
import { TOTAL_WORDS, type Subject } from '@govdocs/core';
import { cleanLabel } from './normalize.js';

interface FunctionClass {
  code: string;
  name: string;
  aliases: string[];
}

let classByName: Map<string, FunctionClass> | null = null;

/** 类 names → class, loaded once from data/function-classes.json. */
function functionClasses(): Map<string, FunctionClass> {
  if (classByName) return classByName;
  const file = new URL('../data/function-classes.json', import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { classes: FunctionClass[] };
  classByName = new Map();
  for (const c of data.classes) for (const name of [c.name, ...c.aliases]) classByName.set(name, c);
  return classByName;
}

/** The function class a summary line is named after (一、一般公共服务支出 → 201), or null. */
export function functionClassByName(label: string): { code: string; name: string } | null {
  const c = functionClasses().get(cleanLabel(label));
  return c ? { code: c.code, name: c.name } : null;
}

/** The national name of a 3-digit function class code, or null. */
export function functionClassByCode(code: string): string | null {
  for (const c of functionClasses().values()) if (c.code === code) return c.name;
  return null;
}

/**
 * A full code from its printed parts: one cell (2010350) or 类/款/项 cells (201 | 03 | 50).
 * Returns null when the parts do not make a 3/5/7-digit code.
 */
export function composeCode(parts: string[]): string | null {
  const digits = parts.map((p) => p.normalize('NFKC').replace(/\s+/g, '')).filter((p) => p !== '');
  if (digits.length === 0 || !digits.every((p) => /^\d+$/.test(p))) return null;
  if (digits.slice(1).some((p) => p.length !== 2)) return null;
  const code = digits.join('');
  return /^\d{3}(\d{2}){0,2}$/.test(code) ? code : null;
}

export type Scheme = 'function' | 'economic';

/** Function codes start with 2 (1 for revenue); economic with 3 (部门) or 5 (政府). */
export function schemeOf(code: string, hint: Scheme | null): Scheme {
  if (hint) return hint;
  return /^[35]/.test(code) ? 'economic' : 'function';
}

const THREE_PUBLIC: [RegExp, string][] = [
  [/因公出国|出国[（(]境[)）]/, 'three_public.overseas'],
  [/公务用车购置(及|和|与)运行/, 'three_public.vehicles'],
  [/公务用车购置/, 'three_public.vehicles.purchase'],
  [/公务用车运行/, 'three_public.vehicles.operation'],
  [/^公务接待费?$/, 'three_public.reception'],
  [new RegExp(`^(${TOTAL_WORDS.join('|')}|支出合计|[“"]?三公[”"]?经费(财政拨款)?(支出)?(预算)?(合计|总额)?)$`), 'three_public.total'],
];

/** The “三公” item a label or column header names, or null (国内接待费 etc. are not items). */
export function threePublicItem(text: string): string | null {
  const label = cleanLabel(text).normalize('NFKC').replace(/[（(](万元|元)[)）]$/, '');
  if (/[（(](个|人|辆|次|台|批|人次|批次|组)[)）]$|数$|量$/.test(label)) return null;
  for (const [pattern, item] of THREE_PUBLIC) if (pattern.test(label)) return item;
  return null;
}

/** A label subject, with its panel in side-by-side tables. */
export function labelSubject(text: string, panel?: 'income' | 'expenditure'): Subject {
  return panel ? { label: cleanLabel(text), panel } : { label: cleanLabel(text) };
}
