import { sql, type Kysely } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import { splitByMonths } from './month-split';

/**
 * The SQL of the waiting-time aggregates (migration 0037): per phase, local day and provider ('' for none)
 * (and clinic hour of arrival for 'byHour', weekday × 100 + hour for 'byWeekdayHour'), how many visits
 * waited each whole number of minutes.
 */

/** Every phase the table holds: the key's first column, named so a day's rows are found by the key. */
export const WAIT_PHASES = [
  'visit',
  'arrivalToRoom',
  'roomToSeen',
  'seenToOut',
  'arrivalToOut',
  'byHour',
  'byWeekdayHour',
] as const;

export interface WaitBucket {
  provider_id: string;
  phase: string;
  hour: number;
  minutes: number;
  visits: number;
}

/**
 * One local day's visits (not cancelled, not deleted) with the times the flow board stamped, and their
 * appointment's location and type (null for a walk-in).
 */
export async function visitTimesOfDay(db: ReadDb, day: string) {
  const result = await sql<{
    provider_id: string | null;
    location_id: string | null;
    type_id: string | null;
    arrived_at: number;
    roomed_at: number | null;
    seen_at: number | null;
    checked_out_at: number | null;
  }>`
    SELECT v.provider_id, a.location_id, a.type_id, v.arrived_at, v.roomed_at, v.seen_at, v.checked_out_at
    FROM visits v LEFT JOIN appointments a ON a.id = v.appointment_id
    WHERE v.local_date = ${day} AND v.deleted_at IS NULL AND v.status <> 'cancelled'`.execute(db);
  return result.rows;
}

/** Replaces one day's histogram rows. */
export async function replaceWaitDay(db: Kysely<Database>, day: string, buckets: readonly WaitBucket[]) {
  await sql`DELETE FROM report_wait_days WHERE phase IN (${sql.join(WAIT_PHASES)}) AND day = ${day}`.execute(db);
  // In slices: SQLite binds at most 32766 parameters a statement.
  for (let at = 0; at < buckets.length; at += 500) {
    const values = buckets
      .slice(at, at + 500)
      .map((b) => sql`(${day}, ${b.provider_id}, ${b.phase}, ${b.hour}, ${b.minutes}, ${b.visits})`);
    await sql`INSERT INTO report_wait_days (day, provider_id, phase, hour, minutes, visits)
      VALUES ${sql.join(values)}`.execute(db);
  }
}

/** One month's waiting-time histogram (migration 0038): its days' rows summed. */
export async function recomputeWaitMonth(db: Kysely<Database>, month: string): Promise<void> {
  await sql`DELETE FROM report_wait_months WHERE phase IN (${sql.join(WAIT_PHASES)}) AND month = ${month}`.execute(db);
  await sql`
    INSERT INTO report_wait_months (phase, month, provider_id, hour, minutes, visits)
    SELECT phase, ${month}, provider_id, hour, minutes, sum(visits) FROM report_wait_days
    WHERE phase IN (${sql.join(WAIT_PHASES)}) AND day >= ${`${month}-01`} AND day <= ${`${month}-31`}
    GROUP BY phase, provider_id, hour, minutes`.execute(db);
}

/**
 * The histogram of [from, to] summed over days and providers (or for one), for the phases named (each a
 * contiguous range of the key): whole months from the monthly rows, the days at either end from the daily.
 * With a `place` (a narrowing's key), from migration 0044's rows by place instead.
 */
export async function waitBuckets(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  phases: readonly string[],
  place: string | null = null,
) {
  const [months, days, placeIs] =
    place === null
      ? [sql.table('report_wait_months'), sql.table('report_wait_days'), sql`1`]
      : [sql.table('report_wait_place_months'), sql.table('report_wait_place_days'), sql`place = ${place}`];
  // No day counts apart here, so no month is left to the daily rows but the partial ones.
  const split = splitByMonths(from, to, '');
  const parts = [
    ...(split.months.length === 0
      ? []
      : [
          sql`SELECT phase, provider_id, hour, minutes, visits FROM ${months}
            WHERE ${placeIs} AND month IN (${sql.join(split.months)}) AND phase IN (${sql.join(phases)})`,
        ]),
    ...split.days.map(
      ([start, end]) => sql`SELECT phase, provider_id, hour, minutes, visits FROM ${days}
        WHERE ${placeIs} AND day >= ${start} AND day <= ${end} AND phase IN (${sql.join(phases)})`,
    ),
  ];
  if (parts.length === 0) return [];
  const result = await sql<{ phase: string; hour: number; minutes: number; visits: number }>`
    SELECT phase, hour, minutes, sum(visits) AS visits FROM (${sql.join(parts, sql` UNION ALL `)})
    WHERE (${providerId} IS NULL OR provider_id = ${providerId})
    GROUP BY phase, hour, minutes`.execute(db);
  return result.rows;
}
