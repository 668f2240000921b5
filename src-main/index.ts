// The Electron main entry (out/main/index.js). Everything lives in ./electron; core never imports electron.
// V8's compile cache goes on first: an ES module's static imports are compiled before its body runs, so the
// app comes in by a dynamic import after it. Awaited at the top level: Electron emits `ready` only once the
// entry has finished evaluating, so what must happen before `ready` (the app:// scheme) still does.
import { enableCompileCache } from './electron/compile-cache';

enableCompileCache();
const { startElectronApp } = await import('./electron/main');
startElectronApp();
