import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { installCaptureTriggers } from './capture-repository';
import { readSyncState } from './repository';
import type { SyncRuntime } from './runtime';

/**
 * After migrating: this desk's device id and clock from the database, the capture triggers brought
 * in line with the schema, and capture switched on. Migrations run with capture off: every desk runs
 * them itself, so what they write is not news to the others.
 */
export function startCapture(handle: BetterSqlite3.Database, runtime: SyncRuntime): void {
  if (handle.readonly) return;
  const stored = readSyncState(handle);
  runtime.deviceId = stored.deviceId;
  runtime.clock = stored.clock;
  handle.transaction(() => installCaptureTriggers(handle)).immediate();
  runtime.capturing = true;
}
