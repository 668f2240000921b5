import type { Kysely } from 'kysely';
import type { BookInput, MoveInput } from '../../../src-shared/api/areas/appointments';
import type { LocalStartInput } from '../../../src-shared/scheduling/fields';
import type {
  AppointmentDetail,
  AppointmentHistoryEntry,
  AppointmentView,
  BookingProblem,
} from '../../../src-shared/scheduling/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { displayName } from '../../../src-shared/patients/names';
import { clinicWording, formatDate } from '../../../src-shared/locale/date-format';
import { formatHhMm } from '../../../src-shared/locale/time-format';
import { providerDay, type DayAvailability } from '../../../src-shared/scheduling/availability';
import { coveredBy, mergeIntervals, overlaps, type Interval } from '../../../src-shared/scheduling/intervals';
import {
  BLOCKING_STATUSES,
  CANCELLABLE_STATUSES,
  isBlocking,
  MOVABLE_STATUSES,
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  type AppointmentStatus,
} from '../../../src-shared/scheduling/status';
import {
  addDays,
  formatLocalTime,
  localParts,
  localToInstant,
  localTimeOf,
  MINUTE_MS,
  weekdayName,
  isoWeekday,
} from '../../../src-shared/scheduling/time';
import type { AppointmentRow, AppointmentUpdate, Database, ProviderRow } from '../db/schema';
import { newId } from '../ids';
import { dayRefusal, deskRefusal } from '../../../src-shared/scheduling/status-rules';
import { statusFacts } from './status-facts';
import {
  clinicClock,
  type ClinicClock,
  loadRules,
  requireLocation,
  requireProvider,
  requireRoom,
  requireType,
} from './config';

/**
 * Booking rules, in core so every caller obeys them. Each runs inside the router's write
 * transaction, which begins IMMEDIATE: the check and the insert cannot interleave with another
 * desk's, so of two desks booking the same slot exactly one wins and the other is told why.
 */

type Db = Kysely<Database>;

/** An appointment lasts at most a day (CHECK in the migration): overlap searches scan a bounded range. */
export const MAX_APPOINTMENT_MS = 24 * 60 * MINUTE_MS;

import type { Actor } from '../actor';
import { requireLivePatient } from '../patients/live-patient';
import type { ReadDb } from '../db/handles';
export type { Actor };

// ---- reading -----------------------------------------------------------------------------------

/** The appointment's own columns a view shows (a day view reads hundreds of rows: no more than it needs). */
const VIEW_COLUMNS = [
  'a.id',
  'a.patient_id',
  'a.provider_id',
  'a.location_id',
  'a.room_id',
  'a.type_id',
  'a.start_at',
  'a.end_at',
  'a.reason',
  'a.notes',
  'a.status',
  'a.cancel_reason',
  'a.cancelled_by',
  'a.cancelled_at',
  'a.rescheduled_from_id',
  'a.series_id',
  'a.meeting_link',
  'a.override_reason',
  'a.created_at',
  'a.updated_at',
] as const;

function appointmentsWithNames(db: ReadDb) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .select(VIEW_COLUMNS)
    .select([
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      'p.mrn',
      't.name as type_name',
      't.colour as type_colour',
    ])
    .where('a.deleted_at', 'is', null);
}

type JoinedRow = Pick<
  AppointmentRow,
  (typeof VIEW_COLUMNS)[number] extends `a.${infer C}` ? C & keyof AppointmentRow : never
> & {
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  mrn: string;
  type_name: string;
  type_colour: string;
};

export function toView(zone: string, row: JoinedRow): AppointmentView {
  // Two wall-clock readings per appointment (start and end), each plain arithmetic on cached offsets.
  const start = localParts(zone, row.start_at);
  const end = localParts(zone, row.end_at);
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    patientMrn: row.mrn,
    providerId: row.provider_id,
    locationId: row.location_id,
    roomId: row.room_id,
    typeId: row.type_id,
    typeName: row.type_name,
    colour: row.type_colour,
    start: row.start_at,
    end: row.end_at,
    date: start.date,
    startTime: formatLocalTime(start.minutes),
    endTime: formatLocalTime(end.minutes),
    offsetMinutes: start.offsetMinutes,
    durationMinutes: Math.round((row.end_at - row.start_at) / MINUTE_MS),
    reason: row.reason,
    notes: row.notes,
    status: row.status,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancelled_by,
    cancelledAt: row.cancelled_at,
    rescheduledFromId: row.rescheduled_from_id,
    seriesId: row.series_id,
    meetingLink: row.meeting_link,
    overrideReason: row.override_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function viewAppointment(db: ReadDb, zone: string, id: string): Promise<AppointmentView> {
  const row = await appointmentsWithNames(db).where('a.id', '=', id).executeTakeFirst();
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such appointment.', {
      fields: { appointmentId: 'no such appointment' },
    });
  return toView(zone, row);
}

