/**
 * Autonomous-area names split into their place and their peoples (新平彝族傣族自治县 → 新平 +
 * 彝族, 傣族), with the 56 民族 of data/ethnic-groups.json (its source is noted there).
 */
import { readFileSync } from 'node:fs';

let names: string[] | undefined;

/** The 56 names, longest first (stable: ties keep the list's order), so a longer name is tried before its end. */
function ethnicNames(): string[] {
  names ??= (
    JSON.parse(readFileSync(new URL('../data/ethnic-groups.json', import.meta.url), 'utf8')) as { names: string[] }
  ).names.sort((a, b) => b.length - a.length);
  return names;
}

/** Trailing ethnic token: `X族`, or a multi-character `X` without 族 (锡伯, 哈萨克). */
function trailingEthnic(text: string): string | null {
  for (const e of ethnicNames()) {
    if (text.endsWith(`${e}族`)) return `${e}族`;
  }
  if (text.endsWith('各族')) return '各族';
  for (const e of ethnicNames()) {
    if (e.length >= 2 && text.endsWith(e)) return e;
  }
  return null;
}

/**
 * Splits `新平彝族傣族` into its place stem (新平) and ethnic tokens (彝族, 傣族). The stem keeps
 * at least two characters: 鄂温克族 → stem 鄂温克, since the place is named after the people.
 */
export function splitEthnic(text: string): { stem: string; ethnic: string[] } {
  let stem = text;
  const ethnic: string[] = [];
  for (;;) {
    const token = trailingEthnic(stem);
    if (!token) break;
    const rest = stem.slice(0, -token.length);
    if (rest.length < 2) {
      if (token.endsWith('族') && token.length > 2 && rest.length === 0) stem = token.slice(0, -1);
      break;
    }
    ethnic.unshift(token.endsWith('族') ? token : `${token}族`);
    stem = rest;
  }
  return { stem, ethnic };
}
