import type { ReadDb } from '../db/handles';

/** The SQL of when providers work: weekly templates, exceptions (time off, extra hours) and clinic holidays. */

/** A location the provider has any weekly hours at, if any. */
export async function anyTemplateLocation(db: ReadDb, providerId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('availability_templates')
    .select('location_id')
    .where('provider_id', '=', providerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.location_id;
}
