import type { Kysely } from 'kysely';
import type { BookInput } from '../../../src-shared/api/areas/appointments';
import type { LocalStartInput } from '../../../src-shared/scheduling/fields';
import type {
  BookSeriesInput,
  BookSeriesResult,
  ChangeSeriesInput,
  SeriesDetail,
  SeriesEditResult,
  SeriesRefusal,
  SeriesScope,
  SeriesView,
} from '../../../src-shared/api/areas/series';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { clinicWording, type ClinicWording } from '../../../src-shared/locale/date-format';
import { describeRule, occurrences } from '../../../src-shared/scheduling/recurrence';
import { CANCELLABLE_STATUSES } from '../../../src-shared/scheduling/status';
import { addDays, localDateOf, localTimeOf } from '../../../src-shared/scheduling/time';
import type { AppointmentRow, AppointmentSeriesRow, Database } from '../db/schema';
import { newId } from '../ids';
import { cancelAppointment } from './appointment-changes';
import { viewAppointment } from './appointment-views';
import { bookAppointment, moveAppointment, type Actor, type WriteOutcome } from './appointments';
import { clinicClock, clinicWordingOf, requireType } from './config';
import { findLiveAppointment } from './appointment-repository';
import { refusalOf, refuseDates } from './series-refusals';
import {
  findSeries,
  insertSeries,
  laterOccurrences,
  occurrenceIds,
  occurrencesFrom,
  relinkOccurrence,
  updateSeries,
} from './series-repository';
import type { ReadDb } from '../db/handles';

/**
 * Recurring appointments. A series is a rule; each occurrence is an ordinary appointment booked,
 * moved and cancelled through appointments.ts, so every rule (double booking, hours, time off,
 * holidays, the patient's own overlaps) applies to each one. All of it runs inside the router's one
 * write transaction: when a call throws, nothing of it stays.
 */

type Db = Kysely<Database>;

/** Occurrences a series edit may still change: not yet under way. */
const EDITABLE: readonly AppointmentRow['status'][] = ['booked', 'confirmed'];

export function toSeriesView(row: AppointmentSeriesRow, wording: ClinicWording): SeriesView {
  return {
    id: row.id,
    patientId: row.patient_id,
    providerId: row.provider_id,
    typeId: row.type_id,
    frequency: row.frequency,
    interval: row.interval,
    startDate: row.start_date,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    until: row.until_date,
    count: row.count,
    description: describeRule(
      {
        frequency: row.frequency,
        interval: row.interval,
        until: row.until_date,
        count: row.count,
      },
      wording.date,
    ),
    splitFromId: row.split_from_id,
  };
}

export interface SeriesOutcome {
  result: BookSeriesResult | SeriesEditResult;
  appointmentIds: string[];
  providerIds: string[];
  dates: string[];
  patientId: string;
}

function collect(outcomes: WriteOutcome[]): Pick<SeriesOutcome, 'appointmentIds' | 'providerIds' | 'dates'> {
  return {
    appointmentIds: outcomes.map((o) => o.view.id),
    providerIds: [...new Set(outcomes.flatMap((o) => o.providerIds))],
    dates: [...new Set(outcomes.flatMap((o) => o.dates))].sort(),
  };
}

/** One occurrence's booking: the series' fields, this date's start. */
function singleBooking(input: BookSeriesInput, start: LocalStartInput): BookInput {
  return {
    patientId: input.patientId,
    providerId: input.providerId,
    typeId: input.typeId,
    locationId: input.locationId,
    roomId: input.roomId,
    start,
    durationMinutes: input.durationMinutes,
    reason: input.reason,
    notes: input.notes,
    meetingLink: input.meetingLink,
    rescheduledFromId: null,
    override: input.override,
  };
}

