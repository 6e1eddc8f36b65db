import { Reporter, type Diagnostic, type InputFile, type RuleDetail } from '@govdocs/core';

/** An archive handed to the one-document pipeline: the batch runner is what opens archives. */
export const ARCHIVE_ALONE = (kind: string) => `the file is a ${kind} archive; \`govdocs run\` reads each document in it as a document of its own. Give it to \`govdocs run\`, or unpack it.`;

export function documentIssue(file: InputFile, detail: RuleDetail<'document'>, message: string): Diagnostic {
  return new Reporter('ingest', file.path).report(`document.${detail}`, `${file.path}: ${message}`, {}, { severity: 'error' });
}
