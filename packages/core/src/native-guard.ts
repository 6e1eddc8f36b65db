/**
 * Terminating a worker thread while onnxruntime runs an inference session aborts the whole process
 * (its native callbacks throw into a torn-down environment: `terminate called after throwing an
 * instance of 'Napi::Error'`), and every document of the run is lost. So the pool never terminates
 * a worker inside such a call: it raises `cancel`, waits until `inNative` is 0, then terminates; a
 * worker that sees `cancel` does not enter native code again. The flags live in a SharedArrayBuffer
 * the pool hands each worker.
 *
 * The same flags carry `ocrPages`: how many pages the document in hand reads by OCR. OCR takes
 * seconds a page, so the pool gives the document more time for each (see pool.ts).
 */
export const NATIVE_GUARD = { inNative: 0, cancel: 1, ocrPages: 2, length: 3 } as const;

let guard: Int32Array | null = null;

/** Installs the flags this thread shares with its pool (null: no pool, calls run unguarded). */
export function setNativeGuard(flags: Int32Array | null): void {
  guard = flags;
}

/** Tells the pool that the document in hand reads `pages` more pages by OCR (nothing without a pool). */
export function announceOcrPages(pages: number): void {
  if (guard && pages > 0) Atomics.add(guard, NATIVE_GUARD.ocrPages, pages);
}

export class NativeCallCancelled extends Error {
  constructor() {
    super('stopped before a native call: the document ran past its time limit');
    this.name = 'NativeCallCancelled';
  }
}

/** Runs an asynchronous native call so that the pool can stop this thread safely around it. */
export async function guardedNativeCall<T>(call: () => Promise<T>): Promise<T> {
  if (!guard) return call();
  if (Atomics.load(guard, NATIVE_GUARD.cancel) !== 0) throw new NativeCallCancelled();
  Atomics.add(guard, NATIVE_GUARD.inNative, 1);
  try {
    return await call();
  } finally {
    Atomics.sub(guard, NATIVE_GUARD.inNative, 1);
  }
}

/** Raises `cancel` and resolves once no native call runs (or after `limitMs`, to never hang a run). */
export async function cancelNativeCalls(flags: Int32Array, limitMs: number, pollMs = 20): Promise<void> {
  Atomics.store(flags, NATIVE_GUARD.cancel, 1);
  const deadline = Date.now() + limitMs;
  while (Atomics.load(flags, NATIVE_GUARD.inNative) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
