// pdfjs-dist ships no types for its core ("worker") half. LocalPdfManager and setVerbosityLevel are
// exported by patches/pdfjs-dist@5.6.205.patch; core.ts types the parts it uses.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
  export const LocalPdfManager: import('./core.js').CoreModule['LocalPdfManager'];
  export function setVerbosityLevel(level: number): void;
}
