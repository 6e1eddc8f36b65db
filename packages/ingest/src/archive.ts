/** Archive expansion for the batch runner: loads no document reader (subpath @govdocs/ingest/archive). */
export * from './archives/index.js';
