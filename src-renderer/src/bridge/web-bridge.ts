import type { ClinicBridge } from '../../../src-shared/bridge';
import type { Result } from '../../../src-shared/api/errors';
import type { EventMap, EventTopic } from '../../../src-shared/api/events';

const TOKEN_KEY = 'front-desk.token';
const CLIENT_KEY = 'front-desk.client';

/**
 * Browser mode: the same `window.clinic` the preload gives Electron, over HTTP to the host on
 * 127.0.0.1. The token arrives once in the address's fragment and is kept for this tab only.
 */
export function createWebBridge(): ClinicBridge {
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(fromHash));
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let clientId = sessionStorage.getItem(CLIENT_KEY);
  if (!clientId) {
    clientId = crypto.randomUUID();
    sessionStorage.setItem(CLIENT_KEY, clientId);
  }

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;
  function ensureEvents(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}&client=${encodeURIComponent(clientId ?? '')}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const { topic, payload } = JSON.parse(message.data) as { topic: string; payload: unknown };
      for (const listener of listeners.get(topic) ?? []) listener(payload);
    };
  }

  return {
    async invoke(name: string, input: unknown): Promise<Result<unknown>> {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': clientId ?? '', 'Content-Type': 'application/json' },
          body: JSON.stringify({ name, input }),
        });
        if (response.status === 401) {
          return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'This page has no valid access token: open the address Front Desk printed.' } };
        }
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Front Desk is not reachable. Is it still running?' } };
      }
    },
    on<T extends EventTopic>(topic: T, listener: (payload: EventMap[T]) => void): () => void {
      ensureEvents();
      const set = listeners.get(topic) ?? new Set();
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      listeners.set(topic, set);
      return () => set.delete(wrapped);
    },
  };
}
