import type { FhirImportProgress } from '../interop/fhir-import';
import type { SessionInfo } from './areas/auth';
import type { ClinicSettings } from './areas/settings';
import type { SyncStatus } from './areas/sync';

/** What part of the scheduling set-up a `schedule.changed` event is about. */
export type ScheduleChangeKind = 'location' | 'room' | 'provider' | 'type' | 'template' | 'exception' | 'holiday';

/** Topics pushed from main to every open window, and what each carries. */
export interface EventMap {
  /** How far a FHIR import has gone: sent to the importing window only, while its transaction runs. */
  'interop.importProgress': FhirImportProgress;
  /** This window's own session changed without it asking (idle lock, user disabled). */
  'session.changed': { session: SessionInfo | null };
  'settings.changed': { settings: ClinicSettings };
  'users.changed': { userId: string };
  /** Appointments were booked, moved, cancelled or changed status: refresh these providers' days. */
  'appointments.changed': {
    appointmentIds: string[];
    /** Whose appointments they are: a patient's page re-reads (an audited read) only for its own patient. */
    patientIds: string[];
    providerIds: string[];
    dates: string[];
    action: 'booked' | 'moved' | 'cancelled' | 'status' | 'details';
  };
  /** Reminders were planned, sent, retried or failed: refresh the reminders lists. */
  'reminders.changed': { sent: number; failed: number };
  /** A visit arrived, moved, was undone, called or checked out: every board and display refreshes. No patient data. */
  'visits.changed': {
    visitIds: string[];
    date: string;
    action: 'arrived' | 'moved' | 'undone' | 'called' | 'checked_out' | 'self_pay' | 'settings';
  };
  /** Waitlist entries were added, changed, removed or booked: refresh the list (ids only, no patient data). */
  'waitlist.changed': { entryIds: string[] };
  /**
   * The scheduling set-up was added to, changed or removed from (hours, time off, holidays, providers...):
   * calendars read their days again and set-up screens their lists. No patient data.
   */
  'schedule.changed': { kind: ScheduleChangeKind; ids: string[] };
  /**
   * Money or billing set-up changed: accounts, check-out, drawers, journals and claims lists of these
   * patients (ids only) re-read. `kind` says what moved.
   */
  'billing.changed': {
    kind: 'invoice' | 'payment' | 'adjustment' | 'drawer' | 'claim' | 'setup';
    patientIds: string[];
    ids: string[];
  };
  /**
   * Stock moved or its set-up, orders or counts changed: the stock screens re-read. `crossedReorder`
   * names the items whose stock went below (or back above) the reorder level with this change: the
   * alerts re-read and a window may say so.
   */
  'stock.changed': {
    kind: 'movement' | 'setup' | 'order' | 'count';
    itemIds: string[];
    crossedReorder: string[];
  };
  /** This desk's sync status changed (online/offline, waiting, refused, error): the header re-reads `sync.status`. */
  'sync.changed': { state: SyncStatus['state']; waiting: number; lastSyncedAt: number | null };
  /** The conflicts inbox changed: found after a sync (`found` new ones here), or one resolved (`found` 0). */
  'conflicts.changed': { found: number };
  /** Tasks were made, closed or commented on: work lists re-read (ids only; a patient page, for its patient). */
  'tasks.changed': { taskIds: string[]; patientIds: string[] };
  /** A contact was logged: the patient's communication log re-reads (ids only). */
  'communications.changed': { patientIds: string[] };
  /** A referral was recorded or moved: the work list re-reads (ids only). */
  'referrals.changed': { referralIds: string[]; patientIds: string[] };
  /**
   * Another desk changed these patients' records (details, phones, contacts, allergies, insurance,
   * documents, consents) or a synced document's bytes finished arriving: their open pages re-read.
   */
  'patients.changed': { patientIds: string[] };
}

export type EventTopic = keyof EventMap;
export const EVENT_TOPICS: readonly EventTopic[] = [
  'session.changed',
  'settings.changed',
  'users.changed',
  'appointments.changed',
  'reminders.changed',
  'visits.changed',
  'waitlist.changed',
  'schedule.changed',
  'billing.changed',
  'stock.changed',
  'sync.changed',
  'conflicts.changed',
  'tasks.changed',
  'communications.changed',
  'referrals.changed',
  'patients.changed',
  'interop.importProgress',
];
