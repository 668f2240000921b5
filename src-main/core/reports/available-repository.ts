import { sql, type Kysely } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';

/**
 * The cache of available minutes per provider and local day (migration 0037). Triggers delete the days a
 * change of hours, time off, extra hours, holidays or the clinic's zone can touch; a day present is what
 * the rules give now. Written only here.
 */

export interface AvailableDay {
  provider_id: string;
  day: string;
  minutes: number;
}

/** Per provider: how many days of [from, to] the cache holds and their minutes. */
export async function availableTotals(db: ReadDb, providerIds: readonly string[], from: string, to: string) {
  if (providerIds.length === 0) return [];
  const result = await sql<{ provider_id: string; days: number; minutes: number }>`
    SELECT provider_id, count(*) AS days, sum(minutes) AS minutes FROM report_available_days
    WHERE provider_id IN (${sql.join(providerIds)}) AND day >= ${from} AND day <= ${to}
    GROUP BY provider_id`.execute(db);
  return result.rows;
}

/** The days of [from, to] the cache holds for one provider. */
export async function availableDaysOf(db: ReadDb, providerId: string, from: string, to: string) {
  const result = await sql<AvailableDay>`
    SELECT provider_id, day, minutes FROM report_available_days
    WHERE provider_id = ${providerId} AND day >= ${from} AND day <= ${to}`.execute(db);
  return result.rows;
}

export async function storeAvailableDays(db: Kysely<Database>, days: readonly AvailableDay[]): Promise<void> {
  for (let at = 0; at < days.length; at += 2000) {
    const values = days.slice(at, at + 2000).map((d) => sql`(${d.provider_id}, ${d.day}, ${d.minutes})`);
    await sql`INSERT OR REPLACE INTO report_available_days (provider_id, day, minutes)
      VALUES ${sql.join(values)}`.execute(db);
  }
}

/** Every cached day, for the property test's comparison with the rules. */
export async function allAvailableDays(db: ReadDb): Promise<AvailableDay[]> {
  return (await sql<AvailableDay>`SELECT provider_id, day, minutes FROM report_available_days`.execute(db)).rows;
}
