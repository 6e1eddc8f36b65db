/**
 * Province from a web address: the 行政区域名 of the .cn domain (bj.cn, yn.cn, …, also used as
 * yn.gov.cn), listed in data/province-domains.json with their source. Only these labels are read;
 * a county's own pinyin host is not guessed at.
 */
import { readFileSync } from 'node:fs';

let labels: Record<string, string> | undefined;

function provinceLabels(): Record<string, string> {
  labels ??= (
    JSON.parse(readFileSync(new URL('../data/province-domains.json', import.meta.url), 'utf8')) as {
      labels: Record<string, string>;
    }
  ).labels;
  return labels;
}

/** `www.xinping.yn.gov.cn` → 53 (云南). */
export function provinceOfHost(host: string): string | null {
  const m = /\.([a-z]{2})\.(?:gov\.)?cn$/.exec(host);
  return m ? (provinceLabels()[m[1]] ?? null) : null;
}
