import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  PASSPHRASE_SUBMIT_CHANNEL,
  type PassphraseFormMode,
  type PassphraseReply,
} from '../../src-shared/ipc-channels';
import { PATHS } from './paths';

export type PassphraseAttempt = (
  passphrase: string,
  confirmation: string,
) => { ok: true; key: Buffer } | { ok: false; message: string };

/**
 * The small window that asks for the clinic passphrase (set it on first run, type it on later runs).
 * Resolves with the key `attempt` accepted, or null when the window is closed without one.
 * The page is static (passphrase.html + passphrase-page.js, no inline script); its preload exposes
 * one function, `frontDesk.submit(passphrase, confirmation)`.
 */
export function askForPassphrase(mode: PassphraseFormMode, attempt: PassphraseAttempt): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const window = new BrowserWindow({
      width: 520,
      height: mode === 'create' ? 500 : 400,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      title: 'Front Desk — clinic passphrase',
      show: false,
      autoHideMenuBar: true,
      webPreferences: {
        preload: PATHS.passphrasePreload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        devTools: false,
      },
    });
    const pageUrl = pathToFileURL(PATHS.passphraseHtml);
    let key: Buffer | null = null;

    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.once('ready-to-show', () => window.show());

    const onSubmit = (event: IpcMainInvokeEvent, passphrase: unknown, confirmation: unknown): PassphraseReply => {
      const frame = event.senderFrame;
      if (window.isDestroyed() || event.sender !== window.webContents || frame === null || frame.parent !== null) {
        return { ok: false, message: 'Refused.' };
      }
      const url = new URL(frame.url);
      if (url.protocol !== 'file:' || url.pathname !== pageUrl.pathname) return { ok: false, message: 'Refused.' };
      if (typeof passphrase !== 'string' || (confirmation !== undefined && typeof confirmation !== 'string')) {
        return { ok: false, message: 'Type the clinic passphrase.' };
      }
      let outcome: ReturnType<PassphraseAttempt>;
      try {
        outcome = attempt(passphrase, confirmation ?? '');
      } catch (error) {
        console.error('[front-desk] passphrase attempt failed:', error);
        return { ok: false, message: error instanceof Error ? error.message : 'Something went wrong; try again.' };
      }
      if (!outcome.ok) return outcome;
      key = outcome.key;
      setImmediate(() => {
        if (!window.isDestroyed()) window.close();
      });
      return { ok: true };
    };

    ipcMain.handle(PASSPHRASE_SUBMIT_CHANNEL, onSubmit);
    window.on('closed', () => {
      ipcMain.removeHandler(PASSPHRASE_SUBMIT_CHANNEL);
      resolve(key);
    });
    void window.loadFile(PATHS.passphraseHtml, { query: { mode } });
  });
}
