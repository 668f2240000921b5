import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../db/schema';
import type { VisitSettingsTable } from '../db/schema-visits';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

/** The flow board's settings: one row (id 1), made by the migrations. */

const visitSettingsRow = preparedRead((db) => db.selectFrom('visit_settings').selectAll().where('id', '=', 1));

export async function findVisitSettings(db: ReadDb): Promise<VisitSettingsTable | undefined> {
  return (await visitSettingsRow(db, {}))[0];
}

export async function updateVisitSettingsRow(
  db: Kysely<Database>,
  changes: Omit<Updateable<VisitSettingsTable>, 'id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('visit_settings').set(changes).where('id', '=', 1).execute();
}
