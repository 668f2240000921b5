import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import type { ReadDb } from '../db/handles';

/**
 * Bulk writes of made-up appointments (development and the bench): the raw handle's prepared
 * statements in large transactions, the same columns `bookAppointment` writes and a 'booked' history
 * entry each (and a 'cancelled' one for each cancelled appointment). Never behind a procedure.
 */

/** One made-up appointment, as seed.ts generates it. */
export interface SeedAppointmentRow {
  id: string;
  patientId: string;
  providerId: string;
  typeId: string;
  start: number;
  end: number;
  reason: string | null;
  status: 'booked' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';
  cancelReason: string | null;
  cancelledAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface AppointmentSeedWriter {
  /** The clinic's live patients' ids, in the order they were written. */
  patientIds: string[];
  /** Writes the rows and their history in one transaction. */
  writeBatch(rows: readonly SeedAppointmentRow[]): void;
}

export function appointmentSeedWriter(
  handle: BetterSqlite3.Database,
  locationId: string,
  actor: { userId: string | null; username: string },
): AppointmentSeedWriter {
  const patientIds = handle
    .prepare('SELECT id FROM patients WHERE deleted_at IS NULL ORDER BY rowid')
    .pluck()
    .all() as string[];
  const insert = handle.prepare(`
    INSERT INTO appointments (id, patient_id, provider_id, location_id, room_id, type_id, start_at, end_at, reason, notes, status,
      cancel_reason, cancelled_by, cancelled_at, rescheduled_from_id, meeting_link, override_reason, overridden_by, created_by,
      created_at, updated_at, deleted_at)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, NULL)`);
  const history = handle.prepare(`
    INSERT INTO appointment_history (id, appointment_id, at, user_id, username, action, changes, override_reason, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  const write = (rows: readonly SeedAppointmentRow[]) => {
    for (const row of rows) {
      insert.run(
        row.id,
        row.patientId,
        row.providerId,
        locationId,
        row.typeId,
        row.start,
        row.end,
        row.reason,
        row.status,
        row.cancelReason,
        row.cancelledAt === null ? null : actor.userId,
        row.cancelledAt,
        actor.userId,
        row.createdAt,
        row.updatedAt,
      );
      history.run(
        uuidv7({ msecs: row.createdAt }),
        row.id,
        row.createdAt,
        actor.userId,
        actor.username,
        'booked',
        JSON.stringify({
          patientId: row.patientId,
          providerId: row.providerId,
          locationId: locationId,
          roomId: null,
          typeId: row.typeId,
          start: row.start,
          end: row.end,
        }),
        row.createdAt,
        row.createdAt,
      );
      if (row.cancelledAt !== null) {
        history.run(
          uuidv7({ msecs: row.cancelledAt }),
          row.id,
          row.cancelledAt,
          actor.userId,
          actor.username,
          'cancelled',
          JSON.stringify({
            status: { from: 'booked', to: 'cancelled' },
            cancel_reason: { from: null, to: row.cancelReason },
            cancelled_by: { from: null, to: actor.userId },
            cancelled_at: { from: null, to: row.cancelledAt },
          }),
          row.cancelledAt,
          row.cancelledAt,
        );
      }
    }
  };
  return { patientIds, writeBatch: handle.transaction(write) };
}

/** How many appointments the clinic holds, any status: made-up ones go only into a clinic without any. */
export async function countAppointments(db: ReadDb): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
