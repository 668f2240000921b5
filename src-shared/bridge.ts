import type { Result } from './api/errors';
import type { EventMap, EventTopic } from './api/events';

/**
 * `window.clinic`: exactly what the preload exposes in Electron and what browser mode installs.
 * Nothing else crosses from the page to main.
 */
export interface ClinicBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on<T extends EventTopic>(topic: T, listener: (payload: EventMap[T]) => void): () => void;
}
