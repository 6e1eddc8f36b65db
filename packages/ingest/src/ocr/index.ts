export { ocrScannedPages, OCR_DPI, OCR_PAGE_TIMEOUT_MS, type OcrOutcome } from './pages.js';
export { recognise, type OcrWord, type RgbaImage } from './paddle.js';
export { imageRules } from './rules.js';
