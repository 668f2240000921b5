import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ClinicBridge } from '../src-shared/bridge';
import type { Result } from '../src-shared/api/errors';
import { EVENT_TOPICS } from '../src-shared/api/events';
import {
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  OPEN_MEETING_LINK_CHANNEL,
  type IpcEventMessage,
} from '../src-shared/ipc-channels';

/**
 * `window.clinic`: invoke, on and openMeetingLink, nothing else. ipcRenderer itself is never exposed; main checks the
 * sender and the procedure name again, whatever this file does.
 */
const topics: ReadonlySet<string> = new Set<string>(EVENT_TOPICS);

const bridge: ClinicBridge = {
  invoke(name, input) {
    if (typeof name !== 'string') return Promise.reject(new TypeError('invoke(name, input): name must be a string'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input) as Promise<Result<unknown>>;
  },
  openMeetingLink(appointmentId) {
    if (typeof appointmentId !== 'string') return Promise.reject(new TypeError('appointmentId must be a string'));
    return ipcRenderer.invoke(OPEN_MEETING_LINK_CHANNEL, appointmentId) as Promise<Result<null>>;
  },
  on(topic, listener) {
    if (!topics.has(topic)) throw new TypeError(`Unknown event topic: ${topic}`);
    if (typeof listener !== 'function') throw new TypeError('on(topic, listener): listener must be a function');
    const forward = (_event: IpcRendererEvent, message: IpcEventMessage): void => {
      if (message.topic === topic) (listener as (payload: unknown) => void)(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('clinic', bridge);
