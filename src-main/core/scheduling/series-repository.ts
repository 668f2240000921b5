import type { Kysely, Updateable } from 'kysely';
import type { AppointmentRow, AppointmentSeriesRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';

/**
 * The SQL of recurring series: the rule row (`appointment_series`) and which appointments belong to it.
 * The occurrences themselves are appointments, written by appointment-repository.ts.
 */

type Db = Kysely<Database>;

export function findSeries(db: ReadDb, id: string): Promise<AppointmentSeriesRow | undefined> {
  return db.selectFrom('appointment_series').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSeries(db: Db, row: AppointmentSeriesRow): Promise<void> {
  await db.insertInto('appointment_series').values(row).execute();
}

export async function updateSeries(
  db: Db,
  id: string,
  changes: Updateable<Database['appointment_series']>,
): Promise<void> {
  await db.updateTable('appointment_series').set(changes).where('id', '=', id).execute();
}

/** The series' live occurrences in these statuses that start at or after `from`, by start. */
export function occurrencesFrom(
  db: ReadDb,
  seriesId: string,
  statuses: readonly AppointmentRow['status'][],
  from: number,
): Promise<AppointmentRow[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('series_id', '=', seriesId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', [...statuses])
    .orderBy('start_at')
    .where('start_at', '>=', from)
    .execute();
}

/** Every occurrence (deleted too) starting at or after `from`, with its place in the series. */
export function laterOccurrences(db: ReadDb, seriesId: string, from: number) {
  return db
    .selectFrom('appointments')
    .select(['id', 'series_index'])
    .where('series_id', '=', seriesId)
    .where('start_at', '>=', from)
    .execute();
}

/** The series' live occurrences' ids, by start. */
export async function occurrenceIds(db: ReadDb, seriesId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('id')
    .where('series_id', '=', seriesId)
    .where('deleted_at', 'is', null)
    .orderBy('start_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Moves an occurrence into another series (a split), at its new place there. */
export async function relinkOccurrence(db: Db, appointmentId: string, seriesId: string, index: number): Promise<void> {
  await db
    .updateTable('appointments')
    .set({ series_id: seriesId, series_index: index })
    .where('id', '=', appointmentId)
    .execute();
}
