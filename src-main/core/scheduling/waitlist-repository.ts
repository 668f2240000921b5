import type { Kysely, Updateable } from 'kysely';
import type { Database, WaitlistEntryRow } from '../db/schema';
import type { ReadDb } from '../db/handles';

/** The SQL of the waitlist. Entries are never deleted (they name a patient): their status changes. */

type Db = Kysely<Database>;

function entriesWithNames(db: ReadDb) {
  return db
    .selectFrom('waitlist_entries as w')
    .innerJoin('patients as p', 'p.id', 'w.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'w.type_id')
    .selectAll('w')
    .select([
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      'p.mrn',
      't.name as type_name',
      't.duration_minutes',
    ])
    .where('w.deleted_at', 'is', null);
}

/** An entry with its patient's names and its type's name and length, as the list shows it. */
export type JoinedEntry = WaitlistEntryRow & {
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  mrn: string;
  type_name: string;
  duration_minutes: number;
};

export function findJoinedEntry(db: ReadDb, id: string): Promise<JoinedEntry | undefined> {
  return entriesWithNames(db).where('w.id', '=', id).executeTakeFirst();
}

export function joinedEntries(
  db: ReadDb,
  filter: { status: 'waiting' | 'booked' | 'removed' | 'all'; typeId?: string; patientId?: string },
): Promise<JoinedEntry[]> {
  let query = entriesWithNames(db);
  if (filter.status !== 'all') query = query.where('w.status', '=', filter.status);
  if (filter.typeId) query = query.where('w.type_id', '=', filter.typeId);
  if (filter.patientId) query = query.where('w.patient_id', '=', filter.patientId);
  return query.execute();
}

/** Entries still waiting whose date range holds `date`. */
export function waitingOn(db: ReadDb, date: string): Promise<JoinedEntry[]> {
  return entriesWithNames(db)
    .where('w.status', '=', 'waiting')
    .where('w.earliest_date', '<=', date)
    .where((eb) => eb.or([eb('w.latest_date', 'is', null), eb('w.latest_date', '>=', date)]))
    .execute();
}

/** Every provider's name, removed ones too (an entry may still name them). */
export async function allProviderNames(db: ReadDb): Promise<Map<string, string>> {
  const rows = await db.selectFrom('providers').select(['id', 'display_name']).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export function findEntry(db: ReadDb, id: string): Promise<WaitlistEntryRow | undefined> {
  return db
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertEntry(db: Db, row: WaitlistEntryRow): Promise<void> {
  await db.insertInto('waitlist_entries').values(row).execute();
}

export async function updateEntryRow(
  db: Db,
  id: string,
  changes: Updateable<Database['waitlist_entries']>,
): Promise<void> {
  await db.updateTable('waitlist_entries').set(changes).where('id', '=', id).execute();
}
