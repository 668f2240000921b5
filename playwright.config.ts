import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { sharedDataHere } from './tests/helpers/shared-data';

const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // The paint measurement is a measurement, not a check: it runs only when asked (FRONT_DESK_PAINT=1).
  testIgnore: [
    ...(process.env.FRONT_DESK_PAINT ? [] : ['**/calendar-paint.spec.ts']),
    // The shared test data beside the project (Synthea): absent from a clone on its own, said so, left out.
    ...(sharedDataHere('fhir/synthea', 'tests/e2e/fhir-import.spec.ts') ? [] : ['**/fhir-import.spec.ts']),
  ],
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Two spec files at a time: each test starts its own desk (own data folder, port 0) and servers on free ports.
  workers: 2,
  // One retry on CI only, where a red run keeps a whole session's work out: a test that passes on its retry
  // is listed as "flaky" in the log (read there and fixed), and one that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  // Generous: every photographed screen is also checked by axe, and this machine runs helpers beside the suite.
  timeout: 120_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // The screen the product is tried on at clinics and by testers.
    viewport: { width: 1366, height: 768 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium when present (Playwright cannot download its own browser here).
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
