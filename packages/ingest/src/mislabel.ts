import type { Diagnostic, Reporter } from '@govdocs/core';

/** Extensions that promise a media type; a file whose bytes say otherwise was mislabelled. */
const EXTENSION_TYPES: Record<string, string[]> = {
  pdf: ['application/pdf'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  xls: ['application/vnd.ms-excel', 'text/html'], // sites often serve HTML tables as .xls; Excel opens them
  doc: ['application/msword'],
  html: ['text/html'],
  htm: ['text/html'],
};

/**
 * A warning when the file's name promises one format and its bytes are another (a `.pdf` that is
 * an HTML error page): the document is read by its bytes, but a reader should know why.
 */
export function mislabelWarning(source: { path: string; mediaType: string }, reporter: Reporter): Diagnostic | undefined {
  const { path, mediaType } = source;
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const promised = ext ? EXTENSION_TYPES[ext] : undefined;
  if (!promised || promised.includes(mediaType)) return undefined;
  return reporter.report('document.mislabelled', `${path}: named .${ext} but its bytes are ${mediaType}; it was read as ${mediaType}. Check how the file was downloaded or exported.`);
}
