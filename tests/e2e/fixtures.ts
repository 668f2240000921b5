import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { nodeEntry } from '../helpers/node-entry';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

export interface FrontDesk {
  /** The address browser mode printed, token included. */
  url: string;
  dataDir: string;
}

/**
 * Starts `clinic serve` on a fresh encrypted data folder, as a person would from the README; or, with
 * `options`, on a given folder with its key in a key file (the recovery tests stop it, lose the key file
 * and start it again).
 */
export async function startFrontDesk(
  options: { dataDir?: string; keyFile?: string } = {},
): Promise<{ desk: FrontDesk; child: ChildProcess; remove: () => void }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'front-desk-e2e-'));
  const keyArgs = options.keyFile ? ['--key-file', options.keyFile] : [];
  const child = spawn(
    process.execPath,
    [
      ...nodeEntry('src-main/cli/index.ts'),
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--create',
      '--renderer',
      join(REPO_ROOT, 'out', 'renderer'),
      ...keyArgs,
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, CLINIC_DB_KEY: options.keyFile ? '' : randomBytes(32).toString('hex') },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Front Desk is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { desk: { url, dataDir }, child, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * What a page of the test said went wrong: console errors and uncaught page errors, from every page of
 * the test's browser context (second desks included). A clean console is part of every test: an error
 * here fails the test that caused it, after its own steps.
 */
export const test = base.extend<{ desk: FrontDesk; cleanConsole: undefined }>({
  cleanConsole: [
    async ({ context }, use, testInfo) => {
      const problems: string[] = [];
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location();
        problems.push(`console error: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
      });
      context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
      await use(undefined);
      // A failing test's own error comes first; the console's is added only to a test that passed.
      if (testInfo.status === testInfo.expectedStatus) expect(problems, 'the page console stays clean').toEqual([]);
    },
    { auto: true },
  ],

  desk: async ({ context }, use) => {
    const { desk, child, remove } = await startFrontDesk();
    await use(desk);
    // The tabs close before the server stops, as a person's would: an open page left polling a stopped
    // server would log refused connections that belong to no step of the test.
    for (const page of context.pages()) await page.close();
    await stopFrontDesk(child);
    remove();
  },
});

/** Stops a desk started by `startFrontDesk` the way Ctrl+C would, and waits for it to close the database. */
export async function stopFrontDesk(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Kept as an artifact: test-results/screenshots/NN-name.png (numbered by the caller, stable across files).
 * Every screen the suite photographs is also checked by axe: a serious or critical violation fails the test
 * that showed it, naming the rule and the elements.
 */
export async function screenshot(page: Page, name: `${number}-${string}`): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await expectAccessible(page, name);
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it stands; serious and critical violations fail. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join('; ')}`,
    );
  expect(blocking, `axe on ${screen}`).toEqual([]);
}

export { expect };
