export { processDocument, PIPELINE } from './disclosures.js';