export async function bookSeries(
  db: Db,
  input: BookSeriesInput,
  actor: Actor,
  now: number,
): Promise<SeriesOutcome & { result: BookSeriesResult }> {
  const type = await requireType(db, input.typeId);
  const rule = {
    frequency: input.repeat.frequency,
    interval: input.repeat.interval,
    startDate: input.start.date,
    until: input.repeat.until ?? null,
    count: input.repeat.count ?? null,
  };
  const dates = occurrences(rule);
  if (dates.length < 2) throw fieldError('repeat.until', 'the series must have at least two dates');
  const series: AppointmentSeriesRow = {
    id: newId(),
    patient_id: input.patientId,
    provider_id: input.providerId,
    location_id: input.locationId ?? null,
    room_id: input.roomId,
    type_id: input.typeId,
    frequency: rule.frequency,
    interval: rule.interval,
    start_date: rule.startDate,
    start_time: input.start.time,
    duration_minutes: input.durationMinutes ?? type.row.duration_minutes,
    until_date: rule.until,
    count: rule.count,
    split_from_id: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  // The patient and provider are checked by the first booking; the row must exist for the links.
  await insertSeries(db, series);

  const outcomes: WriteOutcome[] = [];
  const refused: SeriesRefusal[] = [];
  for (const { index, date } of dates) {
    // The first date as the booker gave it; later ones at the same wall-clock time. A time the clocks
    // repeat on a later date is taken the first time it shows (said in docs/architecture.md).
    const start: LocalStartInput =
      index === 0 ? input.start : { date, time: input.start.time, fold: input.start.fold ?? 'earlier' };
    try {
      outcomes.push(await bookAppointment(db, singleBooking(input, start), actor, now, { seriesId: series.id, index }));
    } catch (error) {
      refused.push(refusalOf(error, index, date, input.start.time));
    }
  }
  if (outcomes.length === 0) refuseDates(refused, dates.length, 'booked', await clinicWordingOf(db));
  if (refused.length > 0 && !input.skipRefused) refuseDates(refused, dates.length, 'booked', await clinicWordingOf(db));
  return {
    result: {
      series: toSeriesView(series, await clinicWordingOf(db)),
      booked: outcomes.map((o) => o.view),
      skipped: refused,
    },
    ...collect(outcomes),
    patientId: input.patientId,
  };
}

async function occurrenceRow(
  db: ReadDb,
  appointmentId: string,
  expectedUpdatedAt: number | undefined,
): Promise<AppointmentRow> {
  const row = await findLiveAppointment(db, appointmentId);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such appointment.', {
      fields: { appointmentId: 'no such appointment' },
    });
  if (expectedUpdatedAt !== undefined && row.updated_at !== expectedUpdatedAt) {
    throw new ApiError(
      'CONFLICT',
      'Someone else changed this appointment since you loaded it. Reload it and try again.',
    );
  }
  return row;
}

async function requireSeries(db: ReadDb, row: AppointmentRow): Promise<AppointmentSeriesRow> {
  const series = row.series_id ? await findSeries(db, row.series_id) : undefined;
  if (!series) throw fieldError('scope', 'this appointment is not part of a series');
  return series;
}

/**
 * The occurrences a scope covers, by start: the one asked for; it and the later ones; or every one
 * not yet begun. `statuses` limits them to those the edit can still touch.
 */
async function inScope(
  db: Db,
  row: AppointmentRow,
  scope: SeriesScope,
  statuses: readonly AppointmentRow['status'][],
  now: number,
): Promise<AppointmentRow[]> {
  if (scope === 'one' || row.series_id === null) return [row];
  const rows = await occurrencesFrom(db, row.series_id, statuses, scope === 'following' ? row.start_at : now);
  // The occurrence asked about is always included when it can be edited, even if it has begun.
  return statuses.includes(row.status) && !rows.some((r) => r.id === row.id) ? [row, ...rows] : rows;
}

/**
 * "This and following": the old rule ends the day before this occurrence and a new series takes this
 * occurrence and every later one (renumbered from 0), so the earlier ones keep their history as it was.
 */
async function split(
  db: Db,
  series: AppointmentSeriesRow,
  row: AppointmentRow,
  zone: string,
  now: number,
  changes: Partial<AppointmentSeriesRow>,
): Promise<string> {
  const from = row.series_index ?? 0;
  if (from === 0) {
    await updateSeries(db, series.id, { ...changes, updated_at: now });
    return series.id;
  }
  const date = localDateOf(zone, row.start_at);
  const successor: AppointmentSeriesRow = {
    ...series,
    ...changes,
    id: newId(),
    start_date: date,
    count: series.count === null ? null : Math.max(series.count - from, 1),
    split_from_id: series.id,
    created_at: now,
    updated_at: now,
  };
  await insertSeries(db, successor);
  await updateSeries(db, series.id, { until_date: addDays(date, -1), count: from, updated_at: now });
  const later = await laterOccurrences(db, series.id, row.start_at);
  for (const occurrence of later)
    await relinkOccurrence(db, occurrence.id, successor.id, (occurrence.series_index ?? from) - from);
  return successor.id;
}

