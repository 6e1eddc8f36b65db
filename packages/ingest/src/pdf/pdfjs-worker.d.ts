// pdfjs-dist ships no types for its core ("worker") half. All but WorkerMessageHandler are
// exported by patches/pdfjs-dist@5.6.205.patch; core.ts types the parts it uses.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
  export const LocalPdfManager: import('./core.js').CoreModule['LocalPdfManager'];
  export const OPS: import('./core.js').CoreModule['OPS'];
  export const VerbosityLevel: import('./core.js').CoreModule['VerbosityLevel'];
  export function setVerbosityLevel(level: number): void;
}
