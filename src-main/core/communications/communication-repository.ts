import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import type { CommunicationRow } from '../db/schema-desk-work';

/** The communication log's SQL. Rows are only ever inserted here (a contact logged is history). */

type Db = Kysely<Database>;

export async function insertCommunication(db: Db, row: CommunicationRow): Promise<void> {
  await db.insertInto('communications').values(row).execute();
}

export type LoggedRow = CommunicationRow & { appointment_start: number | null };

/** The patient's logged contacts, newest first. */
export function loggedFor(db: ReadDb, patientId: string, limit: number): Promise<LoggedRow[]> {
  return db
    .selectFrom('communications as c')
    .leftJoin('appointments as a', 'a.id', 'c.appointment_id')
    .selectAll('c')
    .select('a.start_at as appointment_start')
    .where('c.patient_id', '=', patientId)
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The reminders the outbox sent or gave up on for the patient's appointments, newest first: the log
 * reads them where they are rather than keeping a copy (service.ts says why).
 */
export function remindersFor(db: ReadDb, patientId: string, limit: number) {
  return db
    .selectFrom('reminder_outbox as r')
    .innerJoin('appointments as a', 'a.id', 'r.appointment_id')
    .select([
      'r.id',
      'r.channel',
      'r.status',
      'r.recipient',
      'r.last_error',
      'r.sent_at',
      'r.updated_at',
      'r.appointment_id',
      'a.start_at as appointment_start',
    ])
    .where('a.patient_id', '=', patientId)
    .where('r.status', 'in', ['sent', 'failed'])
    .orderBy((eb) => eb.fn.coalesce('r.sent_at', 'r.updated_at'), 'desc')
    .limit(limit)
    .execute();
}

/** The patient an appointment is for, to check a logged contact's appointment is the patient's own. */
export function appointmentOwner(db: ReadDb, appointmentId: string) {
  return db
    .selectFrom('appointments')
    .select(['patient_id', 'start_at'])
    .where('id', '=', appointmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
