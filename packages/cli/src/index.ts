export { main } from './main.js';
export { runPipeline, type RunOptions } from './run.js';
export { DatasetWriter, SchemaViolation } from './writer.js';
export { expandInputs } from './inputs.js';
