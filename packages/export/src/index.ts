export {
  exportDataset,
  ExportError,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from './export.js';
export {
  codeCurrent,
  loadCodeCrosswalk,
  loadRegionRenames,
  STANDARD_ITEMS,
  type CodeCrosswalkRow,
  type RegionRename,
} from './crosswalk.js';
export { readJsonl, type JsonlLine } from './jsonl.js';
export { StepBar, type BarStream } from './bar.js';
