import nodeModule from 'node:module';
import { join } from 'node:path';
import { app } from 'electron';

interface CompileCacheResult {
  status: number;
  message?: string;
}

/** `module.enableCompileCache`: Node 22.1 and later (Electron 45's Node), absent from Node 20's types. */
type EnableCompileCache = (directory?: string) => CompileCacheResult;

/**
 * V8's compile cache for the main process (issue 22, start-up): Node keeps the code V8 compiled for each
 * module it loads after this call (the app's chunk, kysely, zod...) under the user's data folder, so later
 * starts skip compiling it. Node checks each cached entry against its file and drops a stale one, and
 * writes the cache when the process exits. Where the API is missing or the folder refused, the app starts
 * as before, without it.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    const result = enable(join(app.getPath('userData'), 'compile-cache'));
    if (result.message) console.warn(`[front-desk] compile cache: ${result.message}`);
  } catch (error) {
    console.warn('[front-desk] compile cache not enabled:', error);
  }
}
