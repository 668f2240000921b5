import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { Core } from '../core/app';
import { DatabaseOpenError } from '../core/db/errors';
import { REMINDER_SWEEP_MS } from '../core/reminders/runner';
import { startCalendarFeedHost, type CalendarFeedHost } from '../web/calendar-feed-host';
import { registerAppScheme, serveRenderer } from './app-protocol-handler';
import { bindIpc, type IpcBinding } from './ipc';
import { KeyEntryCancelled, KeyRefusedError } from './key-store';
import { openClinic } from './open-clinic';
import { installMenu } from './menu';
import { isRendererUrl } from './origin';
import { createMainWindow, currentRendererLocation, hardenAllWebContents, hardenSession } from './window';

const IDLE_SWEEP_MS = 5_000;
const DATABASE_FILE = 'clinic.db';

/**
 * The Electron host: one instance, key from the key store, core on the encrypted database, IPC, one
 * window. A database or key that cannot be opened is reported and the app quits; it never starts on a
 * new empty database in place of one it could not open.
 */
export function startElectronApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever a BrowserWindow's options say.
  app.enableSandbox();
  // Before ready, as Electron requires: the renderer is served from app://, never file://.
  registerAppScheme();

  const location = currentRendererLocation();
  hardenAllWebContents(location);

  let core: Core | null = null;
  let binding: IpcBinding | null = null;
  let sweep: NodeJS.Timeout | null = null;
  let reminderSweep: NodeJS.Timeout | null = null;
  let feedHost: CalendarFeedHost | null = null;
  let mainWindow: BrowserWindow | null = null;
  let closing = false;
  let closed = false;

  function openWindow(): void {
    if (!binding) return;
    const window = createMainWindow(location);
    binding.attachWindow(window);
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
  }

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    // Before core is up the only window is the passphrase window, whose outcome decides what happens.
    if (core && process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && !mainWindow) openWindow();
  });

  app.on('before-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    if (sweep) clearInterval(sweep);
    if (reminderSweep) clearInterval(reminderSweep);
    binding?.dispose();
    const closingCore = core;
    const closingFeeds = feedHost?.close() ?? Promise.resolve();
    feedHost = null;
    closingFeeds
      .catch((error: unknown) => console.error('[front-desk] closing the calendar feeds failed:', error))
      .then(() => closingCore.close())
      .catch((error: unknown) => console.error('[front-desk] closing the database failed:', error))
      .finally(() => {
        closed = true;
        core = null;
        app.quit();
      });
  });

  async function start(): Promise<void> {
    hardenSession(location);
    if (location.kind === 'app') serveRenderer(location.dir, session.defaultSession);
    installMenu();
    const userDataDir = app.getPath('userData');
    const databaseFile = join(userDataDir, DATABASE_FILE);
    const started = await openClinic(userDataDir, databaseFile);
    core = started;
    binding = bindIpc(started, (url) => isRendererUrl(location, url));
    // Syncs with the clinic's server while enrolled; core.close() stops it.
    started.startSyncLoop();
    sweep = setInterval(() => {
      started
        .lockIdleSessions()
        .catch((error: unknown) => console.error('[front-desk] idle lock sweep failed:', error));
      try {
        started.checkpoint();
      } catch (error) {
        console.error('[front-desk] checkpoint failed:', error);
      }
    }, IDLE_SWEEP_MS);
    reminderSweep = setInterval(() => {
      started.sweepReminders().catch((error: unknown) => console.error('[front-desk] reminder sweep failed:', error));
      // The same minute's tick starts the day's scheduled backup when it is due.
      started.sweepBackups().catch((error: unknown) => console.error('[front-desk] backup sweep failed:', error));
    }, REMINDER_SWEEP_MS);
    // Calendar subscriptions on loopback: without them a provider's subscription address has nowhere to point.
    feedHost = await startCalendarFeedHost(started).catch((error: unknown) => {
      console.error('[front-desk] calendar feeds are not served:', error);
      return null;
    });
    openWindow();
  }

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      if (error instanceof KeyEntryCancelled) {
        app.quit();
        return;
      }
      if (error instanceof DatabaseOpenError || error instanceof KeyRefusedError) {
        dialog.showErrorBox('Front Desk cannot open the clinic database', error.message);
      } else {
        console.error('[front-desk] start-up failed:', error);
        dialog.showErrorBox('Front Desk could not start', error instanceof Error ? error.message : String(error));
      }
      app.exit(1);
    });
}
