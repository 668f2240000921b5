import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files electron-vite emits, found from the main bundle's folder (out/main). This module sits in the app's
 * chunk, which electron.vite.config.ts writes beside the entry (out/main/index.js), so import.meta.url is
 * in that folder either way.
 */
const mainDir = dirname(fileURLToPath(import.meta.url));

export const PATHS = {
  rendererIndex: join(mainDir, '..', 'renderer', 'index.html'),
  preload: join(mainDir, '..', 'preload', 'index.cjs'),
  passphrasePreload: join(mainDir, '..', 'preload', 'passphrase.cjs'),
  passphraseHtml: join(mainDir, 'passphrase', 'passphrase.html'),
} as const;
