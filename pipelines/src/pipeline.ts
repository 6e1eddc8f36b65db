/**
 * The pipeline's name and version: what resume compares (same bytes + same version = not redone).
 * On its own, as `@govdocs/pipelines/pipeline`, so a process that only orchestrates (a queue run)
 * can name the version without loading the parsers.
 */
export const PIPELINE = { name: 'disclosures', version: '0.1.0' } as const;
