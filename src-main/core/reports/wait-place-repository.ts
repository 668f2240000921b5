import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The SQL of the waiting-time histograms by place (migration 0044): report_wait_days' and
 * report_wait_months' rows once more under each narrowing the visit's appointment answers.
 */

export interface WaitPlaceBucket {
  place: string;
  provider_id: string;
  phase: string;
  hour: number;
  minutes: number;
  visits: number;
}

/** The key a narrowing reads: its location, its type, or both (null: nothing narrows). */
export function placeOf(locationId: string | null, typeId: string | null): string | null {
  if (locationId !== null && typeId !== null) return `lt|${locationId}|${typeId}`;
  if (locationId !== null) return `l|${locationId}`;
  if (typeId !== null) return `t|${typeId}`;
  return null;
}

/** Every key a visit of an appointment at `locationId` of type `typeId` is counted under. */
export function placesOf(locationId: string, typeId: string): string[] {
  return [`l|${locationId}`, `t|${typeId}`, `lt|${locationId}|${typeId}`];
}

/** Replaces one day's rows. */
export async function replaceWaitPlaceDay(db: Kysely<Database>, day: string, buckets: readonly WaitPlaceBucket[]) {
  await sql`DELETE FROM report_wait_place_days WHERE day = ${day}`.execute(db);
  // In slices: SQLite binds at most 32766 parameters a statement.
  for (let at = 0; at < buckets.length; at += 400) {
    const values = buckets
      .slice(at, at + 400)
      .map((b) => sql`(${b.place}, ${day}, ${b.provider_id}, ${b.phase}, ${b.hour}, ${b.minutes}, ${b.visits})`);
    await sql`INSERT INTO report_wait_place_days (place, day, provider_id, phase, hour, minutes, visits)
      VALUES ${sql.join(values)}`.execute(db);
  }
}

/** One month's rows: its days' summed. */
export async function recomputeWaitPlaceMonth(db: Kysely<Database>, month: string): Promise<void> {
  await sql`DELETE FROM report_wait_place_months WHERE month = ${month}`.execute(db);
  await sql`
    INSERT INTO report_wait_place_months (place, month, provider_id, phase, hour, minutes, visits)
    SELECT place, ${month}, provider_id, phase, hour, minutes, sum(visits) FROM report_wait_place_days
    WHERE day >= ${`${month}-01`} AND day <= ${`${month}-31`}
    GROUP BY place, provider_id, phase, hour, minutes`.execute(db);
}

export async function clearWaitPlaces(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM report_wait_place_days`.execute(db);
  await sql`DELETE FROM report_wait_place_months`.execute(db);
}
