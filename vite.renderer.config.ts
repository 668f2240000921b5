import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/** The renderer alone (browser mode, tests); electron.vite.config.ts builds it the same way. */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, target: 'chrome130' },
};

export default defineConfig(rendererConfig);
