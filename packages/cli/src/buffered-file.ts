/**
 * A file written in large pieces: the merge hands it many small buffers (one per part section)
 * and it writes them a few megabytes at a time, so a dataset of tens of thousands of documents
 * costs a few thousand write calls instead of one per record. The pieces are copied into one
 * buffer of its own, so no part's bytes stay alive after the merge moves on (memory stays flat).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** The buffer's size: a write at least this large goes straight to the file. */
const BUFFER_BYTES = 1024 * 1024;

export class BufferedFile {
  private fd: number | undefined;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length >= this.buffer.length) this.writeAll(bytes);
    else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    }
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    this.flush();
    this.discard();
  }

  /** Closes the file without writing what is buffered (after an error); closing twice is harmless. */
  discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.used = 0;
  }

  private flush(): void {
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error('govdocs bug: a write to a closed dataset file');
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }
}
