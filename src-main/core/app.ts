import type { ReminderRunSummary } from '../../src-shared/api/areas/reminders';
import type { Result } from '../../src-shared/api/errors';
import { PERMISSIONS } from '../../src-shared/api/permissions';
import { appendAudit } from './audit/repository';
import { calendarOfFeedToken } from './calendar-feeds/feed-serve';
import { SessionStore, sessionInfo } from './auth/sessions';
import { SignInLimits } from './auth/sign-in-limits';
import { systemClock, type Clock } from './clock';
import { acquireClinicLock } from './db/clinic-lock';
import { fillAuditLookup } from './audit/lookup-repository';
import { openDatabase, requireDatabaseFile, type ClinicDatabase } from './db/open';
import { idleCheckpointer, type WalCheckpoint } from './db/idle-checkpoint';
import { EventBus, type EventListener } from './events/bus';
import { handlers } from './api/handlers';
import type { CoreState } from './api/context';
import { ConflictSettler } from './conflicts/settler';
import { createRouter } from './api/router';
import { ReminderRunner } from './reminders/runner';
import { ServerReminderClaims } from './sync/reminder-claims';
import { networkTransport, type ReminderTransport } from './reminders/transport';
import { readSettings } from './settings/repository';
import type { BackupRun } from '../../src-shared/api/areas/backups';
import { sweepScheduledBackup } from './backups/scheduler';
import { BackupKeeper } from './backups/service';
import { SyncClient, type TransportFactory } from './sync/client';
import { createDeskSync, type DeskSync } from './sync/service';
import { DemoMaker } from './demo/demo-maker';
import { seedDemoClinic } from './demo/demo-clinic';

export interface CoreOptions {
  file: string;
  key: Buffer;
  create?: boolean;
  clock?: Clock;
  /**
   * Hosts that serve people (the app, `clinic serve`) hold the clinic's lock while open, named by
   * this ("the Front Desk app"), so `clinic restore` can refuse and say what to close. Short CLI
   * commands and tests leave it out: SQLite's own locks let them run beside a host.
   */
  lock?: string;
  /** How reminders leave: SMTP and the SMS webhook unless a host says otherwise. */
  reminderTransport?: ReminderTransport;
  /** How the sync client reaches the server: pinned HTTPS unless a test says otherwise. */
  syncTransport?: TransportFactory;
}

/**
 * The application under any host: Electron's IPC, browser mode's HTTP, the CLI and the tests all
 * talk to this, one window (client id) at a time.
 */
export interface Core {
  invoke(clientId: string, name: string, input: unknown): Promise<Result<unknown>>;
  subscribe(clientId: string, listener: EventListener): () => void;
  /**
   * Signs a client in as the system, with every permission, for the admin CLI: its writes then go
   * through the router like any window's, each with its audit entry in the same transaction, audited
   * under `username` (`cli:<os user>`). Only code in this process can call it; no host exposes it.
   */
  openSystemSession(clientId: string, username: string): void;
  /** A window closed: forget its session. */
  disconnect(clientId: string): void;
  /** Locks sessions idle past the timeout and tells their windows; hosts call it every few seconds. */
  lockIdleSessions(): Promise<void>;
  /** Plans missing reminders and sends the due ones; hosts call it every minute, tests drive it. */
  sweepReminders(): Promise<ReminderRunSummary>;
  /**
   * Copies the write-ahead log into the database between requests (hosts call it every few seconds):
   * otherwise SQLite does it inside whichever commit finds the log past 1000 pages, and that desk's
   * booking or check-in waits for it (5–12 ms here, once over 500 ms). It first gives the audit entries
   * written since the last copy their lookup rows (audit/lookup-repository.ts), for the same reason.
   * Only once a few hundred rows were changed since the last copy (db/idle-checkpoint.ts): a log copied
   * to its end costs the next write an extra fsync.
   */
  checkpoint(): WalCheckpoint;
  /** A calendar subscription's .ics for its token (issue 21), or null when the token is unknown or revoked. */
  calendarFeed(token: string): Promise<string | null>;
  /** The host serving `GET /calendar/<token>.ics` says where (null when it stops): `ical.issue` answers the full address. */
  serveCalendarFeedsAt(origin: string | null): void;
  /** Writes the day's scheduled backup when it is due (null when none was); hosts call it every minute. */
  sweepBackups(): Promise<BackupRun | null>;
  database: ClinicDatabase;
  /** Captured changes out, remote changes in (issue 17): what the sync client drives. */
  sync: DeskSync;
  /** The sync server client: hosts start its loop when the desk is enrolled (`startSyncLoop`). */
  syncClient: SyncClient;
  /**
   * Hosts that serve people call it once: the sync loop runs while the desk is enrolled, and starts
   * as soon as a desk is enrolled later. Tests and short CLI commands drive `syncClient` themselves.
   */
  startSyncLoop(): void;
  close(): Promise<void>;
}

