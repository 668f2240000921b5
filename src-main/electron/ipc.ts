import { ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../core/app';
import type { Result } from '../../src-shared/api/errors';
import { isProcedureName } from '../../src-shared/api/contract';
import { MAX_REQUEST_BYTES } from '../../src-shared/api/limits';
import { fitsWithin } from './input-size';
import { meetingLinkToOpen } from './origin';
import {
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  OPEN_MEETING_LINK_CHANNEL,
  type IpcEventMessage,
} from '../../src-shared/ipc-channels';

export const clientIdOf = (contents: WebContents): string => `wc:${contents.id}`;

export interface IpcBinding {
  /** Starts delivering events to the window; its session ends when it closes. */
  attachWindow(window: BrowserWindow): void;
  dispose(): void;
}

const refused: Result<unknown> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not call Front Desk.' },
};
const tooLarge: Result<unknown> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'The request is too large.', details: { fields: { input: 'is too large' } } },
};
const unknownProcedure: Result<unknown> = {
  ok: false,
  error: { code: 'NOT_FOUND', message: 'There is no such procedure.' },
};

/**
 * Binds core to Electron IPC. `invoke` answers only the top frame of one of our windows showing our
 * renderer, and only for declared procedure names; everything else core checks again (schema, session,
 * permission).
 */
export function bindIpc(core: Core, isRendererUrl: (url: string) => boolean): IpcBinding {
  const windows = new Map<number, BrowserWindow>();
  const detachers = new Map<number, () => void>();

  function trustedSender(event: IpcMainInvokeEvent): boolean {
    const contents = event.sender;
    const window = windows.get(contents.id);
    const frame = event.senderFrame;
    if (!window || window.isDestroyed() || window.webContents !== contents || frame === null) return false;
    const top = contents.mainFrame;
    if (frame.parent !== null || frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
    return isRendererUrl(frame.url);
  }

  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!trustedSender(event)) {
      console.warn(`[front-desk] refused IPC from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return refused;
    }
    if (typeof name !== 'string' || !isProcedureName(name)) return unknownProcedure;
    if (!fitsWithin(input, MAX_REQUEST_BYTES)) return tooLarge;
    return core.invoke(clientIdOf(event.sender), name, input);
  });

  // The page names an appointment; main reads its stored link through the router (session,
  // permission, audit) and opens it only if it is an https link.
  ipcMain.handle(OPEN_MEETING_LINK_CHANNEL, async (event, appointmentId: unknown): Promise<Result<null>> => {
    if (!trustedSender(event)) return refused as Result<null>;
    const answer = await core.invoke(clientIdOf(event.sender), 'appointments.meetingLink', { appointmentId });
    if (!answer.ok) return answer;
    const url = meetingLinkToOpen(answer);
    if (!url)
      return { ok: false, error: { code: 'NOT_FOUND', message: 'This appointment has no meeting link to open.' } };
    await shell.openExternal(url);
    return { ok: true, value: null };
  });

  function detach(id: number): void {
    const done = detachers.get(id);
    if (!done) return;
    detachers.delete(id);
    windows.delete(id);
    done();
  }

  return {
    attachWindow(window) {
      const contents = window.webContents;
      const id = contents.id;
      const clientId = clientIdOf(contents);
      windows.set(id, window);
      const unsubscribe = core.subscribe(clientId, (topic, payload) => {
        if (contents.isDestroyed()) return;
        const message: IpcEventMessage = { topic, payload };
        contents.send(EVENT_CHANNEL, message);
      });
      detachers.set(id, () => {
        unsubscribe();
        core.disconnect(clientId);
      });
      window.on('closed', () => detach(id));
      contents.on('destroyed', () => detach(id));
      // A crashed renderer loses its page state: its session must not outlive it.
      contents.on('render-process-gone', () => core.disconnect(clientId));
    },
    dispose() {
      ipcMain.removeHandler(INVOKE_CHANNEL);
      ipcMain.removeHandler(OPEN_MEETING_LINK_CHANNEL);
      for (const id of [...detachers.keys()]) detach(id);
    },
  };
}
