import { displayName } from '../../../src-shared/patients/names';
import {
  MAX_CALL_LIST_ROWS,
  type AppointmentCounts,
  type AppointmentsReport,
  type CallList,
  type CallListRow,
} from '../../../src-shared/reports/model';
import { addDays, localDateOf, localDayBounds, localTimeOf } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import { appointmentDays, appointmentTotals, type AppointmentDayRow } from './aggregate-repository';
import { AGGREGATE_LATE_CANCEL_HOURS } from './aggregates';
import { appointmentsStarting, missedAppointments, type AppointmentFact, type CallFact } from './repository';
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

/**
 * A cancellation is late when it came less than the window before the start (DEFINITIONS.cancelled). One
 * without a recorded time is counted early: nothing says it was late. The counts and the call list both
 * ask here, so the list always holds exactly the appointments the late-cancel figure counts.
 */
function isLateCancel(row: AppointmentFact, lateMs: number): boolean {
  return row.status === 'cancelled' && row.cancelled_at !== null && row.start_at - row.cancelled_at < lateMs;
}

/** Adds one appointment to the counts, as `DEFINITIONS` says (reports/model.ts). */
function count(counts: AppointmentCounts, row: AppointmentFact, now: number, lateMs: number): void {
  counts.booked += 1;
  if (row.status === 'cancelled') {
    counts.cancelled += 1;
    if (isLateCancel(row, lateMs)) counts.lateCancelled += 1;
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

/** Adds a day's aggregate row (aggregate-repository.ts) to the counts; `due` is worked out by the caller. */
function add(counts: AppointmentCounts, row: AppointmentDayRow, due: number): void {
  counts.booked += row.booked;
  counts.completed += row.completed;
  counts.cancelled += row.cancelled;
  counts.lateCancelled += row.late_cancelled;
  counts.earlyCancelled += row.cancelled - row.late_cancelled;
  counts.noShows += row.no_shows;
  counts.due += due;
  counts.bookedMinutes += row.booked_minutes;
}

function providerCounts(byProvider: Map<string, AppointmentCounts>, providerId: string): AppointmentCounts {
  let provider = byProvider.get(providerId);
  if (!provider) byProvider.set(providerId, (provider = emptyCounts()));
  return provider;
}

/**
 * Counts the range. With `aggregates` (fresh, see aggregates.ts) and their late-cancel window, every day but
 * today comes from the daily aggregates: a day before today is wholly due (its non-cancelled appointments),
 * a day after it not at all; today alone, where "due" moves with the clock, is counted from its rows.
 * Without `days` the series by day is left empty (the dashboard and the providers report show none) and the
 * aggregates are read summed per provider.
 */
export async function appointmentsReport(
  db: ReadDb,
  scope: ReportScope,
  lateCancelHours: number,
  now: number,
  aggregates = false,
  days = true,
): Promise<AppointmentsReport> {
  const { from, to } = scope.filters;
  const lateMs = lateCancelHours * HOUR_MS;
  const totals = emptyCounts();
  const byProvider = new Map<string, AppointmentCounts>();
  const byDay = new Map(days ? datesOf(from, to, addDays).map((date) => [date, emptyCounts()]) : []);
  const countRow = (row: AppointmentFact) => {
    count(totals, row, now, lateMs);
    count(providerCounts(byProvider, row.provider_id), row, now, lateMs);
    const day = byDay.get(localDateOf(scope.timeZone, row.start_at));
    if (day) count(day, row, now, lateMs);
  };
  const today = localDateOf(scope.timeZone, now);
  if (aggregates && lateCancelHours === AGGREGATE_LATE_CANCEL_HOURS) {
    const rows = days
      ? await appointmentDays(db, from, to, scope.filters)
      : await appointmentTotals(db, from, to, today, scope.filters);
    for (const row of rows) {
      if (row.day === today) continue;
      const due = row.day < today ? row.not_cancelled : 0;
      add(totals, row, due);
      add(providerCounts(byProvider, row.provider_id), row, due);
      const day = byDay.get(row.day);
      if (day) add(day, row, due);
    }
    if (from <= today && today <= to) {
      const bounds = localDayBounds(scope.timeZone, today);
      for (const row of await appointmentsStarting(db, bounds.start, bounds.end, scope.filters)) countRow(row);
    }
  } else {
    const start = localDayBounds(scope.timeZone, from).start;
    const end = localDayBounds(scope.timeZone, to).end;
    for (const row of await appointmentsStarting(db, start, end, scope.filters)) countRow(row);
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

function callRow(scope: ReportScope, row: CallFact): CallListRow {
  return {
    appointmentId: row.id,
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    mrn: row.mrn,
    phone: row.phone,
    date: localDateOf(scope.timeZone, row.start_at),
    time: localTimeOf(scope.timeZone, row.start_at),
    startAt: row.start_at,
    providerId: row.provider_id,
    providerName: scope.providers.get(row.provider_id) ?? '',
    typeName: row.type_name,
    noticeHours:
      row.status === 'cancelled' && row.cancelled_at !== null
        ? Math.floor((row.start_at - row.cancelled_at) / 360_000) / 10
        : null,
  };
}

/**
 * The patients to call: the range's no-shows and late cancellations, by the definitions the counts use
 * (the same range, provider scope and late-cancel window), oldest first.
 */
export async function callList(
  db: ReadDb,
  scope: ReportScope,
  lateCancelHours: number,
  now: number,
): Promise<CallList> {
  const { from, to } = scope.filters;
  const start = localDayBounds(scope.timeZone, from).start;
  const end = localDayBounds(scope.timeZone, to).end;
  const lateMs = lateCancelHours * HOUR_MS;
  const rows = await missedAppointments(db, start, end, scope.filters);
  const noShows = rows.filter((row) => row.status === 'no_show');
  const lateCancels = rows.filter((row) => isLateCancel(row, lateMs));
  return {
    filters: scope.filters,
    lateCancelHours,
    ranAt: now,
    noShows: noShows.slice(0, MAX_CALL_LIST_ROWS).map((row) => callRow(scope, row)),
    lateCancels: lateCancels.slice(0, MAX_CALL_LIST_ROWS).map((row) => callRow(scope, row)),
    noShowCount: noShows.length,
    lateCancelCount: lateCancels.length,
  };
}

/** The patients a call list showed, once each, for the audit entry of the read that showed them. */
export function patientsListed(list: CallList): string[] {
  return [...new Set([...list.noShows, ...list.lateCancels].map((row) => row.patientId))];
}
