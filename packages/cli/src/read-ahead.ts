/**
 * The read-ahead of `govdocs run`: files are read a little before a worker is free for them, so
 * workers never wait on the disk and the pool can pick, among several waiting documents, one whose
 * parser a worker has warmed up. Both the count and the bytes held are bounded: memory stays flat
 * however many (and however large) the files are.
 */

/** Documents read ahead per worker. */
export const READ_AHEAD_PER_WORKER = 8;

/** At most this many bytes of files read and not yet parsed (one larger file is still read alone). */
export const READ_AHEAD_BYTES = 256 * 1024 * 1024;

/** A count of bytes held, with a wait for room. */
export class ByteBudget {
  private used = 0;
  private waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Resolves once `bytes` more fit; when nothing is held, any size fits, so no file waits forever. */
  async take(bytes: number): Promise<void> {
    while (this.used > 0 && this.used + bytes > this.limit)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used += bytes;
  }

  give(bytes: number): void {
    this.used -= bytes;
    for (const wake of this.waiting.splice(0)) wake();
  }

  get held(): number {
    return this.used;
  }
}
