import type { ClinicBridge } from '../../../src-shared/bridge';
import type { Result } from '../../../src-shared/api/errors';
import type { EventMap, EventTopic } from '../../../src-shared/api/events';
import { readServerSentEvents } from './server-sent-events';
import { i18next } from '../i18n';

const TOKEN_KEY = 'front-desk.token';
const RECONNECT_MS = 2_000;
const CLIENT_KEY = 'front-desk.client';

const UNREACHABLE: Result<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: i18next.t('common:web-bridge.frontDeskIsNotReachable') },
};

/** The token arrives once in the address's fragment; it is kept for this tab only and leaves the address bar. */
function takeToken(): string {
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(fromHash));
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** One id per tab: a reload keeps this desk's session, a second tab is a second desk. */
function clientId(): string {
  let id = sessionStorage.getItem(CLIENT_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(CLIENT_KEY, id);
  }
  return id;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/** Browser mode: the same `window.clinic` the preload gives Electron, over HTTP to the host on 127.0.0.1. */
export function createWebBridge(): ClinicBridge {
  const token = takeToken();
  const client = clientId();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const headers = { Authorization: i18next.t('common:web-bridge.bearer', { token }), 'X-Clinic-Client': client };
  let listening = false;

  function deliver(data: string): void {
    let event: { topic?: unknown; payload?: unknown };
    try {
      event = JSON.parse(data) as { topic?: unknown; payload?: unknown };
    } catch {
      return;
    }
    if (typeof event.topic !== 'string') return;
    for (const listener of listeners.get(event.topic) ?? []) listener(event.payload);
  }

  /**
   * Events over fetch rather than EventSource: EventSource cannot send a header, so the token would
   * have to travel in the address (where logs and history keep it). Reconnects after a drop, as
   * EventSource would.
   */
  function ensureEvents(): void {
    if (listening) return;
    listening = true;
    const connect = async (): Promise<void> => {
      try {
        const response = await fetch('/api/events', { headers, cache: 'no-store' });
        if (response.ok && response.body) await readServerSentEvents(response.body, deliver);
      } catch {
        // The host went away or the stream broke: try again below.
      }
      setTimeout(() => void connect(), RECONNECT_MS);
    };
    void connect();
  }

  async function invoke(name: string, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, input }),
      });
    } catch {
      return UNREACHABLE;
    }
    if (response.status === 403) {
      return {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: i18next.t('common:web-bridge.frontDeskRefusedThisPage'),
        },
      };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: {
          code: 'UNAUTHENTICATED',
          message: i18next.t('common:web-bridge.thisPageHasNoValid'),
        },
      };
    }
    try {
      const body: unknown = await response.json();
      return isResult(body) ? body : UNREACHABLE;
    } catch {
      return UNREACHABLE;
    }
  }

  return {
    invoke,
    /** Browser mode is already a browser: a new tab, opened without a reference back to this page. */
    async openMeetingLink(appointmentId: string): Promise<Result<null>> {
      const answer = await invoke('appointments.meetingLink', { appointmentId });
      if (!answer.ok) return answer;
      const url = (answer.value as { url: string | null }).url;
      if (url === null || !url.startsWith('https://')) {
        return {
          ok: false,
          error: { code: 'NOT_FOUND', message: i18next.t('common:web-bridge.thisAppointmentHasNoMeeting') },
        };
      }
      window.open(url, '_blank', i18next.t('common:web-bridge.noopenerNoreferrer'));
      return { ok: true, value: null };
    },
    on<T extends EventTopic>(topic: T, listener: (payload: EventMap[T]) => void): () => void {
      ensureEvents();
      const set = listeners.get(topic) ?? new Set();
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      listeners.set(topic, set);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
