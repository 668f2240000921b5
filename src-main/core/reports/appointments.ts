import type { AppointmentCounts, AppointmentsReport } from '../../../src-shared/reports/model';
import { addDays, localDateOf, localDayBounds } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import { appointmentsStarting, type AppointmentFact } from './repository';
import { datesOf, type ReportScope } from './scope';

const HOUR_MS = 3_600_000;

function emptyCounts(): AppointmentCounts {
  return {
    booked: 0,
    completed: 0,
    cancelled: 0,
    lateCancelled: 0,
    earlyCancelled: 0,
    noShows: 0,
    due: 0,
    noShowRatePercent: null,
    bookedMinutes: 0,
  };
}

/** Adds one appointment to the counts, as `DEFINITIONS` says (reports/model.ts). */
function count(counts: AppointmentCounts, row: AppointmentFact, now: number, lateMs: number): void {
  counts.booked += 1;
  if (row.status === 'cancelled') {
    counts.cancelled += 1;
    if (row.cancelled_at !== null && row.start_at - row.cancelled_at < lateMs) counts.lateCancelled += 1;
    else counts.earlyCancelled += 1;
    return;
  }
  counts.bookedMinutes += Math.round((row.end_at - row.start_at) / 60_000);
  if (row.status === 'completed') counts.completed += 1;
  if (row.status === 'no_show') counts.noShows += 1;
  if (row.start_at <= now) counts.due += 1;
}

function withRate<T extends AppointmentCounts>(counts: T): T {
  counts.noShowRatePercent = counts.due === 0 ? null : Math.round((counts.noShows * 1000) / counts.due) / 10;
  return counts;
}

export async function appointmentsReport(
  db: ReadDb,
  scope: ReportScope,
  lateCancelHours: number,
  now: number,
): Promise<AppointmentsReport> {
  const { from, to, providerId } = scope.filters;
  const start = localDayBounds(scope.timeZone, from).start;
  const end = localDayBounds(scope.timeZone, to).end;
  const rows = await appointmentsStarting(db, start, end, providerId);
  const lateMs = lateCancelHours * HOUR_MS;

  const totals = emptyCounts();
  const byProvider = new Map<string, AppointmentCounts>();
  const byDay = new Map(datesOf(from, to, addDays).map((date) => [date, emptyCounts()]));
  for (const row of rows) {
    count(totals, row, now, lateMs);
    let provider = byProvider.get(row.provider_id);
    if (!provider) byProvider.set(row.provider_id, (provider = emptyCounts()));
    count(provider, row, now, lateMs);
    const day = byDay.get(localDateOf(scope.timeZone, row.start_at));
    if (day) count(day, row, now, lateMs);
  }
  return {
    filters: scope.filters,
    lateCancelHours,
    ranAt: now,
    totals: withRate(totals),
    byProvider: [...byProvider]
      .map(([id, counts]) => withRate({ providerId: id, providerName: scope.providers.get(id) ?? id, ...counts }))
      .sort((a, b) => a.providerName.localeCompare(b.providerName)),
    byDay: [...byDay].map(([date, counts]) => withRate({ date, ...counts })),
  };
}
