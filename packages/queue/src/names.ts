/**
 * The queues govdocs uses. Documents go to a queue named after the pipeline version, so a worker
 * only ever takes documents its own pipeline was asked for: an older worker left running elsewhere
 * sits idle instead of writing parts the run cannot use.
 */
export const CRAWL_QUEUE = 'govdocs-crawl';

const PARSE_PREFIX = 'govdocs-parse-';

/** `disclosures@0.1.0` → `govdocs-parse-disclosures-0.1.0` (BullMQ reserves `:` in names). */
export function parseQueueName(pipelineVersion: string): string {
  return PARSE_PREFIX + pipelineVersion.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** Whether a queue name is one of ours (for `govdocs queue status`). */
export function isGovdocsQueue(name: string): boolean {
  return name === CRAWL_QUEUE || name.startsWith(PARSE_PREFIX);
}
