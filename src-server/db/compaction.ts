import { sql } from 'kysely';
import type { SnapshotRow, SyncValue } from '../../src-shared/sync/protocol';
import type { ServerDb } from './open';
import { lockClinic } from './repository';

/**
 * The SQL of compaction and snapshots (issue 17, "New desks start from a snapshot; the server compacts
 * history every active desk has acknowledged"). The merged `rows` are the snapshot: every column's
 * latest value with its stamp, and the tombstones; the `changes` log is only what desks still have to
 * pull, so what every active desk has pulled past can go.
 */

/** The cursor a device pulled from: every change up to it is applied there. */
export async function recordAck(db: ServerDb, deviceId: string, seq: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ acked_seq: sql<string>`${seq}::bigint` })
    .where('id', '=', deviceId)
    .execute();
}

/** The clinic's horizon: no change at or below it is in the log any more ('0': none was compacted). */
export async function compactedSeq(db: ServerDb, clinicId: string): Promise<string> {
  const row = await db
    .selectFrom('clinics')
    .select(sql<string>`compacted_seq::text`.as('seq'))
    .where('id', '=', clinicId)
    .executeTakeFirst();
  return row?.seq ?? '0';
}

/** The greatest seq the clinic's log has reached, compacted or not: a snapshot read now covers it. */
export async function latestSeq(db: ServerDb, clinicId: string): Promise<string> {
  const row = await sql<{ seq: string }>`
    select greatest(
      (select compacted_seq from clinics where id = ${clinicId}),
      (select max(seq) from changes where clinic_id = ${clinicId}),
      0
    )::text as seq`.execute(db);
  return row.rows[0]?.seq ?? '0';
}

/** One page of the clinic's merged rows, in (table, key) order after the given position. */
export async function snapshotPage(
  db: ServerDb,
  clinicId: string,
  after: { table: string; rowKey: string } | null,
  limit: number,
): Promise<SnapshotRow[]> {
  let query = db
    .selectFrom('rows')
    .select(['table_name', 'row_key', 'values', 'column_hlc', 'deleted_hlc', 'full_hlc'])
    .where('clinic_id', '=', clinicId);
  if (after) query = query.where(sql<boolean>`(table_name, row_key) > (${after.table}, ${after.rowKey})`);
  const rows = await query.orderBy('table_name').orderBy('row_key').limit(limit).execute();
  return rows.map((row) => ({
    table: row.table_name,
    key: JSON.parse(row.row_key) as (string | number)[],
    values: row.values as Record<string, SyncValue>,
    columnHlc: row.column_hlc as Record<string, string>,
    deletedHlc: row.deleted_hlc,
    fullHlc: row.full_hlc,
  }));
}

export interface CompactionResult {
  clinicId: string;
  /** The clinic's horizon after this run. */
  horizon: string;
  /** Changes removed from the log by this run. */
  removed: number;
  /** Devices that held the horizon where it is (active, furthest behind). */
  activeDevices: number;
}

/**
 * Removes the changes every active device of the clinic has pulled past. Active: not revoked and seen
 * (or enrolled) at or after `activeSince`; a revoked device, or one away longer than the retention,
 * holds nothing back (it re-bootstraps from a snapshot when it comes back). A device that never pulled
 * counts as at 0, so a desk joining holds the log until its first pull. The horizon only moves forward.
 */
export async function compactClinic(db: ServerDb, clinicId: string, activeSince: Date): Promise<CompactionResult> {
  return db.transaction().execute(async (trx) => {
    // Pushes of the clinic wait: the horizon and the log move together.
    await lockClinic(trx, clinicId);
    const active = await trx
      .selectFrom('devices')
      .select([sql<string | null>`min(coalesce(acked_seq, 0))::text`.as('low'), sql<string>`count(*)::text`.as('n')])
      .where('clinic_id', '=', clinicId)
      .where('revoked_at', 'is', null)
      .where(sql<boolean>`coalesce(last_seen_at, enrolled_at) >= ${activeSince}`)
      .executeTakeFirstOrThrow();
    const latest = await sql<{ seq: string }>`
      select greatest(
        (select compacted_seq from clinics where id = ${clinicId}),
        (select max(seq) from changes where clinic_id = ${clinicId}), 0)::text as seq`.execute(trx);
    const top = latest.rows[0]?.seq ?? '0';
    const activeDevices = Number(active.n);
    // No active device: nobody is mid-log; whoever comes back starts from a snapshot.
    const wanted = activeDevices === 0 || active.low === null ? top : active.low;
    const result = await sql<{ horizon: string }>`
      update clinics set compacted_seq = greatest(compacted_seq, least(${wanted}::bigint, ${top}::bigint))
      where id = ${clinicId} returning compacted_seq::text as horizon`.execute(trx);
    const horizon = result.rows[0]?.horizon ?? '0';
    const removed = await trx
      .deleteFrom('changes')
      .where('clinic_id', '=', clinicId)
      .where('seq', '<=', sql<string>`${horizon}::bigint`)
      .executeTakeFirst();
    return { clinicId, horizon, removed: Number(removed.numDeletedRows), activeDevices };
  });
}

/** Every clinic's compaction, one transaction each. */
export async function compactAll(db: ServerDb, activeSince: Date): Promise<CompactionResult[]> {
  const clinics = await db.selectFrom('clinics').select('id').orderBy('id').execute();
  const results: CompactionResult[] = [];
  for (const clinic of clinics) results.push(await compactClinic(db, clinic.id, activeSince));
  return results;
}
