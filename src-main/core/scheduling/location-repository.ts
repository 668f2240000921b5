import type { ReadDb } from '../db/handles';

/** The SQL of the clinic's locations and their rooms. */

/** The clinic's one location, when it has exactly one. */
export async function onlyLocationId(db: ReadDb): Promise<string | undefined> {
  const rows = await db.selectFrom('locations').select('id').where('deleted_at', 'is', null).limit(2).execute();
  return rows.length === 1 ? rows[0]?.id : undefined;
}
