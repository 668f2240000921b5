import type { EventMap, EventTopic } from '../../../src-shared/api/events';

export type EventListener = <T extends EventTopic>(topic: T, payload: EventMap[T]) => void;

/**
 * Delivers events to connected windows. `broadcast` goes to every window whose session may see it
 * (the filter is the host's); `sendTo` reaches one window (its own session changed).
 */
export class EventBus {
  readonly #listeners = new Map<string, EventListener>();

  subscribe(clientId: string, listener: EventListener): () => void {
    this.#listeners.set(clientId, listener);
    return () => {
      if (this.#listeners.get(clientId) === listener) this.#listeners.delete(clientId);
    };
  }

  broadcast<T extends EventTopic>(topic: T, payload: EventMap[T], canReceive: (clientId: string) => boolean): void {
    for (const [clientId, listener] of this.#listeners) {
      if (canReceive(clientId)) listener(topic, payload);
    }
  }

  sendTo<T extends EventTopic>(clientId: string, topic: T, payload: EventMap[T]): void {
    this.#listeners.get(clientId)?.(topic, payload);
  }
}
