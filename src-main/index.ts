// The Electron main entry (out/main/index.js). Everything lives in ./electron; core never imports electron.
import { startElectronApp } from './electron/main';

startElectronApp();
