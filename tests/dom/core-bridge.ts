import type { Core } from '../../src-main/core/app';
import type { ClinicBridge } from '../../src-shared/bridge';
import type { EventMap, EventTopic } from '../../src-shared/api/events';

/** Holds a call's answer until the test lets it go, to make an earlier read answer after a later one. */
export interface Gate {
  /** The next call of this procedure waits until `release`; later calls go straight through. */
  holdNext(name: string): void;
  /** Lets every held call answer. */
  release(): void;
}

/**
 * `window.clinic` over a real core in this process: what the preload does in Electron, minus IPC.
 * Screens and hooks under test talk to a real encrypted database through it.
 */
export function coreBridge(core: Core, clientId: string): { bridge: ClinicBridge; gate: Gate; calls: string[] } {
  const listeners = new Map<EventTopic, Set<(payload: never) => void>>();
  core.subscribe(clientId, (topic, payload) => {
    for (const listener of listeners.get(topic) ?? []) (listener as (payload: EventMap[typeof topic]) => void)(payload);
  });
  let holdFor: string | null = null;
  let held: (() => void)[] = [];
  const calls: string[] = [];
  const bridge: ClinicBridge = {
    invoke: async (name, input) => {
      calls.push(name);
      if (name === holdFor) {
        holdFor = null;
        await new Promise<void>((resolve) => held.push(resolve));
      }
      return core.invoke(clientId, name, input);
    },
    on: (topic, listener) => {
      const set = listeners.get(topic) ?? new Set();
      set.add(listener);
      listeners.set(topic, set);
      return () => set.delete(listener);
    },
    openMeetingLink: () => Promise.resolve({ ok: true, value: null }),
  };
  const gate: Gate = {
    holdNext: (name) => {
      holdFor = name;
    },
    release: () => {
      const waiting = held;
      held = [];
      for (const resolve of waiting) resolve();
    },
  };
  return { bridge, gate, calls };
}
