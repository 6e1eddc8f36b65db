export {
  inspectZip,
  officeKind,
  DEFAULT_ZIP_LIMITS,
  type ZipEntry,
  type ZipLimits,
  type ZipInspection,
} from './central-directory.js';
export { writeZip, type ZipInput } from './write.js';
