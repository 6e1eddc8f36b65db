/**
 * A 类/款/项 line named in words → its function code: first through the document's own table rows
 * (their printed names), then through the national classification (packages/validate/data).
 */
import type { FactRecord } from '@govdocs/core';
import {
  childCodes,
  classificationEntries,
  isKnownCode,
  matchName,
  nationalName,
  normalizeName,
} from '@govdocs/validate';

export interface FunctionSubject {
  scheme: 'function';
  code: string | null;
  name: string;
}

/** Printed names of the function codes the document's tables hold. */
export type RowNames = Map<string, Set<string>>;

export function rowNames(facts: FactRecord[]): RowNames {
  const out: RowNames = new Map();
  for (const f of facts) {
    const s = f.subject;
    if (!('scheme' in s) || s.scheme !== 'function') continue;
    const names = out.get(s.code) ?? new Set<string>();
    names.add(normalizeName(s.name));
    if (f.source.rowLabel) names.add(normalizeName(f.source.rowLabel));
    out.set(s.code, names);
  }
  return out;
}

let classCodes: string[] | undefined;

function classes(): string[] {
  classCodes ??= Array.from({ length: 100 }, (_, i) => String(200 + i)).filter((c) => isKnownCode('function', c));
  return classCodes;
}

/**
 * The code of a line named by its 类, 款 and 项 names (as many as printed). A 类 name may carry
 * words before it (`主要用于一般公共服务支出`): the longest tail that names a 类 is taken.
 */
export function resolveFunction(names: string[], rows: RowNames, year: number | null): FunctionSubject {
  const printed = names[names.length - 1]!;
  const top = findClass(names[0]!, rows, year);
  if (!top) return { scheme: 'function', code: null, name: cleanName(printed) };
  let code = top.code;
  for (const name of names.slice(1)) {
    const child = findChild(code, name, rows, year);
    if (!child) return { scheme: 'function', code: null, name: cleanName(name) };
    code = child;
  }
  return { scheme: 'function', code, name: nationalName('function', code, year) ?? cleanName(printed) };
}

/** Whether the words are exactly the name of a 类 (一般公共服务支出, 教育支出), in any year's wording. */
export function isClassName(text: string): boolean {
  const p = normalizeName(text.replace(/[（(]类[）)]/g, ''));
  if (p.length < 2) return false;
  return classes().some((code) => classificationEntries('function', code).some((e) => normalizeName(e.name) === p));
}

function cleanName(name: string): string {
  return name.replace(/^[“"‘\s]+|[”"’\s]+$/g, '');
}

function sameName(code: string, printed: string, rows: RowNames, year: number | null): boolean {
  const p = normalizeName(printed);
  if (p === '') return false;
  if (rows.get(code)?.has(p)) return true;
  return isKnownCode('function', code) && matchName('function', code, printed, year) !== 'different';
}

function findClass(text: string, rows: RowNames, year: number | null): { code: string } | undefined {
  const clean = cleanName(text).replace(/^.*?[：:、]/, '');
  const codes = [...new Set([...classes(), ...[...rows.keys()].filter((c) => c.length === 3)])];
  for (let start = 0; start < clean.length - 1; start++) {
    const tail = clean.slice(start);
    const code = codes.find((c) => sameName(c, tail, rows, year));
    if (code) return { code };
  }
  return undefined;
}

function findChild(parent: string, name: string, rows: RowNames, year: number | null): string | undefined {
  const width = parent.length + 2;
  const local = [...rows.keys()].filter((c) => c.length === width && c.startsWith(parent));
  const codes = [...new Set([...local, ...childCodes('function', parent)])];
  return codes.find((c) => sameName(c, name, rows, year));
}
