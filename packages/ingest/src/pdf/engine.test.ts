import { readFileSync, readdirSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { openPdf, pdfjs } from './engine.js';

const fixtures = new URL('./fixtures/', import.meta.url);
// core-js makes its polyfills print as native code through this realm's Function.prototype.toString;
// another realm's toString prints their source.
const sourceOf = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
const isNative = (f: unknown) => typeof f === 'function' && /\{\s*\[native code\]\s*\}$/.test(sourceOf.call(f));

describe('openPdf', () => {
  it('leaves the native push and JSON built-ins in place after loading pdf.js', async () => {
    const name = readdirSync(fixtures).find((f) => f.endsWith('.pdf'))!;
    const doc = await openPdf(new Uint8Array(readFileSync(new URL(name, fixtures))));
    if ('failure' in doc) throw new Error(doc.message);
    await doc.page(1);
    await doc.close();
    await pdfjs(); // the public API, loaded after the core (OCR does so)
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
    // pdf.js inflates with its own synchronous decoder, not Node's web-streams DecompressionStream.
    expect('DecompressionStream' in globalThis).toBe(false);
    // What pdf.js adds and needs on Node 20 stays.
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
