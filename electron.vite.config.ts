import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The passphrase window's static page (no inline script) goes beside the main bundle, in
 * out/main/passphrase/, where src-main/electron/paths.ts looks for it.
 */
function passphrasePage(): Plugin {
  const files = ['passphrase.html', 'passphrase-page.js', 'passphrase.css'];
  return {
    name: 'front-desk:passphrase-page',
    apply: 'build',
    buildStart() {
      for (const file of files) this.addWatchFile(here(`./src-main/electron/${file}`));
    },
    generateBundle() {
      for (const file of files) {
        this.emitFile({
          type: 'asset',
          fileName: `passphrase/${file}`,
          source: readFileSync(here(`./src-main/electron/${file}`)),
        });
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [passphrasePage()],
    build: {
      outDir: here('./out/main'),
      // package.json dependencies (better-sqlite3-multiple-ciphers and @node-rs/argon2 with their native
      // binaries, kysely, zod...) stay external and are loaded from node_modules (asar-unpacked natives).
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: here('./src-main/index.ts') },
        // The app's chunk (imported by the entry once the compile cache is on) beside the entry, in
        // out/main/: src-main/electron/paths.ts finds the other bundles from its own address.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      // Sandboxed preloads can require nothing but 'electron' (and a few polyfills): bundle everything,
      // one self-contained CommonJS file per preload.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: {
          index: here('./src-preload/index.ts'),
          passphrase: here('./src-preload/passphrase.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('./src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: here('./out/renderer'),
      emptyOutDir: true,
      target: 'chrome130',
      rolldownOptions: {
        input: { index: here('./src-renderer/index.html') },
      },
    },
  },
});