export const DEFAULT_LOCK_TIMEOUT_MINUTES = 10;

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  if (!options.create) requireDatabaseFile(options.file);
  const lock = options.lock === undefined ? null : acquireClinicLock(options.file, options.lock);
  let database: ClinicDatabase;
  try {
    database = openDatabase({ file: options.file, key: options.key, create: options.create, now: clock() });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const finding = database.auditFinding;
  if (finding) {
    // Into the keyed chain itself, so the evidence outlives the checkpoint file that was replaced.
    await database.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: clock(),
        actorUserId: null,
        actorUsername: 'system',
        action: 'audit.checkpoint',
        outcome: 'failed',
        details: {
          problem: finding.problem,
          message: finding.message,
          headSeq: finding.head?.seq ?? 0,
          checkpointSeq: finding.checkpoint?.seq ?? null,
          checkpointHash: finding.checkpoint?.hash ?? null,
          keptAs: finding.keptAs,
        },
      }),
    );
  }
  // Stamps follow the core's clock, so a test's hand-moved clock moves them too.
  database.sync.now = clock;
  const settings = await readSettings(database.db);
  const events = new EventBus();
  // Forward reference: the router decides which windows may receive, and it needs the state.
  let canReceive: (clientId: string) => boolean = () => false;
  const reminders = new ReminderRunner(
    database.db,
    clock,
    options.reminderTransport ?? networkTransport,
    (summary) =>
      events.broadcast('reminders.changed', { sent: summary.sent, failed: summary.failed }, (clientId) =>
        canReceive(clientId),
      ),
    // Sent once for the clinic: a connected desk sends only what the server grants it.
    new ServerReminderClaims(() => state.syncClient),
  );
  const state: CoreState = {
    db: database.db,
    clock,
    sessions: new SessionStore(),
    signIns: new SignInLimits(),
    events,
    lockTimeoutMinutes: settings?.lockTimeoutMinutes ?? DEFAULT_LOCK_TIMEOUT_MINUTES,
    reminders,
    backups: new BackupKeeper(options.file, options.key, database.db, clock),
    sync: database.sync,
    conflicts: new ConflictSettler(database.db, clock, () =>
      events.broadcast('conflicts.changed', { found: 0 }, (clientId) => canReceive(clientId)),
    ),
    // Replaced just below: the client needs the desk sync, which needs the router's receivers.
    syncClient: null as unknown as SyncClient,
    // The demo is made through the core itself, which exists only once this state does.
    demo: new DemoMaker((timeZone) => seedDemoClinic(core, { timeZone, now: clock() })),
    calendarFeedOrigin: null,
  };
  const router = createRouter(state, handlers);
  canReceive = router.canReceive;
  const desk = createDeskSync(database, clock, (topic, payload) => {
    // What a sync found (or closed) is news to the settler's idea of whether any are open.
    if (topic === 'conflicts.changed') state.conflicts.forget();
    state.events.broadcast(topic, payload, (clientId) => canReceive(clientId));
  });
  const syncClient = new SyncClient({
    database,
    desk,
    clock,
    ...(options.syncTransport ? { transportFor: options.syncTransport } : {}),
    onStatus: (status) =>
      state.events.broadcast(
        'sync.changed',
        { state: status.state, waiting: status.waiting, lastSyncedAt: status.lastSyncedAt },
        (clientId) => canReceive(clientId),
      ),
    onPatientsChanged: (patientIds) =>
      state.events.broadcast('patients.changed', { patientIds }, (clientId) => canReceive(clientId)),
  });
  state.syncClient = syncClient;

  // Off every request's path: the audit entries since the last copy get their lookup rows in one commit.
  const idleCheckpoint = idleCheckpointer(database.handle, { beforeCopy: () => fillAuditLookup(database.handle) });
  const core: Core = {
    invoke: router.invoke,
    subscribe: (clientId, listener) => state.events.subscribe(clientId, listener),
    openSystemSession: (clientId, username) =>
      state.sessions.set(clientId, {
        userId: username,
        username,
        displayName: username,
        role: 'admin',
        permissions: new Set(PERMISSIONS),
        lastActivityAt: clock(),
        locked: false,
        failedUnlocks: 0,
        system: true,
      }),
    disconnect: (clientId) => state.sessions.delete(clientId),
    calendarFeed: (token) => calendarOfFeedToken(database.db, token, clock()),
    serveCalendarFeedsAt: (origin) => {
      state.calendarFeedOrigin = origin;
    },
    async lockIdleSessions() {
      const now = clock();
      for (const [clientId, session] of state.sessions.entries()) {
        if (session.locked || now - session.lastActivityAt <= state.lockTimeoutMinutes * 60_000) continue;
        session.locked = true;
        await database.db.transaction().execute((trx) =>
          appendAudit(trx, {
            at: now,
            actorUserId: session.userId,
            actorUsername: session.username,
            action: 'auth.idleLock',
            outcome: 'ok',
          }),
        );
        state.events.sendTo(clientId, 'session.changed', { session: sessionInfo(session, state.lockTimeoutMinutes) });
      }
    },
    sweepReminders: () => reminders.run(),
    checkpoint: () => {
      const done = idleCheckpoint();
      // Between requests, as the hosts call this, whether or not the log was copied: the statistics
      // opening left out (db/open.ts; it waits for a transaction in progress itself).
      database.refreshStatistics();
      return done;
    },
    sweepBackups: () => sweepScheduledBackup(database.db, state.backups, clock),
    database,
    sync: desk,
    syncClient,
    startSyncLoop: () => syncClient.keepSyncing(),
    close: async () => {
      await syncClient.stopLoop();
      // A sweep still writing must finish before the handle closes.
      await reminders.idle();
      await state.backups.idle();
      await state.conflicts.idle();
      await state.demo.idle();
      try {
        await database.close();
      } finally {
        lock?.release();
      }
    },
  };
  return core;
}
