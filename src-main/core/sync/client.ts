import type { SyncBootstrap, SyncStatus } from '../../../src-shared/api/areas/sync';
import {
  MAX_PULL_CHANGES,
  MAX_PUSH_CHANGES,
  type PullResponse,
  type PushResponse,
  type SyncChange,
} from '../../../src-shared/sync/protocol';
import { ApiError } from '../../../src-shared/api/errors';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import type { ClinicDatabase } from '../db/open';
import { readEnrolment, saveSyncedAt, type Enrolment } from './client-repository';
import { saveLastError } from './repository';
import { bootstrapFromSnapshot } from './client-bootstrap';
import { bootstrapFromSeed, publishSeed, type PublishedSeed } from './seed-client';
import { enrolWithServer } from './client-enrol';
import type { DeskSync } from './service';
import { ask, SyncServerError } from './client-requests';
import { runSyncLoop, type LoopOptions, type SyncLoop } from './client-loop';
import { withoutSeq } from './without-seq';
import { httpTransport, type SyncTransport } from './transport';
import { HeldReminders } from './reminders-held';
import { downloadFiles, uploadFiles, type FileTransfer } from './files-client';
import { patientsOfFile } from './files-repository';

export { SyncServerError };

export type TransportFactory = (serverUrl: string, fingerprint: string | null) => SyncTransport;

export interface SyncClientDeps {
  database: ClinicDatabase;
  desk: DeskSync;
  clock: Clock;
  transportFor?: TransportFactory;
  /** Called when the status a person would see changed (the host broadcasts `sync.changed`). */
  onStatus?: (status: SyncStatus) => void;
  /** Called when documents' bytes finished arriving, with their patients (the host broadcasts `patients.changed`). */
  onPatientsChanged?: (patientIds: string[]) => void;
}

export interface EnrolRequestInput {
  serverUrl: string;
  code: string;
  fingerprint: string;
  /** What this desk is called on the Devices list; empty or absent: this computer's name. */
  deviceName?: string | undefined;
}

const REQUEST_TIMEOUT_MS = 30_000;
/** A clock further off than this is shown on screen (the server refuses only beyond 36 hours). */
const CLOCK_WARNING_MS = 5 * 60_000;

/**
 * The desk's side of the conversation with the clinic's sync server (issue 17): enrolment, one round
 * of push-then-pull, and the loop that keeps doing it. All SQL is in client-repository.ts and the
 * desk sync service; this file only talks and decides.
 */
export class SyncClient {
  private online: boolean | null = null;
  private lastError: string | null = null;
  private bootstrap: SyncBootstrap | null = null;
  private clockWarning: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lastShown = '';
  /** The outbox count the loop last looked at (see startLoop). */
  private waitingSeen = -1;
  private loop: SyncLoop | null = null;
  private keepLoop = false;
  /** Due reminders held for want of a claim from the server (noted by reminder-claims.ts). */
  readonly heldReminders = new HeldReminders(() => this.announce());
  /** What the last round moved of documents' bytes, as far as it got (files-client.ts). */
  files: FileTransfer | null = null;
  /** How the server is reached (the Devices procedures ask through it too: devices.ts). */
  transportFor: TransportFactory;

  constructor(readonly deps: SyncClientDeps) {
    this.transportFor = deps.transportFor ?? httpTransport;
  }

  /** Replaces how the server is reached (tests: a transport that loses answers). */
  useTransport(factory: TransportFactory): void {
    this.transportFor = factory;
  }

  status(): SyncStatus {
    const { desk } = this.deps;
    const enrolment = readEnrolment(this.deps.database.handle);
    const stored = desk.status();
    const rejected = desk.rejected();
    const enrolled = enrolment.clinicId !== null;
    return {
      enrolled,
      state: !enrolled ? 'not-connected' : this.online === null ? 'connecting' : this.online ? 'online' : 'offline',
      serverUrl: enrolment.serverUrl,
      fingerprint: enrolment.fingerprint,
      clinicId: enrolment.clinicId,
      deviceId: enrolment.deviceId,
      lastSyncedAt: enrolment.lastSyncedAt,
      waiting: stored.pending,
      rejectedCount: rejected.length,
      rejected: rejected.slice(-50),
      applyProblems: stored.problems,
      lastError: this.lastError ?? stored.lastError,
      clockWarning: this.clockWarning,
      remindersHeld: enrolled ? this.heldReminders.count : 0,
      bootstrap: this.bootstrap,
    };
  }

