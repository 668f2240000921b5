/**
 * The built CLI's entry (out/cli/index.cjs, `npm run clinic:built`): runs the bundle beside it
 * (bundle.cjs) through V8's code cache, kept beside it too. Compiling the 2.4 MB bundle was a quarter of
 * `clinic serve`'s start; from the cache it is read back compiled, the functions the start ran included.
 * Node 20 has no compile cache of its own (module.enableCompileCache is Node 22), hence this file.
 *
 * V8 checks a cache against the source's length only, so the cache is named by the bundle's digest: a
 * rebuilt bundle never runs with the code of the one before. Writing it is best effort (a folder that
 * cannot be written just starts without it) and atomic (a rename), so two starts never read half a cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { constants, Script } from 'node:vm';

/** Written once the start has run its functions (they are compiled by then), off the start's path. */
const WRITE_AFTER_MS = 2_000;

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.part`;
  try {
    writeFileSync(partial, new Uint8Array(data));
    renameSync(partial, file);
  } catch {
    // A read-only install starts without a cache, as before it existed.
  }
}

export function runBundle(folder: string): void {
  const bundle = join(folder, 'bundle.cjs');
  const source = readFileSync(bundle, 'utf8');
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const cacheFile = `${bundle}.${digest}.v8-cache`;
  const cachedData = readCache(cacheFile);
  const script = new Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const wrapper = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const bundleModule = { exports: {} };
  wrapper.call(bundleModule.exports, bundleModule.exports, createRequire(bundle), bundleModule, bundle, folder);
  if (cachedData !== undefined && script.cachedDataRejected !== true) return;
  // A command that ends sooner (user add, backup) writes it as it exits.
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    writeCache(cacheFile, script.createCachedData());
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}

runBundle(__dirname);