export async function cancelSeries(
  db: Db,
  input: { appointmentId: string; scope: SeriesScope; reason: string; expectedUpdatedAt?: number },
  actor: Actor,
  now: number,
): Promise<SeriesOutcome & { result: SeriesEditResult }> {
  const { timeZone: zone } = await clinicClock(db);
  const row = await occurrenceRow(db, input.appointmentId, input.expectedUpdatedAt);
  const series = input.scope === 'one' ? null : await requireSeries(db, row);
  const targets = await inScope(db, row, input.scope, CANCELLABLE_STATUSES, now);
  if (targets.length === 0) throw new ApiError('CONFLICT', 'No appointment in this series can still be cancelled.');
  const outcomes: WriteOutcome[] = [];
  for (const target of targets)
    outcomes.push(await cancelAppointment(db, { appointmentId: target.id, reason: input.reason }, actor, now));
  if (series && input.scope === 'following' && (row.series_index ?? 0) > 0) {
    // The rule ends before this occurrence: nothing later belongs to it any more.
    await updateSeries(db, series.id, {
      until_date: addDays(localDateOf(zone, row.start_at), -1),
      count: row.series_index,
      updated_at: now,
    });
  }
  return {
    result: { seriesId: series?.id ?? row.series_id ?? '', appointments: outcomes.map((o) => o.view) },
    ...collect(outcomes),
    patientId: row.patient_id,
  };
}

export async function changeSeries(
  db: Db,
  input: ChangeSeriesInput,
  actor: Actor,
  now: number,
): Promise<SeriesOutcome & { result: SeriesEditResult }> {
  const clock = await clinicClock(db);
  const zone = clock.timeZone;
  const row = await occurrenceRow(db, input.appointmentId, input.expectedUpdatedAt);
  const series = input.scope === 'one' ? null : await requireSeries(db, row);
  const targets = await inScope(db, row, input.scope, EDITABLE, now);
  if (targets.length === 0) throw new ApiError('CONFLICT', 'No appointment in this series can still be changed.');
  const outcomes: WriteOutcome[] = [];
  const refused: SeriesRefusal[] = [];
  for (const target of targets) {
    const date = localDateOf(zone, target.start_at);
    const time = input.time ?? localTimeOf(zone, target.start_at);
    try {
      outcomes.push(
        await moveAppointment(
          db,
          {
            appointmentId: target.id,
            start: input.time === undefined ? undefined : { date, time, fold: 'earlier' },
            providerId: input.providerId,
            roomId: input.roomId,
            durationMinutes: input.durationMinutes,
            override: input.override,
          },
          actor,
          now,
        ),
      );
    } catch (error) {
      refused.push(refusalOf(error, target.series_index ?? 0, date, time));
    }
  }
  // A change half-applied across a series is worse than none: refuse it whole, listing each date.
  if (refused.length > 0)
    refuseDates(refused, targets.length, 'changed', clinicWording(clock.dateFormat, clock.timeFormat));

  let seriesId = row.series_id ?? '';
  if (series) {
    const changes: Partial<AppointmentSeriesRow> = {
      ...(input.time !== undefined && { start_time: input.time }),
      ...(input.providerId !== undefined && { provider_id: input.providerId }),
      ...(input.roomId !== undefined && { room_id: input.roomId }),
      ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
    };
    seriesId = input.scope === 'all' ? series.id : await split(db, series, row, zone, now, changes);
    if (input.scope === 'all') await updateSeries(db, series.id, { ...changes, updated_at: now });
  }
  const views = await Promise.all(outcomes.map((o) => viewAppointment(db, zone, o.view.id)));
  return { result: { seriesId, appointments: views }, ...collect(outcomes), patientId: row.patient_id };
}

export async function seriesOf(db: ReadDb, appointmentId: string): Promise<SeriesDetail | null> {
  const { timeZone: zone } = await clinicClock(db);
  const row = await occurrenceRow(db, appointmentId, undefined);
  if (row.series_id === null) return null;
  const series = await requireSeries(db, row);
  const members = await occurrenceIds(db, series.id);
  const views = await Promise.all(members.map((id) => viewAppointment(db, zone, id)));
  return { ...toSeriesView(series, await clinicWordingOf(db)), occurrences: views };
}
