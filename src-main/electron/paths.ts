import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files electron-vite emits, found from the main bundle (out/main/index.js). This module must stay in
 * the main entry chunk (no dynamic imports in src-main/electron), or import.meta.url would point elsewhere.
 */
const mainDir = dirname(fileURLToPath(import.meta.url));

export const PATHS = {
  rendererIndex: join(mainDir, '..', 'renderer', 'index.html'),
  preload: join(mainDir, '..', 'preload', 'index.cjs'),
  passphrasePreload: join(mainDir, '..', 'preload', 'passphrase.cjs'),
  passphraseHtml: join(mainDir, 'passphrase', 'passphrase.html'),
} as const;
