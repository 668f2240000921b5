import type { Insertable, Kysely } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import type { ReminderOutboxRow, ReminderOutboxTable } from '../db/schema-reminders';

/**
 * The reminder outbox's SQL: the planner's inserts, the sender's claims and results, and the desk's
 * requeue and counts. Services decide (planner.ts, sender.ts, consent.ts); only this file writes.
 */

type Db = Kysely<Database>;

/** A failed reminder goes back to pending, to be tried again at once from its first attempt. */
export async function requeueReminder(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('reminder_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** How many reminders are pending and due by `now`. */
export async function countDueReminders(db: ReadDb, now: number): Promise<number> {
  const due = await db
    .selectFrom('reminder_outbox')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirstOrThrow();
  return due.count;
}

// ---- planning ----------------------------------------------------------------------------------

/** Live appointments in these statuses starting in (after, until]: the ones reminders are planned for. */
export function appointmentsStartingBetween(
  db: ReadDb,
  after: number,
  until: number,
  statuses: readonly ('booked' | 'confirmed')[],
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'start_at'])
    .where('start_at', '>', after)
    .where('start_at', '<=', until)
    .where('status', 'in', [...statuses])
    .where('deleted_at', 'is', null)
    .execute();
}

/** Inserts the rows not yet planned (the unique key ignores the others); answers how many went in. */
export async function insertPlanned(db: Db, rows: readonly Insertable<ReminderOutboxTable>[]): Promise<number> {
  let planned = 0;
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let index = 0; index < rows.length; index += 200) {
    const result = await db
      .insertInto('reminder_outbox')
      .values(rows.slice(index, index + 200))
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    planned += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return planned;
}

// ---- sending -----------------------------------------------------------------------------------

/** Whether any reminder is pending and due by `now` (a plain read before taking the write lock). */
export async function anyDue(db: ReadDb, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('reminder_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The oldest-due pending reminders, at most `limit`. */
export function dueBatch(db: ReadDb, now: number, limit: number): Promise<ReminderOutboxRow[]> {
  return db
    .selectFrom('reminder_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** The patient's reminders still waiting to be sent, with their channel. */
export function pendingOfPatient(db: ReadDb, patientId: string) {
  return db
    .selectFrom('reminder_outbox as o')
    .innerJoin('appointments as a', 'a.id', 'o.appointment_id')
    .select(['o.id', 'o.channel'])
    .where('a.patient_id', '=', patientId)
    .where('o.status', '=', 'pending')
    .execute();
}

/** Ends a reminder that will not be sent, with the reason. */
export async function markSkipped(db: Db, id: string, reason: string, now: number): Promise<void> {
  await db
    .updateTable('reminder_outbox')
    .set({ status: 'skipped', last_error: reason, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Counts an attempt and leases the row until `leaseUntil`, so no other run sends it meanwhile. */
export async function claimReminder(
  db: Db,
  row: Pick<ReminderOutboxRow, 'id' | 'attempts'>,
  to: string,
  leaseUntil: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('reminder_outbox')
    .set({ attempts: row.attempts + 1, next_attempt_at: leaseUntil, recipient: to, updated_at: now })
    .where('id', '=', row.id)
    .execute();
}

export async function markSent(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('reminder_outbox')
    .set({ status: 'sent', sent_at: now, last_error: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: string, error: string, now: number): Promise<void> {
  await db
    .updateTable('reminder_outbox')
    .set({ status: 'failed', last_error: error, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function scheduleRetry(db: Db, id: string, error: string, at: number, now: number): Promise<void> {
  await db
    .updateTable('reminder_outbox')
    .set({ last_error: error, next_attempt_at: at, updated_at: now })
    .where('id', '=', id)
    .execute();
}
