import type { Result } from './api/errors';
import type { EventMap, EventTopic } from './api/events';

/**
 * `window.clinic`: exactly what the preload exposes in Electron and what browser mode installs.
 * Nothing else crosses from the page to main.
 */
export interface ClinicBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on<T extends EventTopic>(topic: T, listener: (payload: EventMap[T]) => void): () => void;
  /**
   * Opens an appointment's stored meeting link in the computer's browser. The page names the
   * appointment, never a URL: main reads the link (through `appointments.meetingLink`, so session and
   * permission apply) and opens only an https link it finds there.
   */
  openMeetingLink(appointmentId: string): Promise<Result<null>>;
}
