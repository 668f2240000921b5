import type { Kysely } from 'kysely';
import type { AppointmentsReport, ProviderUtilisation } from '../../../src-shared/reports/model';
import { providerDay } from '../../../src-shared/scheduling/availability';
import { addDays } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import { loadRules } from '../scheduling/config';
import { availableDaysOf, availableTotals, storeAvailableDays, type AvailableDay } from './available-repository';
import { datesOf, type ReportScope } from './scope';

/** One provider's available minutes on each date, expanded from the rules day by day (DST, holidays). */
export async function expandAvailable(
  db: ReadDb,
  timeZone: string,
  missing: ReadonlyMap<string, readonly string[]>,
): Promise<AvailableDay[]> {
  const all = [...missing.values()].flat().sort();
  const first = all[0];
  const last = all[all.length - 1];
  if (first === undefined || last === undefined) return [];
  const rules = await loadRules(db, [...missing.keys()], first, last);
  const days: AvailableDay[] = [];
  for (const [providerId, dates] of missing)
    for (const day of dates) {
      let minutes = 0;
      for (const interval of providerDay(timeZone, day, providerId, rules).intervals)
        minutes += Math.round((interval.end - interval.start) / 60_000);
      days.push({ provider_id: providerId, day, minutes });
    }
  return days;
}

/**
 * Available minutes per provider over [from, to]: the cached days (available-repository.ts), and the days
 * not cached expanded from the rules. Those are stored when `writer` is given (a plain read), in its own
 * transaction so no change of the rules can slip between the expansion and the store.
 */
async function availableMinutes(
  db: ReadDb,
  writer: Kysely<Database> | null,
  scope: ReportScope,
  providerIds: readonly string[],
): Promise<Map<string, number>> {
  const { from, to } = scope.filters;
  const dates = datesOf(from, to, addDays);
  const run = async (reader: ReadDb, expand: boolean) => {
    const totals = new Map<string, number>(providerIds.map((id) => [id, 0]));
    const missing = new Map<string, string[]>();
    const cached = new Map((await availableTotals(reader, providerIds, from, to)).map((row) => [row.provider_id, row]));
    for (const id of providerIds) {
      const row = cached.get(id);
      if (row && row.days === dates.length) totals.set(id, row.minutes);
      else if (expand) {
        const held = new Map((row ? await availableDaysOf(reader, id, from, to) : []).map((d) => [d.day, d.minutes]));
        for (const minutes of held.values()) totals.set(id, (totals.get(id) ?? 0) + minutes);
        missing.set(
          id,
          dates.filter((date) => !held.has(date)),
        );
      } else return null;
    }
    const expanded = await expandAvailable(reader, scope.timeZone, missing);
    for (const day of expanded) totals.set(day.provider_id, (totals.get(day.provider_id) ?? 0) + day.minutes);
    return { totals, expanded };
  };
  if (writer === null) return (await run(db, true))?.totals ?? new Map();
  // Most reads find every day cached and need no write transaction.
  const cached = await run(db, false);
  if (cached) return cached.totals;
  return writer.transaction().execute(async (trx) => {
    const found = await run(trx, true);
    if (found) await storeAvailableDays(trx, found.expanded);
    return found?.totals ?? new Map<string, number>();
  });
}

/**
 * Each provider's booked minutes ÷ the minutes their weekly hours offered over the range, less breaks,
 * time off and clinic holidays (DEFINITIONS.utilisation). A provider with no hours in the range has no
 * figure rather than an infinite one. `writer` (a plain read) lets the days worked out be cached.
 */
export async function utilisation(
  db: ReadDb,
  scope: ReportScope,
  appointments: AppointmentsReport,
  writer: Kysely<Database> | null = null,
): Promise<ProviderUtilisation[]> {
  const { providerId } = scope.filters;
  const providerIds = providerId === null ? [...scope.providers.keys()] : [providerId];
  const available = await availableMinutes(db, writer, scope, providerIds);
  const booked = new Map(appointments.byProvider.map((row) => [row.providerId, row.bookedMinutes]));
  return providerIds
    .map((id) => {
      const availableMinutes = available.get(id) ?? 0;
      const bookedMinutes = booked.get(id) ?? 0;
      return {
        providerId: id,
        providerName: scope.providers.get(id) ?? '',
        bookedMinutes,
        availableMinutes,
        percent: availableMinutes === 0 ? null : Math.round((bookedMinutes * 1000) / availableMinutes) / 10,
      };
    })
    .filter((row) => row.availableMinutes > 0 || row.bookedMinutes > 0)
    .sort((a, b) => a.providerName.localeCompare(b.providerName));
}
