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

// ---- what the desk's lists read ----------------------------------------------------------------

/** Outbox rows with their patient's and provider's names, as the reminders list shows them. */
export function entriesWithNames(db: ReadDb) {
  return db
    .selectFrom('reminder_outbox as r')
    .innerJoin('appointments as a', 'a.id', 'r.appointment_id')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('providers as pr', 'pr.id', 'a.provider_id')
    .select([
      'r.id',
      'r.appointment_id',
      'a.patient_id',
      'p.first_name',
      'p.last_name',
      'pr.display_name',
      'r.appointment_start_at',
      'r.channel',
      'r.offset_minutes',
      'r.due_at',
      'r.status',
      'r.attempts',
      'r.last_error',
      'r.next_attempt_at',
      'r.recipient',
      'r.sent_at',
    ]);
}

/** Live appointments in these statuses starting in [from, to), with patient and provider names, by start. */
export function namedAppointmentsBetween(
  db: ReadDb,
  from: number,
  to: number,
  statuses: readonly ('booked' | 'confirmed')[],
) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('providers as pr', 'pr.id', 'a.provider_id')
    .select(['a.id', 'a.patient_id', 'a.start_at', 'p.first_name', 'p.last_name', 'pr.display_name'])
    .where('a.start_at', '>=', from)
    .where('a.start_at', '<', to)
    .where('a.status', 'in', [...statuses])
    .where('a.deleted_at', 'is', null)
    .orderBy('a.start_at')
    .execute();
}

/** The sent and failed reminders of these appointments. */
export function sentOrFailed(db: ReadDb, appointmentIds: readonly string[]) {
  return db
    .selectFrom('reminder_outbox')
    .select(['appointment_id', 'appointment_start_at', 'status', 'last_error'])
    .where('appointment_id', 'in', [...appointmentIds])
    .where('status', 'in', ['sent', 'failed'])
    .execute();
}

/** An appointment (deleted too) with the names a reminder's text needs. */
export function appointmentForMessage(db: ReadDb, appointmentId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('providers as pr', 'pr.id', 'a.provider_id')
    .innerJoin('locations as l', 'l.id', 'a.location_id')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .select([
      'a.id',
      'a.patient_id',
      'a.status',
      'a.start_at',
      'a.deleted_at',
      'p.first_name',
      'p.preferred_name',
      'p.last_name',
      'pr.display_name',
      'l.name as location_name',
      't.name as type_name',
    ])
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
}
