import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { DESK_CODE, seriesPrefixFits } from '../../../src-shared/sync/desk-code';
import type { HlcState } from '../../../src-shared/sync/hlc';
import { WAITING } from './repository';
import { SYNCED_TABLES, type SyncedTableName } from '../../../src-shared/sync/tables';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;

export interface Enrolment {
  deviceId: string;
  clinicId: string | null;
  serverUrl: string | null;
  fingerprint: string | null;
  secret: string | null;
  lastSyncedAt: number | null;
  deskCode: string | null;
}

export function readEnrolment(handle: Handle): Enrolment {
  const row = handle
    .prepare(
      'SELECT device_id, clinic_id, server_url, server_fingerprint, device_secret, last_synced_at, desk_code FROM sync_state WHERE id = 1',
    )
    .get() as {
    device_id: string;
    clinic_id: string | null;
    server_url: string | null;
    server_fingerprint: string | null;
    device_secret: string | null;
    last_synced_at: number | null;
    desk_code: string | null;
  };
  return {
    deviceId: row.device_id,
    clinicId: row.clinic_id,
    serverUrl: row.server_url,
    fingerprint: row.server_fingerprint,
    secret: row.device_secret,
    lastSyncedAt: row.last_synced_at,
    deskCode: row.desk_code,
  };
}

/**
 * The desk code the server gave this desk (desk-code.ts). Its invoice series prefix must start with it:
 * a prefix that does not (the standalone default "A", or one an administrator typed) becomes the code.
 * Both tables are local to this desk.
 */
export function saveDeskCode(handle: Handle, deskCode: string, now: number): void {
  if (!DESK_CODE.test(deskCode)) throw new Error(`The server sent a malformed desk code: ${deskCode.slice(0, 10)}`);
  handle.prepare('UPDATE sync_state SET desk_code = ?, updated_at = ? WHERE id = 1').run(deskCode, now);
  const desk = handle.prepare('SELECT series_prefix FROM billing_desk WHERE id = 1').get() as
    { series_prefix: string } | undefined;
  if (desk && !seriesPrefixFits(desk.series_prefix, deskCode)) {
    handle.prepare('UPDATE billing_desk SET series_prefix = ?, updated_at = ? WHERE id = 1').run(deskCode, now);
  }
}

export function saveEnrolment(
  handle: Handle,
  enrolment: { deviceId: string; clinicId: string; serverUrl: string; fingerprint: string | null; secret: string },
  now: number,
): void {
  handle
    .prepare(
      'UPDATE sync_state SET device_id = ?, clinic_id = ?, server_url = ?, server_fingerprint = ?, device_secret = ?, pull_cursor = NULL, last_error = NULL, updated_at = ? WHERE id = 1',
    )
    .run(enrolment.deviceId, enrolment.clinicId, enrolment.serverUrl, enrolment.fingerprint, enrolment.secret, now);
}

/**
 * The not-yet-pushed outbox takes the enrolled device id: the server accepts a change only from the
 * device that stamped it (`<wall>:<counter>:` is the first 23 characters of a stamp).
 */
export function restampOutbox(handle: Handle, deviceId: string): void {
  handle.prepare(`UPDATE sync_changes SET hlc = substr(hlc, 1, 23) || ? WHERE ${WAITING}`).run(deviceId);
}

/** A clinic's data exists here: set up (a user), so it is the first desk or must not join another clinic. */
export function hasUsers(handle: Handle): boolean {
  return (handle.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n > 0;
}

/** After a round; `deskCode` as the server last said it (a desk enrolled before codes existed learns its own). */
export function saveSyncedAt(handle: Handle, now: number, deskCode?: string): void {
  handle
    .prepare('UPDATE sync_state SET last_synced_at = ?, last_error = NULL, updated_at = ? WHERE id = 1')
    .run(now, now);
  if (deskCode !== undefined && deskCode !== readEnrolment(handle).deskCode) saveDeskCode(handle, deskCode, now);
}

export function saveClock(handle: Handle, clock: HlcState, now: number): void {
  handle
    .prepare('UPDATE sync_state SET hlc_wall = ?, hlc_counter = ?, updated_at = ? WHERE id = 1')
    .run(clock.wall, clock.counter, now);
}

/**
 * A new desk joining a clinic: the rows its own migrations seeded (payment methods, a fee schedule,
 * roles… some under random ids) give way to the clinic's, which arrive whole from the server; kept,
 * they would collide with the clinic's under the tables' unique names. Run with capture off: nothing
 * of this is a change to send. Foreign keys are checked at commit, when every table is empty.
 */
export function clearSyncedRows(handle: Handle): void {
  handle.exec('PRAGMA defer_foreign_keys = ON');
  for (const table of (Object.keys(SYNCED_TABLES) as SyncedTableName[]).reverse()) {
    handle.exec(`DELETE FROM "${table}"`);
  }
}
