import type { SessionInfo } from './areas/auth';
import type { ClinicSettings } from './areas/settings';

/** Topics pushed from main to every open window, and what each carries. */
export interface EventMap {
  /** This window's own session changed without it asking (idle lock, user disabled). */
  'session.changed': { session: SessionInfo | null };
  'settings.changed': { settings: ClinicSettings };
  'users.changed': { userId: string };
}

export type EventTopic = keyof EventMap;
export const EVENT_TOPICS: readonly EventTopic[] = ['session.changed', 'settings.changed', 'users.changed'];