  /** Enrols this desk with a one-time code, as the clinic's first desk or a new one (client-enrol.ts). */
  async enrol(input: EnrolRequestInput, mode: 'first' | 'join', actor: Actor): Promise<SyncStatus> {
    const enrolled = await enrolWithServer(this.deps, this.transportFor, input, mode, actor);
    this.online = true;
    this.lastError = null;
    this.noteClock(enrolled.serverTime);
    if (this.keepLoop) this.startLoop();
    return this.announce(true);
  }

  /**
   * Publishes a copy of this desk as the clinic's start for new desks (seed-client.ts), after a round
   * so that everything written here is on the server first.
   */
  async publishSeed(): Promise<PublishedSeed> {
    await this.syncOnce().catch(() => null);
    const enrolment = readEnrolment(this.deps.database.handle);
    if (enrolment.clinicId === null || enrolment.serverUrl === null || enrolment.secret === null)
      throw new ApiError('CONFLICT', 'This desk is not connected to a sync server: connect it on Settings → Sync.');
    const transport = this.transportFor(enrolment.serverUrl, enrolment.fingerprint);
    const token = `Bearer ${enrolment.deviceId}.${enrolment.secret}`;
    const run = this.queue.then(() =>
      publishSeed({ database: this.deps.database, transport, token }, this.deps.desk, enrolment.clinicId ?? ''),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Pushes everything waiting, then pulls and applies until the server has no more. */
  syncOnce(): Promise<{ pushed: number; pulled: number } | null> {
    const run = this.queue.then(() => this.round());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async round(): Promise<{ pushed: number; pulled: number } | null> {
    const enrolment = readEnrolment(this.deps.database.handle);
    if (enrolment.clinicId === null || enrolment.serverUrl === null || enrolment.secret === null) return null;
    const { desk, clock } = this.deps;
    const transport = this.transportFor(enrolment.serverUrl, enrolment.fingerprint);
    const token = `Bearer ${enrolment.deviceId}.${enrolment.secret}`;
    const files: FileTransfer = { uploaded: 0, chunksSent: 0, downloaded: 0, chunksReceived: 0, problems: [] };
    this.files = files;
    const talk = { database: this.deps.database, transport, token, now: clock };
    try {
      // Documents' bytes first, so a row pushed below usually finds its file on the server already.
      await uploadFiles(talk, files);
      let pushed = await this.push(transport, token);
      let pulled = 0;
      let cursor =
        desk.status().pullCursor ?? (await this.startFromSnapshot(transport, token, enrolment.clinicId, 'new'));
      let deskCode: string | undefined;
      let restarted = false;
      for (;;) {
        let page: PullResponse;
        try {
          page = await this.pull(transport, token, cursor, 0);
        } catch (error) {
          // Away longer than the server keeps history: its own unsent changes go first (written since
          // the push above), then the snapshot; once a round, so a server that keeps answering so fails it.
          if (!(error instanceof SyncServerError) || error.code !== 'RESYNC_REQUIRED' || restarted) throw error;
          restarted = true;
          pushed += await this.push(transport, token).catch(() => 0);
          cursor = await this.startFromSnapshot(transport, token, enrolment.clinicId, 'compacted');
          continue;
        }
        const applied = await desk.applyRemote(
          page.changes.map((change) => withoutSeq(change) as SyncChange),
          page.cursor,
          page.serverTime,
        );
        if (applied.skewMessage) this.clockWarning = applied.skewMessage;
        deskCode = page.deskCode ?? deskCode;
        pulled += page.changes.length;
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const arrived = await downloadFiles(talk, files);
      // Pages showing "still arriving" re-read once the bytes are whole.
      const patientIds = [...new Set(arrived.flatMap((sha256) => patientsOfFile(this.deps.database.handle, sha256)))];
      if (patientIds.length > 0) this.deps.onPatientsChanged?.(patientIds);
      await this.deps.database.db.transaction().execute(async () => {
        saveSyncedAt(this.deps.database.handle, clock(), deskCode);
        await Promise.resolve();
      });
      this.online = true;
      this.lastError = null;
      this.announce();
      return { pushed, pulled };
    } catch (error) {
      await this.failed(error);
      throw error;
    }
  }

  /** Pushes everything waiting, in batches; a refused change never holds the ones behind it. */
  private async push(transport: SyncTransport, token: string): Promise<number> {
    const { desk, clock } = this.deps;
    let pushed = 0;
    let afterSeq = 0;
    await desk.queueAuditChain();
    for (;;) {
      const batch = desk.pending(MAX_PUSH_CHANGES, afterSeq);
      if (batch.length === 0) return pushed;
      const answer = await ask<PushResponse>(transport, {
        method: 'POST',
        path: '/v1/push',
        authorization: token,
        body: { changes: batch.map((change) => withoutSeq(change)), deskTime: clock() },
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      await desk.recordPushResults(answer.results, batch);
      this.noteClock(answer.serverTime);
      pushed += batch.length;
      afterSeq = batch[batch.length - 1]?.seq ?? afterSeq;
    }
  }

  /** The snapshot merged here (client-bootstrap.ts), shown in the status while it runs; answers the cursor. */
  private async startFromSnapshot(
    transport: SyncTransport,
    token: string,
    clinicId: string,
    reason: SyncBootstrap['reason'],
  ) {
    const { clock } = this.deps;
    this.bootstrap = { state: 'running', reason, at: clock(), rows: 0 };
    this.announce();
    const { database, desk } = this.deps;
    let done: { cursor: string; rows: number; fromCopy?: boolean } | null = null;
    try {
      // A new desk takes the clinic's starting copy when there is one it can use (seed-client.ts);
      // the snapshot's pages otherwise, and always for a desk that holds rows of its own.
      let shownAt = 0;
      const at = this.bootstrap?.at ?? clock();
      if (reason === 'new')
        done = await bootstrapFromSeed({ database, transport, token }, desk, clinicId, (bytes, size) => {
          this.bootstrap = { state: 'running', reason, at, rows: 0, copy: { bytes, size } };
          // Twice a second at most: the header needs no more, and each announcement reads the status.
          if (bytes < size && performance.now() - shownAt < 500) return;
          shownAt = performance.now();
          this.announce();
        });
      done ??= await bootstrapFromSnapshot(database, desk, transport, token, clinicId, clock, (rows) => {
        this.bootstrap = { state: 'running', reason, at: this.bootstrap?.at ?? clock(), rows };
        this.announce();
      });
    } catch (error) {
      // Not left "running" while the loop backs off: the status says it stopped, beside the last error.
      this.bootstrap = { state: 'interrupted', reason, at: clock(), rows: this.bootstrap?.rows ?? 0 };
      this.announce();
      throw error;
    }
    const copy = this.bootstrap?.copy;
    this.bootstrap = {
      state: 'done',
      reason,
      at: clock(),
      rows: done.rows,
      ...(done.fromCopy && copy ? { copy } : {}),
    };
    this.announce();
    return done.cursor;
  }

  private pull(transport: SyncTransport, token: string, cursor: string, waitMs: number, signal?: AbortSignal) {
    return ask<PullResponse>(transport, {
      method: 'GET',
      path: `/v1/pull?after=${encodeURIComponent(cursor)}&limit=${MAX_PULL_CHANGES}&waitMs=${waitMs}`,
      authorization: token,
      timeoutMs: waitMs + REQUEST_TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    }).then((page) => {
      this.noteClock(page.serverTime);
      return page;
    });
  }

  /**
   * Waits on the server (long poll) until another desk pushed something, `waitMs` passed, or `signal`
   * fires (this desk has changes to send). What arrives is fetched again by the next round.
   */
  private async waitForChanges(waitMs: number, signal: AbortSignal): Promise<void> {
    const enrolment = readEnrolment(this.deps.database.handle);
    if (enrolment.serverUrl === null || enrolment.secret === null) return;
    const transport = this.transportFor(enrolment.serverUrl, enrolment.fingerprint);
    const cursor = this.deps.desk.status().pullCursor ?? '';
    try {
      await this.pull(transport, `Bearer ${enrolment.deviceId}.${enrolment.secret}`, cursor, waitMs, signal);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  /**
   * Keeps the desk in sync while the host runs: a round, then a long poll that ends when another desk
   * pushes or this desk writes; network errors back off (see client-loop.ts).
   */
  startLoop(options: LoopOptions = {}): SyncLoop {
    if (this.loop) return this.loop;
    const loop = runSyncLoop(
      {
        round: () => this.syncOnce(),
        waitForChanges: (waitMs, signal) => this.waitForChanges(waitMs, signal),
        waiting: () => {
          const waiting = this.deps.desk.status().pending;
          // The header's "3 waiting" follows this desk's writes between rounds too: offline, the next
          // round may be a minute away. Told only when the count moved (announce compares).
          if (waiting !== this.waitingSeen) {
            this.waitingSeen = waiting;
            this.announce();
          }
          return waiting;
        },
      },
      options,
    );
    this.loop = {
      stop: async () => {
        await loop.stop();
        this.loop = null;
      },
    };
    return this.loop;
  }

  /** The loop runs whenever the desk is enrolled: now if it is, else from a successful enrolment on. */
  keepSyncing(): void {
    this.keepLoop = true;
    if (readEnrolment(this.deps.database.handle).clinicId !== null) this.startLoop();
  }

  async stopLoop(): Promise<void> {
    this.keepLoop = false;
    await this.loop?.stop();
    await this.queue;
  }

  private noteClock(serverTime: unknown): void {
    if (typeof serverTime !== 'number') return;
    const off = this.deps.clock() - serverTime;
    this.clockWarning =
      Math.abs(off) > CLOCK_WARNING_MS
        ? `This computer's clock is ${Math.round(Math.abs(off) / 60_000)} minutes ${off > 0 ? 'ahead of' : 'behind'} the server's. Syncing goes on, but set the clock right.`
        : null;
  }

  private async failed(error: unknown): Promise<void> {
    let message: string;
    if (error instanceof SyncServerError) {
      this.online = true;
      if (error.code === 'SKEW_TOO_LARGE') this.clockWarning = error.message;
      message =
        error.status === 401
          ? `The server no longer knows this desk (revoked?): ${error.message}`
          : `The server refused: ${error.message}`;
    } else {
      // Unreachable, a pin mismatch, or our own failure: each error's message says which.
      this.online = false;
      message = error instanceof Error ? error.message : String(error);
    }
    this.lastError = message;
    try {
      // Through Kysely's transaction: a raw write could land inside a procedure's open transaction.
      await this.deps.database.db.transaction().execute(async () => {
        saveLastError(this.deps.database.handle, message, this.deps.clock());
        await Promise.resolve();
      });
    } catch {
      // Closing: the message stays in memory.
    }
    this.announce();
  }

  /** Tells the host when anything but the time of the last sync changed, or that time moved by a minute. */
  private announce(force = false): SyncStatus {
    const status = this.status();
    const shown = JSON.stringify({
      ...status,
      lastSyncedAt: status.lastSyncedAt === null ? null : Math.floor(status.lastSyncedAt / 60_000),
    });
    if (force || shown !== this.lastShown) {
      this.lastShown = shown;
      this.deps.onStatus?.(status);
    }
    return status;
  }
}
export type { Enrolment };
