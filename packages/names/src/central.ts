/**
 * Central-government bodies (国家信访局, 国务院办公厅, 中共中央宣传部, 全国人大常委会办公厅, 财政部):
 * they belong to no region, so their documents get `region: null` without a `name` issue.
 * Ministries without a 国家/中央 word are listed in data/central.json with its source.
 */
import { readFileSync } from 'node:fs';

const MARKED =
  /^(国家|国务院|中共中央|中央|全国|最高人民(法院|检察院)|中华人民共和国|中华全国|中国(?!共产党|共产主义青年团))/;

let listed: Set<string> | null = null;

function centralNames(): Set<string> {
  if (!listed) {
    const raw = JSON.parse(readFileSync(new URL('../data/central.json', import.meta.url), 'utf8')) as {
      names: string[];
    };
    listed = new Set(raw.names);
  }
  return listed;
}

/** A department name with no place before it that names a central body. */
export function isCentral(name: string): boolean {
  if (MARKED.test(name)) return true;
  const names = centralNames();
  // 财政部办公厅, 教育部机关服务中心: a listed ministry and its own units.
  for (let len = Math.min(name.length, 12); len >= 2; len--)
    if (names.has(name.slice(0, len)) && name[len] !== '门') return true;
  return false;
}
