import { describe, expect, it } from 'vitest';
import { formatDuration, Progress } from './progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 120, write: (text: string) => writes.push(text) };
}

describe('Progress', () => {
  it('redraws one line in place on a terminal, with done/total, docs/s, failures and ETA', () => {
    const out = stream(true);
    const progress = new Progress(3, Progress.modeFor(out, false), out);
    progress.tick(false);
    progress.tick(true);
    progress.tick(false); // the last one is always drawn
    progress.end();
    expect(out.writes.every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
    const last = out.writes.at(-2)!;
    expect(last).toMatch(/\[#+\] 3\/3 documents · [\d.]+ docs\/s · 1 failed · ETA 0:00/);
    expect(out.writes.at(-1)).toBe('\r\x1b[K');
  });

  it('writes plain periodic lines when not on a terminal, and nothing with --quiet', () => {
    const out = stream(false);
    const progress = new Progress(2, Progress.modeFor(out, false), out, 0);
    progress.tick(false);
    progress.tick(false);
    expect(out.writes).toHaveLength(2);
    expect(out.writes[1]).toMatch(/^govdocs: 2\/2 documents · .* · 0 failed · ETA 0:00\n$/);
    const quiet = stream(true);
    const silent = new Progress(2, Progress.modeFor(quiet, true), quiet, 0);
    silent.tick(false);
    silent.end();
    expect(quiet.writes).toEqual([]);
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect([formatDuration(5), formatDuration(125), formatDuration(3725)]).toEqual(['0:05', '2:05', '1:02:05']);
  });
});
