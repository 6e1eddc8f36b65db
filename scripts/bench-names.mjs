#!/usr/bin/env node
/**
 * Time to resolve one region name with @govdocs/names (built dist/). Exported for `pnpm bench`:
 *
 *   import { benchNames } from './bench-names.mjs';
 *   const r = await benchNames();   // { names, rounds, perNameMicros: {mean, p50, p99, max}, coldStartMs }
 *
 * Run alone: `pnpm build && node scripts/bench-names.mjs`.
 */
import { performance } from 'node:perf_hooks';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A fixed mix of what documents contain: full names, short forms, prefixed, typos, traditional, ambiguous. */
function sampleNames(units) {
  const out = [];
  units.forEach((u, i) => {
    if (i % 5 !== 0) return;
    out.push(u.name, u.short, (u.prefecture ?? u.province) + u.name);
    out.push(`${u.name.slice(0, 1)}那${u.name.slice(2)}`);
  });
  out.push('瀏陽市', '普陀区', '朝阳区', '城关区', '鼓楼区', '那平彝族侗族自治县', '新平彝族自治州', '大县');
  return out;
}

export async function benchNames({ rounds = 3 } = {}) {
  const started = performance.now();
  const names = await import(pathToFileURL(resolve(root, 'packages/names/dist/index.js')).href);
  names.resolveRegionName('新平县'); // loads the data files and builds the indexes
  names.resolveRegionName('瀏陽縣'); // builds the opencc dictionary on first conversion
  const coldStartMs = performance.now() - started;
  const list = sampleNames(names.gazetteer().units);
  const times = [];
  for (let r = 0; r < rounds; r++) {
    for (const raw of list) {
      const t = performance.now();
      names.resolveRegionName(raw);
      times.push((performance.now() - t) * 1000);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const round = (x) => Math.round(x * 10) / 10;
  return {
    names: list.length,
    rounds,
    perNameMicros: {
      mean: round(mean),
      p50: round(at(0.5)),
      p99: round(at(0.99)),
      max: round(times[times.length - 1]),
    },
    coldStartMs: round(coldStartMs),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchNames();
  console.log(
    `names: ${r.names} names × ${r.rounds} rounds; per name µs mean ${r.perNameMicros.mean}, p50 ${r.perNameMicros.p50}, p99 ${r.perNameMicros.p99}, max ${r.perNameMicros.max}; cold start ${r.coldStartMs} ms`,
  );
}
