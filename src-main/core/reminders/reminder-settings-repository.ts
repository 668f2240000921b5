import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../db/schema';
import type { ReminderSettingsRow } from '../db/schema-reminders';
import type { ReadDb } from '../db/handles';

/** The SQL of the clinic's one reminder settings row (id 1, made by the migration). */

export function readReminderSettingsRow(db: ReadDb): Promise<ReminderSettingsRow> {
  return db.selectFrom('reminder_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateReminderSettingsRow(
  db: Kysely<Database>,
  changes: Updateable<Database['reminder_settings']>,
): Promise<void> {
  await db.updateTable('reminder_settings').set(changes).where('id', '=', 1).execute();
}
