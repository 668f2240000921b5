import { defineConfig } from 'vitest/config';

const shared = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

export default defineConfig({
  test: {
    // Vitest's default is one fork fewer than the cores: one on this 2-core machine, and most files wait on
    // fsync, child processes and sockets rather than the CPU, so two forks finish the suite sooner.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/reliability/**/*.test.ts', 'tests/sync/**/*.test.ts'],
          // A fork keeps the modules it has loaded from one file to the next: importing core anew for each
          // of 190 files was about six of the suite's ten minutes. Every file opens its own databases in
          // its own temp folder and holds no module-level state another file could see.
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          name: 'dom',
          // Screens and hooks in happy-dom keep a fresh module graph per file (React, stores, i18next).
          include: ['tests/dom/**/*.test.tsx'],
          // The forms' draft checks, as the frame loads them before any of its screens renders.
          setupFiles: ['tests/dom/draft-checks-setup.tsx'],
        },
      },
    ],
  },
});
