import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/dom/**/*.test.tsx',
      'tests/reliability/**/*.test.ts',
      'tests/sync/**/*.test.ts',
    ],
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: one on this 2-core machine, and most files wait on
    // fsync, child processes and sockets rather than the CPU, so two forks finish the suite sooner.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
