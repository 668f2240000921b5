import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';

/** The SQL of calendar feeds (issue 21): a provider's appointments for a feed, the feed tokens, the names setting. */

type Db = Kysely<Database>;

export interface FeedAppointmentRow {
  id: string;
  start_at: number;
  end_at: number;
  updated_at: number;
  type_name: string;
  location_name: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}

/** The provider's appointments that overlap [from, to), cancelled ones left out. */
export function feedAppointments(
  db: ReadDb,
  providerId: string,
  from: number,
  to: number,
): Promise<FeedAppointmentRow[]> {
  return db
    .selectFrom('appointments as a')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .innerJoin('locations as l', 'l.id', 'a.location_id')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select([
      'a.id',
      'a.start_at',
      'a.end_at',
      'a.updated_at',
      't.name as type_name',
      'l.name as location_name',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
    ])
    .where('a.provider_id', '=', providerId)
    .where('a.deleted_at', 'is', null)
    .where('a.status', '!=', 'cancelled')
    .where('a.start_at', '<', to)
    .where('a.end_at', '>', from)
    .orderBy('a.start_at')
    .execute();
}

export async function patientNamesInFeeds(db: ReadDb): Promise<boolean> {
  const row = await db
    .selectFrom('clinic_settings')
    .select('calendar_feed_patient_names')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.calendar_feed_patient_names === 1;
}

export async function setPatientNamesInFeeds(db: Db, on: boolean, now: number): Promise<void> {
  await db
    .updateTable('clinic_settings')
    .set({ calendar_feed_patient_names: on ? 1 : 0, updated_at: now })
    .where('id', '=', 1)
    .execute();
}

/** Providers with a live token, and since when. */
export function liveFeedTokens(db: ReadDb): Promise<{ provider_id: string; created_at: number }[]> {
  return db
    .selectFrom('calendar_feed_tokens')
    .select(['provider_id', 'created_at'])
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeFeedTokens(db: Db, providerId: string, now: number): Promise<number> {
  const result = await db
    .updateTable('calendar_feed_tokens')
    .set({ revoked_at: now })
    .where('provider_id', '=', providerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertFeedToken(
  db: Db,
  row: { id: string; provider_id: string; token_hash: string; created_by: string | null; created_at: number },
): Promise<void> {
  await db
    .insertInto('calendar_feed_tokens')
    .values({ ...row, revoked_at: null })
    .execute();
}

/** The provider a live token (by its hash) opens, if any. */
export async function providerOfFeedToken(db: ReadDb, tokenHash: string): Promise<string | null> {
  const row = await db
    .selectFrom('calendar_feed_tokens')
    .select('provider_id')
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.provider_id ?? null;
}
