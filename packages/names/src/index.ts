/**
 * @govdocs/names: who published a document and about which year: region (GB/T 2260 code and
 * official name), department (official full name), fiscal year, document kind and title.
 */
export { resolveNames, type NamesInput, type DocumentIdentity } from './resolve-names.js';
export { documentKind, fiscalYear, fileNameFacts, type WeightedLine } from './document-facts.js';
export { resolveRegionName, type NameResolution, type Clues, type ResolveOptions } from './resolve-name.js';
export { splitDepartment, normalizeUnit, regionFullName, canonicalDepartment } from './department.js';
export { gazetteer, unitOfCode, type Unit, type Gazetteer, type Division } from './gazetteer.js';
export { normalizeName } from './normalize.js';
