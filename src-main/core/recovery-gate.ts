import { contract } from '../../src-shared/api/contract';
import type { SystemStatus } from '../../src-shared/api/areas/system';
import { ApiError, type Result } from '../../src-shared/api/errors';
import { APP_VERSION } from './api/handlers/system';
import { appendAudit } from './audit/repository';
import { validateInput } from './api/validate';
import type { Core } from './app';
import type { DeskSync } from './sync/service';
import type { SyncClient } from './sync/client';
import type { ClinicDatabase } from './db/open';
import { databaseKeyFromRecoveryKey } from './keys/recovery';
import { RecoveryKeyError } from './keys/recovery-key';

export interface RecoveryGateOptions {
  /** The clinic database whose key could not be had; its recovery envelope is beside it. */
  databaseFile: string;
  /** Why, in the host's words: shown on the recovery screen. */
  reason: string;
  /** The host keeps the recovered key its usual way (a new key file, the keychain) before the clinic opens. */
  keepKey(key: Buffer): Promise<void> | void;
  /** Opens the clinic with the recovered key. */
  open(key: Buffer): Promise<Core>;
}

/**
 * What a host serves when it started without the database key but a recovery envelope is there: the
 * renderer's start-up finds `recoveryRequired` in `system.status` and shows the recovery screen, whose
 * `system.recover` opens the clinic. From then on every call goes to the real core, as if it had
 * opened normally. Before that, every other procedure is refused.
 */
export function createRecoveryGate(options: RecoveryGateOptions): Core {
  let core: Core | null = null;
  let feedOrigin: string | null = null;
  let opening: Promise<Core> | null = null;
  let wantsSyncLoop = false;
  /** Windows that subscribed while waiting: attached to the real core once it opens. */
  const waiting = new Set<{ clientId: string; attach: (opened: Core) => void }>();

  const status = (): SystemStatus => ({
    setupRequired: false,
    clinicName: null,
    version: APP_VERSION,
    recoveryRequired: options.reason,
    demo: false,
    demoBuild: null,
  });

  async function recover(clientId: string, input: unknown): Promise<Core> {
    const { recoveryKey } = validateInput(contract['system.recover'].input, input);
    let key: Buffer;
    try {
      key = databaseKeyFromRecoveryKey(options.databaseFile, recoveryKey);
    } catch (error) {
      if (error instanceof RecoveryKeyError) {
        throw new ApiError('VALIDATION', error.message, { fields: { recoveryKey: error.message } });
      }
      throw error;
    }
    await options.keepKey(key);
    const opened = await options.open(key);
    // Who opened it is not known yet (nobody signed in): the entry says how, and from which window.
    await opened.database.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: Date.now(),
        actorUserId: null,
        actorUsername: 'recovery-key',
        action: 'system.recover',
        outcome: 'ok',
        details: { reason: options.reason, clientId },
      }),
    );
    if (wantsSyncLoop) opened.startSyncLoop();
    opened.serveCalendarFeedsAt(feedOrigin);
    // Windows that subscribed while waiting get the real core's events.
    for (const subscriber of waiting) subscriber.attach(opened);
    waiting.clear();
    return opened;
  }

  async function invoke(clientId: string, name: string, input: unknown): Promise<Result<unknown>> {
    if (core) return core.invoke(clientId, name, input);
    try {
      if (name === 'system.status') return { ok: true, value: status() };
      if (name !== 'system.recover') {
        throw new ApiError('CONFLICT', 'Front Desk is waiting for the recovery key before it opens the clinic.');
      }
      // One recovery at a time; a second window's attempt waits for the first.
      if (opening) await opening.catch(() => undefined);
      if (core === null) {
        opening = recover(clientId, input);
        try {
          core = await opening;
        } finally {
          opening = null;
        }
      }
      return await core.invoke(clientId, 'system.status', {});
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toData() };
      console.error('[front-desk] recovery failed:', error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Front Desk could not open the clinic: ${(error as Error).message}` },
      };
    }
  }

  return {
    invoke,
    subscribe(clientId, listener) {
      if (core) return core.subscribe(clientId, listener);
      let unsubscribe: (() => void) | null = null;
      const subscriber = {
        clientId,
        attach: (opened: Core) => {
          unsubscribe = opened.subscribe(clientId, listener);
        },
      };
      waiting.add(subscriber);
      return () => {
        waiting.delete(subscriber);
        unsubscribe?.();
      };
    },
    disconnect: (clientId) => {
      for (const subscriber of waiting) if (subscriber.clientId === clientId) waiting.delete(subscriber);
      core?.disconnect(clientId);
    },
    openSystemSession: (clientId, username) => {
      if (!core) throw new Error('The clinic is not open yet: it waits for the recovery key.');
      core.openSystemSession(clientId, username);
    },
    lockIdleSessions: async () => core?.lockIdleSessions(),
    // Until the clinic is open there is no feed to serve: the same answer as a revoked token.
    calendarFeed: async (token) => (core ? core.calendarFeed(token) : null),
    serveCalendarFeedsAt: (origin) => {
      feedOrigin = origin;
      core?.serveCalendarFeedsAt(origin);
    },
    sweepReminders: async () =>
      core ? core.sweepReminders() : { planned: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 },
    checkpoint: () => (core ? core.checkpoint() : { logPages: 0, checkpointedPages: 0, skipped: true }),
    sweepBackups: async () => (core ? core.sweepBackups() : null),
    get database(): ClinicDatabase {
      if (!core) throw new Error('The clinic is not open yet: it waits for the recovery key.');
      return core.database;
    },
    get syncClient(): SyncClient {
      if (!core) throw new Error('The clinic is not open yet: it waits for the recovery key.');
      return core.syncClient;
    },
    startSyncLoop: () => {
      wantsSyncLoop = true;
      core?.startSyncLoop();
    },
    get sync(): DeskSync {
      if (!core) throw new Error('The clinic is not open yet: it waits for the recovery key.');
      return core.sync;
    },
    close: async () => {
      if (opening) await opening.catch(() => undefined);
      await core?.close();
    },
  };
}
