import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { format, send, type HlcState } from '../../../src-shared/sync/hlc';
import { newId } from '../ids';
import { changedColumnsOfOldTriggers, rowValues, updateValues } from './capture-values';

/** Until the database's own device id is read after migrating; capture is off until then. */
const NO_DEVICE = '00000000-0000-0000-0000-000000000000';

/**
 * What the capture triggers ask of this process through SQL functions registered on the handle:
 * the next clock stamp, who is acting, and whether to capture at all. One per connection; the
 * router sets `userId` around each write transaction, and applying remote changes turns `capturing`
 * off so that what arrives is not sent back out as this desk's own.
 */
export class SyncRuntime {
  deviceId = NO_DEVICE;
  clock: HlcState = { wall: 0, counter: 0 };
  userId: string | null = null;
  capturing = false;
  now: () => number = Date.now;

  nextStamp(): string {
    this.clock = send(this.clock, this.now());
    return format({ ...this.clock, device: this.deviceId });
  }

  /** Runs `work` with capture off (remote changes being applied), restoring the previous setting. */
  withoutCapture<T>(work: () => T): T {
    const before = this.capturing;
    this.capturing = false;
    try {
      return work();
    } finally {
      this.capturing = before;
    }
  }
}

const runtimes = new WeakMap<BetterSqlite3.Database, SyncRuntime>();

/**
 * Registers `sync_capturing()`, `sync_hlc()`, `sync_user()`, `sync_change_id()`, `sync_row(table, ...)`
 * and `sync_update(table, NEW.c, OLD.c, ...)` (./capture-values.ts)
 * on a connection. Every connection that can write gets them, since the capture triggers call them:
 * a tool's handle (restore, a test) whose runtime never starts capturing writes without capture.
 */
export function registerSyncFunctions(handle: BetterSqlite3.Database): SyncRuntime {
  const runtime = new SyncRuntime();
  handle.function('sync_capturing', { deterministic: false }, () => (runtime.capturing ? 1 : 0));
  handle.function('sync_hlc', { deterministic: false }, () => runtime.nextStamp());
  handle.function('sync_user', { deterministic: false }, () => runtime.userId);
  // Time-ordered, so each capture appends to the change-id index's last page instead of dirtying a
  // random page of it: a check-in's four captured rows wrote three pages of that index, now one.
  handle.function('sync_change_id', { deterministic: false }, () => newId());
  // Integers as BigInt: sent exactly, and two large ones that differ never compare equal.
  handle.function('sync_row', { deterministic: true, varargs: true, safeIntegers: true }, (table, ...values) =>
    rowValues(table, values),
  );
  handle.function('sync_update', { deterministic: true, varargs: true, safeIntegers: true }, (table, ...pairs) =>
    updateValues(table, pairs),
  );
  // Called by the triggers an older version wrote, until this open replaces them after migrating.
  handle.function('sync_b64', { deterministic: true }, (blob: unknown) =>
    Buffer.isBuffer(blob) ? blob.toString('base64') : null,
  );
  handle.function('sync_changed', { deterministic: true, varargs: true, safeIntegers: true }, (table, ...pairs) =>
    changedColumnsOfOldTriggers(table, pairs),
  );
  runtimes.set(handle, runtime);
  return runtime;
}

export function syncRuntimeOf(handle: BetterSqlite3.Database): SyncRuntime {
  const runtime = runtimes.get(handle);
  if (!runtime) throw new Error('This connection has no sync functions registered.');
  return runtime;
}