/** Live appointments of these providers that overlap [from, to), ordered by start. */
export async function appointmentsOverlapping(
  db: ReadDb,
  zone: string,
  filter: ({ providerIds: readonly string[] } | { roomId: string }) & {
    from: number;
    to: number;
    includeCancelled: boolean;
  },
): Promise<AppointmentView[]> {
  if ('providerIds' in filter && filter.providerIds.length === 0) return [];
  // A provider's columns (day and week views) or a room's week.
  const owned =
    'providerIds' in filter
      ? appointmentsWithNames(db).where('a.provider_id', 'in', [...filter.providerIds])
      : appointmentsWithNames(db).where('a.room_id', '=', filter.roomId);
  let query = owned
    .where('a.start_at', '>', filter.from - MAX_APPOINTMENT_MS)
    .where('a.start_at', '<', filter.to)
    .where('a.end_at', '>', filter.from)
    .orderBy('a.start_at')
    .orderBy('a.id');
  if (!filter.includeCancelled) query = query.where('a.status', '!=', 'cancelled');
  return (await query.execute()).map((row) => toView(zone, row));
}

export async function getAppointment(db: ReadDb, id: string): Promise<AppointmentDetail> {
  const { timeZone } = await clinicClock(db);
  const view = await viewAppointment(db, timeZone, id);
  const history = await db
    .selectFrom('appointment_history')
    .selectAll()
    .where('appointment_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    ...view,
    history: history.map((h): AppointmentHistoryEntry => ({
      at: h.at,
      userId: h.user_id,
      username: h.username,
      action: h.action,
      changes: JSON.parse(h.changes) as Record<string, unknown>,
      overrideReason: h.override_reason,
    })),
  };
}

// ---- the rules ---------------------------------------------------------------------------------

interface Placement {
  /** Set when an existing appointment is being moved: it does not clash with itself. */
  id?: string;
  patientId: string;
  provider: ProviderRow;
  locationId: string;
  locationName: string;
  roomId: string | null;
  roomName: string | null;
  start: number;
  end: number;
  /** The provider's days around the placement, when choosing the location already expanded them. */
  days?: DayAvailability[];
}

type Busy = Pick<AppointmentRow, 'id' | 'start_at' | 'end_at' | 'provider_id'>;

/** Blocking, live appointments of these providers, patients or rooms that overlap [from, to). */
export function blockingOverlaps(
  db: ReadDb,
  column: 'provider_id' | 'room_id' | 'patient_id',
  values: readonly string[],
  from: number,
  to: number,
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'start_at', 'end_at', 'provider_id'])
    .where(column, 'in', [...values])
    .where('start_at', '>', from - MAX_APPOINTMENT_MS)
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .where('status', 'in', [...BLOCKING_STATUSES])
    .where('deleted_at', 'is', null);
}

async function firstOverlap(
  db: Db,
  column: 'provider_id' | 'room_id' | 'patient_id',
  value: string,
  placement: Placement,
): Promise<Busy | undefined> {
  let query = blockingOverlaps(db, column, [value], placement.start, placement.end).orderBy('start_at').limit(1);
  if (placement.id) query = query.where('id', '!=', placement.id);
  return query.executeTakeFirst();
}

/** How refusals write times and dates: the clinic's zone and its people's formats. */
type Wording = Pick<ClinicClock, 'timeZone' | 'dateFormat' | 'timeFormat'>;

function timeText(wording: Wording, at: number): string {
  return formatHhMm(localTimeOf(wording.timeZone, at), wording.timeFormat);
}

