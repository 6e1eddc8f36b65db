/** Reads an output folder's jsonl files one line at a time, so memory stays flat however big they are. */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface JsonlLine<T> {
  record: T;
  /** 1-based line number, for messages. */
  line: number;
}

/**
 * Yields each record of a jsonl file. A missing file yields nothing (an older run may lack
 * statements.jsonl); a line that is not JSON is passed to `onBadLine` and skipped, never thrown.
 */
export async function* readJsonl<T = Record<string, unknown>>(
  path: string,
  onBadLine?: (line: number, error: string) => void,
): AsyncGenerator<JsonlLine<T>> {
  if (!existsSync(path)) return;
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    try {
      yield { record: JSON.parse(text) as T, line: n };
    } catch (error) {
      onBadLine?.(n, (error as Error).message);
    }
  }
}
