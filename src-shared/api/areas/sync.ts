import { z } from 'zod';
import { procedure } from '../procedure';
import { boundedString } from '../../validation';

/** One change of this desk's that the server refused, with its reason (the rest keep flowing). */
export interface RejectedChange {
  id: string;
  table: string;
  code: string;
  reason: string;
}

/**
 * This desk starting from the clinic's snapshot rather than the server's log: a new desk, or one away
 * longer than the server keeps history (`compacted`); its own unsent changes are kept either way.
 */
export interface SyncBootstrap {
  /** interrupted: the last round stopped it (a drop, a refusal); the next round resumes after what is staged. */
  state: 'running' | 'interrupted' | 'done';
  reason: 'new' | 'compacted';
  /** When it started (running), stopped (interrupted) or finished (done). */
  at: number;
  /** Rows of the snapshot received so far (from a starting copy: the rows it brought, once in). */
  rows: number;
  /** Set when the desk starts from the clinic's starting copy: its size and the bytes received so far. */
  copy?: { bytes: number; size: number };
}

/** What the header and the Sync settings show. */
export interface SyncStatus {
  enrolled: boolean;
  /** not-connected: never enrolled; connecting: enrolled, no answer yet since start. */
  state: 'not-connected' | 'connecting' | 'online' | 'offline';
  serverUrl: string | null;
  fingerprint: string | null;
  clinicId: string | null;
  deviceId: string;
  lastSyncedAt: number | null;
  /** This desk's changes not yet accepted by the server. */
  waiting: number;
  rejectedCount: number;
  /** The latest 50 refused changes, oldest first. */
  rejected: RejectedChange[];
  /** Changes from other desks this desk could not apply (kept and retried). */
  applyProblems: number;
  lastError: string | null;
  /** Set when this computer's clock is far from the server's (it still syncs unless over 36 hours). */
  clockWarning: string | null;
  /**
   * Due reminders this connected desk is not sending because the server could not be asked to claim
   * them (at most one sweep's batch, 50); 0 when the last sweep could claim or found nothing due.
   */
  remindersHeld: number;
  /** The latest start from a snapshot since this desk opened; null when there was none. */
  bootstrap: SyncBootstrap | null;
}

/**
 * The address of the clinic's sync server: `https://host:port`; plain `http://` only to this computer.
 * The scheme is checked here; the rest (a host, nothing after it) by the enrolment, naming this field.
 */
export const syncServerUrl = boundedString(300)
  .trim()
  .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#]+\/?$/, 'must be a server address such as https://clinic-server:8443');

/** SHA-256 of the server's certificate as the server prints it (`AB:CD:…`, 32 pairs); empty for plain http. */
export const syncFingerprint = boundedString(100)
  .trim()
  .regex(/^$|^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'must be the 32-pair SHA-256 fingerprint the server prints');

export const syncEnrolInput = z.object({
  serverUrl: syncServerUrl,
  code: boundedString(64)
    .trim()
    .min(8, 'must be the one-time code from the server (at least 8 characters)')
    .regex(/^[A-Za-z0-9 -]+$/, 'must be the one-time code from the server (letters, digits and dashes)'),
  fingerprint: syncFingerprint,
  /** What this desk is called on the Devices list; empty: this computer's name. */
  deviceName: boundedString(60).trim().optional(),
});

/** A starting copy published for new desks (`sync.publishSeed`). */
export interface SyncSeedPublished {
  size: number;
  chunks: number;
  /** Where in the clinic's log the copy was made. */
  cursor: string;
}

export const syncProcedures = {
  'sync.status': procedure<SyncStatus>()({ input: z.object({}), access: 'session', kind: 'read' }),
  /**
   * Connects this set-up desk to the clinic's server as its first desk: everything it holds is queued
   * for the server. Refused when the server's clinic already has data (only a new desk joins that).
   * Declared `read`: it talks to the server, and a write would hold the database for the network's
   * time; it writes the enrolment and its audit entry in one short transaction of its own.
   */
  'sync.enrol': procedure<SyncStatus>()({ input: syncEnrolInput, access: 'settings:manage', kind: 'read' }),
  /**
   * A new desk, not yet set up, joins a clinic that has data on the server and pulls all of it (its
   * staff accounts then sign in here). Refused once this desk has any user. Answers after the first
   * round (the whole clinic pulled, or the round's error in the status).
   */
  'sync.join': procedure<SyncStatus>()({ input: syncEnrolInput, access: 'public', kind: 'read' }),
  /**
   * Publishes a copy of this desk on the server as the clinic's start for new desks: a new desk takes it
   * in at once instead of merging the clinic row by row. Refused while this desk has changes the server
   * has not accepted. Declared `read` like `sync.enrol`: it talks to the server between its reads.
   */
  'sync.publishSeed': procedure<SyncSeedPublished>()({ input: z.object({}), access: 'settings:manage', kind: 'read' }),
  /** Pushes and pulls now rather than at the next poll; answers the status after. */
  'sync.now': procedure<SyncStatus>()({ input: z.object({}), access: 'session', kind: 'read' }),
};