function dayText(wording: Wording, date: string): string {
  return `${weekdayName(isoWeekday(date))} ${formatDate(date, wording.dateFormat)}`;
}

function span(wording: Wording, date: string, interval: Interval): string {
  const start = localParts(wording.timeZone, interval.start);
  const text = `${timeText(wording, interval.start)}–${timeText(wording, interval.end)}`;
  return start.date === date ? text : `${text} on ${formatDate(start.date, wording.dateFormat)}`;
}

function hoursText(wording: Wording, intervals: readonly Interval[]): string {
  return intervals.map((i) => `${timeText(wording, i.start)}–${timeText(wording, i.end)}`).join(', ');
}

/** The local dates a placement touches (its start's date, and the next when it runs past midnight). */
function datesOf(zone: string, placement: Pick<Placement, 'start' | 'end'>): string[] {
  const first = localParts(zone, placement.start).date;
  const last = localParts(zone, placement.end - 1).date;
  const dates = [first];
  while ((dates.at(-1) ?? last) < last) dates.push(addDays(dates.at(-1) ?? last, 1));
  return dates;
}

async function availabilityFor(db: Db, zone: string, providerId: string, dates: string[]): Promise<DayAvailability[]> {
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? first;
  const rules = await loadRules(db, [providerId], first, last);
  return dates.map((date) => providerDay(zone, date, providerId, rules));
}

/** Every reason the placement breaks a rule; empty when it may be booked. */
export async function findProblems(db: Db, wording: Wording, placement: Placement): Promise<BookingProblem[]> {
  const zone = wording.timeZone;
  const problems: BookingProblem[] = [];
  const date = localParts(zone, placement.start).date;
  const who = placement.provider.display_name;

  const providerClash = await firstOverlap(db, 'provider_id', placement.provider.id, placement);
  if (providerClash) {
    problems.push({
      code: 'provider_busy',
      message: `${who} is already booked ${span(wording, date, { start: providerClash.start_at, end: providerClash.end_at })}.`,
    });
  }
  if (placement.roomId) {
    const roomClash = await firstOverlap(db, 'room_id', placement.roomId, placement);
    if (roomClash) {
      problems.push({
        code: 'room_busy',
        message: `${placement.roomName ?? 'The room'} is in use ${span(wording, date, { start: roomClash.start_at, end: roomClash.end_at })}.`,
      });
    }
  }
  const patientClash = await firstOverlap(db, 'patient_id', placement.patientId, placement);
  if (patientClash) {
    const other =
      patientClash.provider_id === placement.provider.id
        ? who
        : (await requireProvider(db, patientClash.provider_id)).display_name;
    problems.push({
      code: 'patient_busy',
      message: `The patient already has an appointment ${span(wording, date, { start: patientClash.start_at, end: patientClash.end_at })} with ${other}.`,
    });
  }

  const days = placement.days ?? (await availabilityFor(db, zone, placement.provider.id, datesOf(zone, placement)));
  const here = mergeIntervals(
    days.flatMap((day) => day.intervals.filter((i) => i.locationId === placement.locationId)),
  );
  if (!coveredBy(here, placement)) problems.push(explainUnavailable(wording, placement, days));
  return problems;
}

function explainUnavailable(wording: Wording, placement: Placement, days: DayAvailability[]): BookingProblem {
  const zone = wording.timeZone;
  const who = placement.provider.display_name;
  const where = placement.locationName;
  for (const day of days) {
    const holiday = day.holidays.find((h) => h.locationId === null || h.locationId === placement.locationId);
    const hadHours = day.templateHours.some((i) => i.locationId === placement.locationId && overlaps(i, placement));
    if (holiday && hadHours)
      return {
        code: 'holiday',
        message: `${formatDate(day.date, wording.dateFormat)} is a clinic holiday (${holiday.name}).`,
      };
  }
  for (const day of days) {
    const off = day.timeOff.find((t) => t.removed.some((i) => overlaps(i, placement)));
    if (off) {
      const what = off.rule.reason ? ` (${off.rule.reason})` : '';
      const when =
        off.rule.start === null
          ? `all day on ${formatDate(day.date, wording.dateFormat)}`
          : `${span(wording, day.date, off.removed.find((i) => overlaps(i, placement)) ?? placement)} on ${formatDate(day.date, wording.dateFormat)}`;
      return { code: 'time_off', message: `${who} is on time off${what} ${when}.` };
    }
  }
  const day = days[0];
  const date = day?.date ?? localParts(zone, placement.start).date;
  const hours = (day?.intervals ?? []).filter((i) => i.locationId === placement.locationId);
  if (hours.length === 0) {
    return {
      code: 'outside_hours',
      message: `${who} has no hours at ${where} on ${dayText(wording, date)}.`,
    };
  }
  return {
    code: 'outside_hours',
    message: `${span(wording, date, placement)} is outside ${who}'s hours at ${where} on ${dayText(wording, date)} (${hoursText(wording, hours)}).`,
  };
}

