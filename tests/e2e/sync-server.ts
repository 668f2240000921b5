import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { invoke } from './pages/bridge';
import { type FrontDeskPage } from './pages/front-desk';
import { nodeEntry } from '../helpers/node-entry';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The clinic's sync server as an administrator runs it (`npm run server`): its own process, PGlite in a
 * data folder, plain HTTP on 127.0.0.1 (loopback only, as in tests). It listens on a fixed port so it
 * can be stopped ("the network is down") and started again on the same data where the desks expect it.
 */
export class SyncServer {
  private child: ChildProcess | null = null;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  /** A new server data folder and a free port on loopback; not started (codes are made first). */
  static async create(): Promise<SyncServer> {
    return new SyncServer(join(mkdtempSync(join(tmpdir(), 'front-desk-e2e-server-')), 'server-data'), await freePort());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * `npm run server -- enrol-code --clinic NAME`: a one-time code for a desk (the first one creates the
   * clinic). PGlite's folder is one process's, so codes are made while the server is stopped.
   */
  async enrolCode(clinic: string): Promise<string> {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [...nodeEntry('src-server/index.ts'), 'enrol-code', '--clinic', clinic, '--data', this.dataDir],
        { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '' } },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`enrol-code exited ${code}:\n${text}`)),
      );
    });
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(out)?.[1];
    if (!code) throw new Error(`no code in:\n${out}`);
    return code;
  }

  /** Starts the server on its folder and port; back once it says it is listening. */
  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [...nodeEntry('src-server/index.ts'), '--data', this.dataDir, '--port', String(this.port)],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '' } },
    );
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sync server did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/listening at http:\/\//.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sync server exited with ${code}:\n${output}`));
      });
    });
  }

  /** Stops it as Ctrl+C would (it closes its connections and its database), and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(join(this.dataDir, '..'), { recursive: true, force: true });
  }
}

/** A port nothing listens on now: the system's pick for port 0, released at once. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The header's sync status on a desk ("Sync: Online · synced just now"). */
export function syncStatus(page: Page) {
  return page.getByTestId('sync-status');
}

/**
 * The first desk, set up and signed in as its administrator, connects on Settings → Sync as the
 * README says: the server's address, no fingerprint (plain http on loopback) and the one-time code.
 */
export async function connectFirstDesk(app: FrontDeskPage, server: SyncServer, code: string): Promise<void> {
  await app.open('Settings');
  const form = app.page.getByRole('form', { name: 'Connect this desk' });
  await form.getByLabel('Server address').fill(server.url);
  await form.getByLabel('One-time code').fill(code);
  await form.getByRole('button', { name: 'Connect this desk' }).click();
  await expect(app.page.getByText(/^Status: Online/)).toBeVisible();
  await expect(syncStatus(app.page)).toHaveText(/^Sync: Online/);
}

/**
 * A new desk (not set up: its set-up screen showing) joins the clinic on the set-up screen's "Join a
 * clinic" (procedure `sync.join`), takes the whole clinic from the server, and shows the sign-in screen
 * for the clinic's own staff.
 */
export async function joinNewDesk(
  app: FrontDeskPage,
  url: string,
  server: SyncServer,
  code: string,
  deskName?: string,
): Promise<void> {
  await app.page.goto(url);
  await expect(app.page.getByRole('heading', { name: 'Set up Front Desk' })).toBeVisible();
  await app.page.getByRole('button', { name: 'Join a clinic' }).click();
  const form = joinForm(app.page);
  await form.getByLabel('Server address').fill(server.url);
  await form.getByLabel('One-time code').fill(code);
  if (deskName) await form.getByLabel('This desk’s name').fill(deskName);
  await form.getByRole('button', { name: 'Join clinic' }).click();
  await expect(app.page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
}

/** The set-up screen's "Join a clinic" form. */
export function joinForm(page: Page) {
  return page.getByRole('form', { name: 'Join a clinic' });
}

/**
 * One sync round now (procedure `sync.now`, what Settings → Sync's "Sync now" button calls; devices.spec.ts
 * presses the button), rather than when the desk's loop next tries: after an outage the loop backs off up
 * to a minute.
 */
export async function syncNow(page: Page): Promise<void> {
  const status = await invoke<{ state: string; lastError: string | null }>(page, 'sync.now', {});
  expect(status, 'the sync round went through').toMatchObject({ state: 'online', lastError: null });
}
