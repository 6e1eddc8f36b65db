export { ingestDoc, type DocIngest } from './read.js';
export { DocFormatError } from './fib.js';
