import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../db/schema';
import type { VisitSettingsTable } from '../db/schema-visits';
import type { ReadDb } from '../db/handles';

/** The flow board's settings: one row (id 1), made by the migrations. */

export async function findVisitSettings(db: ReadDb): Promise<VisitSettingsTable | undefined> {
  return db.selectFrom('visit_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function updateVisitSettingsRow(
  db: Kysely<Database>,
  changes: Omit<Updateable<VisitSettingsTable>, 'id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('visit_settings').set(changes).where('id', '=', 1).execute();
}
