/**
 * @govdocs/validate: content checks on a document's tables and facts (sums, balances,
 * cross-table figures, classification codes). Schema checks happen when records are written.
 */
export { validateDocument, type ValidateInput } from './validate.js';
export {
  nationalName,
  isKnownCode,
  matchName,
  normalizeName,
  childCodes,
  classificationEntries,
  standardLineName,
} from './classification.js';
export type { Scheme, ClassificationEntry, NameMatch } from './classification.js';
