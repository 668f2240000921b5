import type { Transaction } from 'kysely';
import type { ServerDb } from './open';
import type { ServerDatabase } from './schema';

/** The reminder claims' SQL (issue 17: each reminder sent by one desk of the clinic). */
type Handle = ServerDb | Transaction<ServerDatabase>;

export interface ClaimRow {
  reminderId: string;
  deviceId: string;
  deskCode: string | null;
  untilMs: number;
  outcome: 'sent' | 'failed' | null;
  outcomeAt: number | null;
}

/**
 * Grants the claim to `deviceId` when nobody holds it, its holder's lease ran out, or the device holds it
 * already — never once it is settled. One statement: the row lock of INSERT … ON CONFLICT makes two
 * desks (on two server instances, on one PostgreSQL) asking at once get one grant.
 */
export async function tryClaim(
  db: Handle,
  clinicId: string,
  reminderId: string,
  deviceId: string,
  now: number,
  until: number,
): Promise<boolean> {
  const granted = await db
    .insertInto('reminder_claims')
    .values({ clinic_id: clinicId, reminder_id: reminderId, device_id: deviceId, claimed_at: now, until_ms: until })
    .onConflict((conflict) =>
      conflict
        .columns(['clinic_id', 'reminder_id'])
        .doUpdateSet({
          device_id: (eb) => eb.ref('excluded.device_id'),
          claimed_at: (eb) => eb.ref('excluded.claimed_at'),
          until_ms: (eb) => eb.ref('excluded.until_ms'),
        })
        .where('reminder_claims.outcome', 'is', null)
        .where((eb) =>
          eb.or([
            eb('reminder_claims.until_ms', '<=', now),
            eb('reminder_claims.device_id', '=', eb.ref('excluded.device_id')),
          ]),
        ),
    )
    .returning('reminder_id')
    .executeTakeFirst();
  return granted !== undefined;
}

export async function findClaims(db: Handle, clinicId: string, ids: readonly string[]): Promise<ClaimRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('reminder_claims as c')
    .leftJoin('devices as d', 'd.id', 'c.device_id')
    .select(['c.reminder_id', 'c.device_id', 'd.desk_code', 'c.until_ms', 'c.outcome', 'c.outcome_at'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.reminder_id', 'in', [...ids])
    .execute();
  return rows.map((row) => ({
    reminderId: row.reminder_id,
    deviceId: row.device_id,
    deskCode: row.desk_code,
    untilMs: Number(row.until_ms),
    outcome: row.outcome,
    outcomeAt: row.outcome_at === null ? null : Number(row.outcome_at),
  }));
}

/** Records a settled reminder (sent or failed for good), only for the device holding the claim. */
export async function settleClaim(
  db: Handle,
  clinicId: string,
  reminderId: string,
  deviceId: string,
  outcome: 'sent' | 'failed',
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('reminder_claims')
    .set({ outcome, outcome_at: at })
    .where('clinic_id', '=', clinicId)
    .where('reminder_id', '=', reminderId)
    .where('device_id', '=', deviceId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The holder gives the claim up until `until` (a retry later; `now` frees it at once). */
export async function holdClaimUntil(
  db: Handle,
  clinicId: string,
  reminderId: string,
  deviceId: string,
  until: number,
): Promise<boolean> {
  const result = await db
    .updateTable('reminder_claims')
    .set({ until_ms: until })
    .where('clinic_id', '=', clinicId)
    .where('reminder_id', '=', reminderId)
    .where('device_id', '=', deviceId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The merged `status` and `sent_at` of the reminder_outbox rows the desks synced (sent there counts too). */
export async function syncedOutcomes(
  db: Handle,
  clinicId: string,
  ids: readonly string[],
): Promise<Map<string, { status: unknown; sentAt: unknown }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rows')
    .select(['row_key', 'values'])
    .where('clinic_id', '=', clinicId)
    .where('table_name', '=', 'reminder_outbox')
    .where(
      'row_key',
      'in',
      ids.map((id) => JSON.stringify([id])),
    )
    .where('deleted_hlc', 'is', null)
    .execute();
  return new Map(
    rows.map((row) => {
      const values = (row.values ?? {}) as Record<string, unknown>;
      return [(JSON.parse(row.row_key) as string[])[0] ?? '', { status: values.status, sentAt: values.sent_at }];
    }),
  );
}
