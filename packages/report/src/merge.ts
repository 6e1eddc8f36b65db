/**
 * Walks an output folder one document at a time. `govdocs run` writes every jsonl file in
 * document-id order, so each file is read once, line by line, alongside documents.jsonl: memory
 * holds one document's records, whatever the size of the run. Records naming no document of
 * documents.jsonl (run-level issues, a hand-edited file) are handed to `onOrphan`, never dropped.
 */
import { join } from 'node:path';
import { readJsonl } from '@govdocs/export';

interface Keyed {
  documentId?: string | null;
}

export interface DocumentGroup<D, T, F, I, N> {
  doc: D;
  tables: T[];
  facts: F[];
  issues: I[];
  indicators: N[];
}

export class OrderError extends Error {
  readonly usage = true;
}

class Cursor<R extends Keyed> {
  private head: IteratorResult<{ record: R; line: number }> | null = null;

  constructor(
    readonly name: string,
    private readonly source: AsyncGenerator<{ record: R; line: number }>,
  ) {}

  private async peek(): Promise<R | null> {
    this.head ??= await this.source.next();
    return this.head.done ? null : this.head.value.record;
  }

  private take(): void {
    this.head = null;
  }

  /** The records of document `id`; those before it that belong to no document go to `orphan`. */
  async until(id: string, orphan: (file: string, record: R) => void): Promise<R[]> {
    const out: R[] = [];
    for (let next = await this.peek(); next; next = await this.peek()) {
      const key = next.documentId ?? '';
      if (key > id) break;
      this.take();
      if (key === id) out.push(next);
      else orphan(this.name, next);
    }
    return out;
  }

  async rest(orphan: (file: string, record: R) => void): Promise<void> {
    for (let next = await this.peek(); next; next = await this.peek()) {
      this.take();
      orphan(this.name, next);
    }
  }
}

export async function* documentsOf<
  D extends { id: string },
  T extends Keyed,
  F extends Keyed,
  I extends Keyed,
  N extends Keyed,
>(
  dir: string,
  onOrphan: (file: string, record: Keyed) => void,
  onBadLine: (file: string, line: number, error: string) => void,
): AsyncGenerator<DocumentGroup<D, T, F, I, N>> {
  const open = <R extends Keyed>(name: string) =>
    new Cursor<R>(
      `${name}.jsonl`,
      readJsonl<R>(join(dir, `${name}.jsonl`), (line, error) => onBadLine(`${name}.jsonl`, line, error)),
    );
  const tables = open<T>('tables');
  const facts = open<F>('facts');
  const issues = open<I>('issues');
  const indicators = open<N>('indicators');
  let previous = '';
  for await (const { record: doc, line } of readJsonl<D>(join(dir, 'documents.jsonl'), (l, e) =>
    onBadLine('documents.jsonl', l, e),
  )) {
    if (doc.id <= previous) {
      throw new OrderError(
        `documents.jsonl line ${line}: ${doc.id} comes after ${previous}; the report reads files in the document-id order govdocs run writes. Run govdocs run again into a fresh folder.`,
      );
    }
    previous = doc.id;
    yield {
      doc,
      tables: await tables.until(doc.id, onOrphan),
      facts: await facts.until(doc.id, onOrphan),
      issues: await issues.until(doc.id, onOrphan),
      indicators: await indicators.until(doc.id, onOrphan),
    };
  }
  for (const cursor of [tables, facts, issues, indicators] as Cursor<Keyed>[]) await cursor.rest(onOrphan);
}