function refuse(problems: BookingProblem[]): never {
  throw new ApiError(
    'CONFLICT',
    `${problems.map((p) => p.message).join(' ')} To book it anyway, override with a reason.`,
    { problems },
  );
}

function resolveStart(wording: Wording, start: LocalStartInput): number {
  const result = localToInstant(wording.timeZone, start, clinicWording(wording.dateFormat, wording.timeFormat));
  if (result.ok) return result.instant;
  const details: { fields: Record<string, string>; choices?: unknown } = { fields: { 'start.time': result.message } };
  if (result.choices) details.choices = result.choices;
  throw new ApiError('VALIDATION', `start.time: ${result.message}`, details);
}

/**
 * The location the provider works at during [start, end); else their default; else where their
 * template puts them that day (before time off); else where they ever work; else the clinic's only location.
 */
async function defaultLocation(
  db: Db,
  zone: string,
  provider: ProviderRow,
  interval: Interval,
): Promise<{ locationId: string; days: DayAvailability[] }> {
  const days = await availabilityFor(db, zone, provider.id, datesOf(zone, interval));
  const intervals = days.flatMap((d) => d.intervals);
  const locations = [...new Set(intervals.map((i) => i.locationId))];
  const working = locations.find((locationId) =>
    coveredBy(mergeIntervals(intervals.filter((i) => i.locationId === locationId)), interval),
  );
  const chosen =
    working ??
    provider.default_location_id ??
    days.flatMap((d) => d.templateHours)[0]?.locationId ??
    (
      await db
        .selectFrom('availability_templates')
        .select('location_id')
        .where('provider_id', '=', provider.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    )?.location_id ??
    (await onlyLocation(db));
  if (!chosen)
    throw fieldError('locationId', `choose a location: ${provider.display_name} has no hours and no default location`);
  return { locationId: chosen, days };
}

async function onlyLocation(db: Db): Promise<string | undefined> {
  const rows = await db.selectFrom('locations').select('id').where('deleted_at', 'is', null).limit(2).execute();
  return rows.length === 1 ? rows[0]?.id : undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function writeHistory(
  db: Db,
  entry: {
    appointmentId: string;
    at: number;
    actor: Actor;
    action: AppointmentHistoryEntry['action'];
    changes: Record<string, unknown>;
    overrideReason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('appointment_history')
    .values({
      id: newId(),
      appointment_id: entry.appointmentId,
      at: entry.at,
      user_id: entry.actor.userId,
      username: entry.actor.username,
      action: entry.action,
      changes: JSON.stringify(entry.changes),
      override_reason: entry.overrideReason,
      created_at: entry.at,
      updated_at: entry.at,
    })
    .execute();
}

async function placementFor(
  db: Db,
  zone: string,
  fields: {
    id?: string;
    patientId: string;
    providerId: string;
    locationId?: string;
    roomId: string | null;
    start: number;
    end: number;
  },
): Promise<Placement> {
  const provider = await requireProvider(db, fields.providerId);
  const chosen = fields.locationId === undefined ? await defaultLocation(db, zone, provider, fields) : null;
  const location = await requireLocation(db, fields.locationId ?? chosen?.locationId ?? '');
  let roomName: string | null = null;
  if (fields.roomId) {
    const room = await requireRoom(db, fields.roomId);
    if (room.location_id !== location.id) throw fieldError('roomId', `${room.name} is not at ${location.name}`);
    roomName = room.name;
  }
  return {
    id: fields.id,
    patientId: fields.patientId,
    provider,
    locationId: location.id,
    locationName: location.name,
    roomId: fields.roomId,
    roomName,
    start: fields.start,
    end: fields.end,
    ...(chosen && { days: chosen.days }),
  };
}

export interface WriteOutcome {
  view: AppointmentView;
  /** The problems an override set aside (empty when none was needed). */
  overridden: BookingProblem[];
  providerIds: string[];
  dates: string[];
}

/** An occurrence of a recurring series (see series.ts) is booked by the same rules, with its link. */
export interface SeriesLink {
  seriesId: string;
  index: number;
}

export async function bookAppointment(
  db: Db,
  input: BookInput,
  actor: Actor,
  now: number,
  series?: SeriesLink,
): Promise<WriteOutcome> {
  const clock = await clinicClock(db);
  const zone = clock.timeZone;
  await requireLivePatient(db, input.patientId);
  const type = await requireType(db, input.typeId);
  if (type.providerIds.length > 0 && !type.providerIds.includes(input.providerId)) {
    const provider = await requireProvider(db, input.providerId);
    throw fieldError('providerId', `${provider.display_name} does not see ${type.row.name} appointments`);
  }
  if (input.rescheduledFromId) {
    const previous = await db
      .selectFrom('appointments')
      .select(['patient_id', 'status'])
      .where('id', '=', input.rescheduledFromId)
      .executeTakeFirst();
    if (!previous) throw fieldError('rescheduledFromId', 'no such appointment');
    if (previous.patient_id !== input.patientId)
      throw fieldError('rescheduledFromId', 'is another patient’s appointment');
    if (isBlocking(previous.status))
      throw fieldError('rescheduledFromId', 'cancel that appointment first, or move it instead');
  }
  const start = resolveStart(clock, input.start);
  const end = start + (input.durationMinutes ?? type.row.duration_minutes) * MINUTE_MS;
  const placement = await placementFor(db, zone, { ...input, start, end });
  const problems = await findProblems(db, clock, placement);
  if (problems.length > 0 && !input.override) refuse(problems);
  const overrideReason = problems.length > 0 ? (input.override?.reason ?? null) : null;

  const row: AppointmentRow = {
    id: newId(),
    patient_id: input.patientId,
    provider_id: placement.provider.id,
    location_id: placement.locationId,
    room_id: placement.roomId,
    type_id: type.row.id,
    start_at: start,
    end_at: end,
    reason: input.reason,
    notes: input.notes,
    status: 'booked',
    cancel_reason: null,
    cancelled_by: null,
    cancelled_at: null,
    rescheduled_from_id: input.rescheduledFromId,
    meeting_link: input.meetingLink,
    override_reason: overrideReason,
    overridden_by: overrideReason ? actor.userId : null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    series_id: series?.seriesId ?? null,
    series_index: series?.index ?? null,
  };
  try {
    await db.insertInto('appointments').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(
        'CONFLICT',
        `${placement.provider.display_name} was booked at that time by someone else a moment ago.`,
      );
    throw error;
  }
  await writeHistory(db, {
    appointmentId: row.id,
    at: now,
    actor,
    action: 'booked',
    changes: {
      patientId: row.patient_id,
      providerId: row.provider_id,
      locationId: row.location_id,
      roomId: row.room_id,
      typeId: row.type_id,
      start: row.start_at,
      end: row.end_at,
      ...(row.rescheduled_from_id && { rescheduledFromId: row.rescheduled_from_id }),
      ...(overrideReason && { overridden: problems.map((p) => p.code) }),
    },
    overrideReason,
  });
  return {
    view: await viewAppointment(db, zone, row.id),
    overridden: overrideReason ? problems : [],
    providerIds: [row.provider_id],
    dates: datesOf(zone, placement),
  };
}

async function existing(db: Db, id: string, expectedUpdatedAt: number | undefined): Promise<AppointmentRow> {
  const row = await db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
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

function diff(before: AppointmentRow, after: AppointmentUpdate): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'updated_at') continue;
    const old = before[key as keyof AppointmentRow];
    if (old !== value) changes[key] = { from: old, to: value };
  }
  return changes;
}

export async function moveAppointment(db: Db, input: MoveInput, actor: Actor, now: number): Promise<WriteOutcome> {
  const clock = await clinicClock(db);
  const zone = clock.timeZone;
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (!MOVABLE_STATUSES.includes(before.status)) {
    throw new ApiError('CONFLICT', `This appointment is ${STATUS_LABELS[before.status]}; it can no longer be moved.`);
  }
  const providerId = input.providerId ?? before.provider_id;
  if (providerId !== before.provider_id) {
    const type = await requireType(db, before.type_id);
    if (type.providerIds.length > 0 && !type.providerIds.includes(providerId)) {
      const provider = await requireProvider(db, providerId);
      throw fieldError('providerId', `${provider.display_name} does not see ${type.row.name} appointments`);
    }
  }
  const start = input.start ? resolveStart(clock, input.start) : before.start_at;
  const duration =
    input.durationMinutes !== undefined ? input.durationMinutes * MINUTE_MS : before.end_at - before.start_at;
  const locationChanged = input.locationId !== undefined && input.locationId !== before.location_id;
  const roomId = input.roomId !== undefined ? input.roomId : locationChanged ? null : before.room_id;
  const placement = await placementFor(db, zone, {
    id: before.id,
    patientId: before.patient_id,
    providerId,
    locationId:
      input.locationId ??
      (input.providerId !== undefined && providerId !== before.provider_id ? undefined : before.location_id),
    roomId,
    start,
    end: start + duration,
  });
  const problems = await findProblems(db, clock, placement);
  if (problems.length > 0 && !input.override) refuse(problems);
  const overrideReason = problems.length > 0 ? (input.override?.reason ?? null) : null;

  const after: AppointmentUpdate = {
    provider_id: placement.provider.id,
    location_id: placement.locationId,
    room_id: placement.roomId,
    start_at: placement.start,
    end_at: placement.end,
    override_reason: overrideReason,
    overridden_by: overrideReason ? actor.userId : null,
    updated_at: Math.max(now, before.updated_at + 1),
  };
  const changes = diff(before, after);
  try {
    await db.updateTable('appointments').set(after).where('id', '=', before.id).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(
        'CONFLICT',
        `${placement.provider.display_name} was booked at that time by someone else a moment ago.`,
      );
    throw error;
  }
  await writeHistory(db, {
    appointmentId: before.id,
    at: now,
    actor,
    action: 'moved',
    changes: { ...changes, ...(overrideReason && { overridden: problems.map((p) => p.code) }) },
    overrideReason,
  });
  return {
    view: await viewAppointment(db, zone, before.id),
    overridden: overrideReason ? problems : [],
    providerIds: [...new Set([before.provider_id, placement.provider.id])],
    dates: [
      ...new Set([...datesOf(zone, { start: before.start_at, end: before.end_at }), ...datesOf(zone, placement)]),
    ],
  };
}

export async function cancelAppointment(
  db: Db,
  input: { appointmentId: string; reason: string; expectedUpdatedAt?: number },
  actor: Actor,
  now: number,
): Promise<WriteOutcome> {
  const { timeZone: zone } = await clinicClock(db);
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (!CANCELLABLE_STATUSES.includes(before.status)) {
    throw new ApiError('CONFLICT', `This appointment is ${STATUS_LABELS[before.status]}; it cannot be cancelled.`);
  }
  const after: AppointmentUpdate = {
    status: 'cancelled',
    cancel_reason: input.reason,
    cancelled_by: actor.userId,
    cancelled_at: now,
    updated_at: Math.max(now, before.updated_at + 1),
  };
  await db.updateTable('appointments').set(after).where('id', '=', before.id).execute();
  await writeHistory(db, {
    appointmentId: before.id,
    at: now,
    actor,
    action: 'cancelled',
    changes: diff(before, after),
    overrideReason: null,
  });
  return {
    view: await viewAppointment(db, zone, before.id),
    overridden: [],
    providerIds: [before.provider_id],
    dates: datesOf(zone, { start: before.start_at, end: before.end_at }),
  };
}

export async function setAppointmentStatus(
  db: Db,
  input: { appointmentId: string; status: AppointmentStatus; expectedUpdatedAt?: number },
  actor: Actor,
  now: number,
  /** The desk's own moves (confirm, no-show, their undo), or the visit keeping its appointment in step. */
  via: 'desk' | 'visit',
): Promise<WriteOutcome> {
  const clock = await clinicClock(db);
  const zone = clock.timeZone;
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (input.status === 'cancelled')
    throw fieldError('status', 'cancel with appointments.cancel, which records the reason');
  if (before.status === input.status)
    return { view: await viewAppointment(db, zone, before.id), overridden: [], providerIds: [], dates: [] };
  const facts = await statusFacts(db, before, now);
  const refusal = via === 'desk' ? deskRefusal(facts, input.status) : dayRefusal(facts, input.status);
  if (refusal)
    throw new ApiError('CONFLICT', `${refusal[0]?.toUpperCase() ?? ''}${refusal.slice(1)}.`, {
      fields: { status: refusal },
    });
  if (!STATUS_TRANSITIONS[before.status].includes(input.status)) {
    const allowed = STATUS_TRANSITIONS[before.status].map((s) => STATUS_LABELS[s]);
    throw new ApiError(
      'CONFLICT',
      `An appointment that is ${STATUS_LABELS[before.status]} cannot become ${STATUS_LABELS[input.status]}` +
        (allowed.length > 0 ? ` (it can become ${allowed.join(', ')}).` : '.'),
    );
  }
  if (!isBlocking(before.status) && isBlocking(input.status)) {
    // A no-show taken back holds the time again: it must not now clash with what was booked since.
    const placement = await placementFor(db, zone, {
      id: before.id,
      patientId: before.patient_id,
      providerId: before.provider_id,
      locationId: before.location_id,
      roomId: before.room_id,
      start: before.start_at,
      end: before.end_at,
    });
    const clashes = (await findProblems(db, clock, placement)).filter((p) => p.code.endsWith('_busy'));
    if (clashes.length > 0)
      throw new ApiError('CONFLICT', clashes.map((p) => p.message).join(' '), { problems: clashes });
  }
  const after: AppointmentUpdate = { status: input.status, updated_at: Math.max(now, before.updated_at + 1) };
  try {
    await db.updateTable('appointments').set(after).where('id', '=', before.id).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(
        'CONFLICT',
        'Another appointment now starts at the same time with this provider or in this room.',
      );
    throw error;
  }
  await writeHistory(db, {
    appointmentId: before.id,
    at: now,
    actor,
    action: 'status',
    changes: diff(before, after),
    overrideReason: null,
  });
  return {
    view: await viewAppointment(db, zone, before.id),
    overridden: [],
    providerIds: [before.provider_id],
    dates: datesOf(zone, { start: before.start_at, end: before.end_at }),
  };
}

/**
 * Changes what an appointment says — reason, notes, meeting link — without touching when, with whom
 * or where (that is a move, checked by the rules). Left-out fields stay; null clears one. A cancelled
 * appointment is left as it was. The history keeps what changed ('details').
 */
export async function updateAppointmentDetails(
  db: Db,
  input: {
    appointmentId: string;
    reason?: string | null | undefined;
    notes?: string | null | undefined;
    meetingLink?: string | null | undefined;
    expectedUpdatedAt?: number | undefined;
  },
  actor: Actor,
  now: number,
): Promise<WriteOutcome> {
  const { timeZone: zone } = await clinicClock(db);
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (before.status === 'cancelled')
    throw new ApiError('CONFLICT', 'This appointment is cancelled; its details are kept as they were.');
  const after: AppointmentUpdate = {
    ...(input.reason !== undefined && { reason: input.reason }),
    ...(input.notes !== undefined && { notes: input.notes }),
    ...(input.meetingLink !== undefined && { meeting_link: input.meetingLink }),
  };
  const changes = diff(before, after);
  if (Object.keys(changes).length === 0)
    return { view: await viewAppointment(db, zone, before.id), overridden: [], providerIds: [], dates: [] };
  await db
    .updateTable('appointments')
    .set({ ...after, updated_at: Math.max(now, before.updated_at + 1) })
    .where('id', '=', before.id)
    .execute();
  await writeHistory(db, {
    appointmentId: before.id,
    at: now,
    actor,
    action: 'details',
    changes,
    overrideReason: null,
  });
  return {
    view: await viewAppointment(db, zone, before.id),
    overridden: [],
    providerIds: [before.provider_id],
    dates: datesOf(zone, { start: before.start_at, end: before.end_at }),
  };
}
