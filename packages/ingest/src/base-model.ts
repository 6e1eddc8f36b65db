import { createHash } from 'node:crypto';
import type { DocumentModel, InputFile } from '@govdocs/core';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's hex SHA-256: the one its caller passed, else computed. */
export function fileHash(file: InputFile): string {
  return file.sha256 ?? sha256(file.bytes);
}

/** The part of a document model every format fills the same way. */
export function baseModel(file: InputFile, mediaType: string): DocumentModel {
  const hash = fileHash(file);
  return {
    id: `sha256:${hash}`,
    source: {
      path: file.path,
      sha256: hash,
      bytes: file.bytes.byteLength,
      mediaType,
      url: file.url ?? null,
      ...(file.container ? { container: file.container } : {}),
    },
    pageCount: 1,
    script: 'simplified',
    clues: { ...(file.clues ?? {}), ...(file.url ? { url: file.url } : {}) },
    blocks: [],
  };
}
