/**
 * @govdocs/headers: each grid → a canonical table record (kind, title, code, unit, columns,
 * raw cells), and the facts and indicators read from it.
 */
export { alignTables, type AlignedTables } from './align-tables.js';
export { readTableContext } from './context.js';
export { kindFromTitle, kindFromShape } from './kind.js';
export { alignGrid, type AlignedTable } from './align.js';
export type { AlignContext } from './align-context.js';
export { cleanLabel, stripOrdinal, normHeader } from './normalize.js';
export { composeCode, functionClassByName, functionClassByCode, threePublicItem } from './subject.js';
export { tokenOf } from './measure.js';
