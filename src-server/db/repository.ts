import { sql, type Transaction } from 'kysely';
import { deskCodeOf } from '../../src-shared/sync/desk-code';
import type { SyncChange, SyncValue } from '../../src-shared/sync/protocol';
import type { RowState } from '../sync/merge';
import { scrub } from '../sync/validate';
import type { ServerDb } from './open';
import type { ServerDatabase } from './schema';

/** Every query of the sync server. Callers pass the handle: the db, or the push's transaction. */
type Handle = ServerDb | Transaction<ServerDatabase>;

export interface DeviceRow {
  id: string;
  clinicId: string;
  clinicName: string;
  name: string;
  secretHash: string;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  enrolledAt: Date;
  deskCode: string;
}

export async function findClinicByName(db: Handle, name: string): Promise<{ id: string; name: string } | null> {
  const row = await db.selectFrom('clinics').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
  return row ?? null;
}

export async function insertClinic(db: Handle, id: string, name: string): Promise<void> {
  await db
    .insertInto('clinics')
    .values({ id, name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function insertEnrolmentCode(
  db: Handle,
  codeHash: string,
  clinicId: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto('enrolment_codes')
    .values({ code_hash: codeHash, clinic_id: clinicId, expires_at: expiresAt })
    .execute();
}

/** Marks the code used in the statement that checks it is unused and unexpired: two desks racing with one code, one wins. */
export async function claimEnrolmentCode(db: Handle, codeHash: string): Promise<string | null> {
  const row = await db
    .updateTable('enrolment_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('clinic_id')
    .executeTakeFirst();
  return row?.clinic_id ?? null;
}

export async function recordCodeDevice(db: Handle, codeHash: string, deviceId: string): Promise<void> {
  await db.updateTable('enrolment_codes').set({ device_id: deviceId }).where('code_hash', '=', codeHash).execute();
}

/**
 * Enrols a device with the clinic's next desk code. The counter moves in the statement that reads it
 * (a row lock on the clinic), so two servers enrolling at once on one PostgreSQL give different codes.
 */
export async function insertDevice(
  db: Handle,
  device: { id: string; clinicId: string; name: string; secretHash: string },
): Promise<string> {
  const counted = await db
    .updateTable('clinics')
    .set({ desks_enrolled: sql<number>`desks_enrolled + 1` })
    .where('id', '=', device.clinicId)
    .returning('desks_enrolled')
    .executeTakeFirstOrThrow();
  const deskCode = deskCodeOf(counted.desks_enrolled);
  await db
    .insertInto('devices')
    .values({
      id: device.id,
      clinic_id: device.clinicId,
      name: device.name,
      secret_hash: device.secretHash,
      desk_code: deskCode,
    })
    .execute();
  return deskCode;
}

const deviceColumns = [
  'devices.id',
  'devices.clinic_id',
  'clinics.name as clinic_name',
  'devices.name',
  'devices.secret_hash',
  'devices.revoked_at',
  'devices.last_seen_at',
  'devices.enrolled_at',
  'devices.desk_code',
] as const;

function toDevice(row: {
  id: string;
  clinic_id: string;
  clinic_name: string;
  name: string;
  secret_hash: string;
  revoked_at: Date | null;
  last_seen_at: Date | null;
  enrolled_at: Date;
  desk_code: string;
}): DeviceRow {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    clinicName: row.clinic_name,
    name: row.name,
    secretHash: row.secret_hash,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    enrolledAt: row.enrolled_at,
    deskCode: row.desk_code,
  };
}

export async function findDevice(db: Handle, id: string): Promise<DeviceRow | null> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('clinics', 'clinics.id', 'devices.clinic_id')
    .select(deviceColumns)
    .where('devices.id', '=', id)
    .executeTakeFirst();
  return row ? toDevice(row) : null;
}

export async function listDevices(db: Handle): Promise<DeviceRow[]> {
  const rows = await db
    .selectFrom('devices')
    .innerJoin('clinics', 'clinics.id', 'devices.clinic_id')
    .select(deviceColumns)
    .orderBy('clinics.name')
    .orderBy('devices.enrolled_at')
    .execute();
  return rows.map(toDevice);
}

/** One clinic's devices, oldest enrolment first. */
export async function listClinicDevices(db: Handle, clinicId: string): Promise<DeviceRow[]> {
  const rows = await db
    .selectFrom('devices')
    .innerJoin('clinics', 'clinics.id', 'devices.clinic_id')
    .select(deviceColumns)
    .where('devices.clinic_id', '=', clinicId)
    .orderBy('devices.enrolled_at')
    .orderBy('devices.desk_code')
    .execute();
  return rows.map(toDevice);
}

/** `at` is the server's clock (ServerContext.now), the clock compaction's retention is measured on. */
export async function touchDevice(db: Handle, id: string, at: Date): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function renameDevice(db: Handle, id: string, name: string): Promise<void> {
  await db.updateTable('devices').set({ name }).where('id', '=', id).execute();
}

/** true when this call revoked it (false: unknown or already revoked). */
export async function revokeDevice(db: Handle, id: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Pushes of one clinic run one at a time, on every server instance: seq numbers are then committed in
 * the order they are taken, so a desk that pulled up to seq N can never later miss a change below N.
 */
export async function lockClinic(trx: Transaction<ServerDatabase>, clinicId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`sync-push:${clinicId}`}))`.execute(trx);
}

export async function knownChangeIds(
  db: Handle,
  clinicId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('changes')
    .select(['change_id', 'device_id'])
    .where('clinic_id', '=', clinicId)
    .where('change_id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.change_id, row.device_id]));
}

export async function getRow(db: Handle, clinicId: string, table: string, rowKey: string): Promise<RowState | null> {
  const row = await db
    .selectFrom('rows')
    .select(['values', 'column_hlc', 'deleted_hlc', 'full_hlc'])
    .where('clinic_id', '=', clinicId)
    .where('table_name', '=', table)
    .where('row_key', '=', rowKey)
    .executeTakeFirst();
  if (!row) return null;
  return {
    values: row.values as Record<string, SyncValue>,
    columnHlc: row.column_hlc as Record<string, string>,
    deletedHlc: row.deleted_hlc,
    fullHlc: row.full_hlc,
  };
}

/** The merged rows of a batch's keys, read in one query; the map's key is `rowId(table, rowKey)`. */
export async function getRows(
  db: Handle,
  clinicId: string,
  wanted: readonly { table: string; rowKey: string }[],
): Promise<Map<string, RowState>> {
  const found = new Map<string, RowState>();
  if (wanted.length === 0) return found;
  const want = new Set(wanted.map((w) => rowId(w.table, w.rowKey)));
  const rows = await db
    .selectFrom('rows')
    .select(['table_name', 'row_key', 'values', 'column_hlc', 'deleted_hlc', 'full_hlc'])
    .where('clinic_id', '=', clinicId)
    .where('table_name', 'in', [...new Set(wanted.map((w) => w.table))])
    .where('row_key', 'in', [...new Set(wanted.map((w) => w.rowKey))])
    .execute();
  for (const row of rows) {
    const id = rowId(row.table_name, row.row_key);
    if (!want.has(id)) continue;
    found.set(id, {
      values: row.values as Record<string, SyncValue>,
      columnHlc: row.column_hlc as Record<string, string>,
      deletedHlc: row.deleted_hlc,
      fullHlc: row.full_hlc,
    });
  }
  return found;
}

export function rowId(table: string, rowKey: string): string {
  return `${table}\u0000${rowKey}`;
}

// pg allows 65,535 parameters a statement; 500 rows of at most 9 stay far below.
const CHUNK = 500;

export async function putRows(
  db: Handle,
  clinicId: string,
  rows: readonly { table: string; rowKey: string; state: RowState }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('rows')
      .values(
        rows.slice(start, start + CHUNK).map(({ table, rowKey, state }) => ({
          clinic_id: clinicId,
          table_name: table,
          row_key: rowKey,
          values: JSON.stringify(state.values),
          column_hlc: JSON.stringify(state.columnHlc),
          deleted_hlc: state.deletedHlc,
          full_hlc: state.fullHlc,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['clinic_id', 'table_name', 'row_key']).doUpdateSet((eb) => ({
          values: eb.ref('excluded.values'),
          column_hlc: eb.ref('excluded.column_hlc'),
          deleted_hlc: eb.ref('excluded.deleted_hlc'),
          full_hlc: eb.ref('excluded.full_hlc'),
          updated_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

export async function insertChanges(db: Handle, clinicId: string, changes: readonly SyncChange[]): Promise<void> {
  for (let start = 0; start < changes.length; start += CHUNK) {
    await db
      .insertInto('changes')
      .values(
        changes.slice(start, start + CHUNK).map((change) => ({
          clinic_id: clinicId,
          change_id: change.id,
          device_id: change.deviceId,
          user_id: change.userId,
          table_name: change.table,
          row_key: JSON.stringify(change.key),
          op: change.op,
          values: JSON.stringify(change.values),
          hlc: change.hlc,
        })),
      )
      .execute();
  }
}

export async function insertRejection(
  db: Handle,
  rejection: {
    clinicId: string;
    deviceId: string;
    changeId: string;
    table: string | null;
    code: string;
    reason: string;
    change: unknown;
  },
): Promise<void> {
  await db
    .insertInto('rejections')
    .values({
      clinic_id: rejection.clinicId,
      device_id: rejection.deviceId,
      change_id: scrub(rejection.changeId) as string,
      table_name: rejection.table === null ? null : (scrub(rejection.table) as string),
      code: rejection.code,
      reason: scrub(rejection.reason) as string,
      change: JSON.stringify(truncate(rejection.change)),
    })
    .execute();
}

/** What a hostile device sent, fit to store: bounded (the first 10,000 characters tell what it was) and scrubbed. */
function truncate(value: unknown): unknown {
  const text = JSON.stringify(value) ?? 'null';
  return scrub(text.length <= 10_000 ? value : { truncated: text.slice(0, 10_000) });
}

export async function audit(
  db: Handle,
  entry: { clinicId: string | null; deviceId: string | null; action: string; detail: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('server_audit')
    .values({
      clinic_id: entry.clinicId,
      device_id: entry.deviceId,
      action: entry.action,
      detail: JSON.stringify(truncate(entry.detail)),
    })
    .execute();
}

export interface StoredChange {
  seq: string;
  change: SyncChange;
}

export async function changesAfter(
  db: Handle,
  clinicId: string,
  afterSeq: string,
  limit: number,
): Promise<StoredChange[]> {
  const rows = await db
    .selectFrom('changes')
    .select([
      sql<string>`seq::text`.as('seq'),
      'change_id',
      'device_id',
      'user_id',
      'table_name',
      'row_key',
      'op',
      'values',
      'hlc',
    ])
    .where('clinic_id', '=', clinicId)
    .where('changes.seq', '>', sql<string>`${afterSeq}::bigint`)
    // Qualified: a bare `seq` would sort by the text alias above, putting 10 before 2.
    .orderBy('changes.seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    change: {
      id: row.change_id,
      table: row.table_name,
      key: row.row_key as SyncChange['key'],
      op: row.op,
      values: row.values as SyncChange['values'],
      hlc: row.hlc,
      deviceId: row.device_id,
      userId: row.user_id,
    },
  }));
}

export async function recentRejections(db: Handle, limit: number) {
  return db
    .selectFrom('rejections')
    .leftJoin('devices', 'devices.id', 'rejections.device_id')
    .leftJoin('clinics', 'clinics.id', 'rejections.clinic_id')
    .select([
      'rejections.at',
      'clinics.name as clinic',
      'devices.name as device',
      'rejections.table_name',
      'rejections.code',
      'rejections.reason',
    ])
    .orderBy('rejections.id', 'desc')
    .limit(limit)
    .execute();
}

/** For tests and the operator: what the server holds for a clinic. */
export async function countFor(
  db: Handle,
  table: 'changes' | 'rows' | 'rejections' | 'server_audit' | 'enrolment_codes',
  clinicId: string | null,
): Promise<number> {
  const query = db.selectFrom(table).select(sql<string>`count(*)::text`.as('n'));
  const row = await (clinicId === null ? query : query.where('clinic_id', '=', clinicId)).executeTakeFirstOrThrow();
  return Number(row.n);
}
