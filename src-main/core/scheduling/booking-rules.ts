import type { LocalStartInput } from '../../../src-shared/scheduling/fields';
import type { BookingProblem } from '../../../src-shared/scheduling/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { clinicWording, formatDate } from '../../../src-shared/locale/date-format';
import { formatHhMm } from '../../../src-shared/locale/time-format';
import { providerDay, type DayAvailability } from '../../../src-shared/scheduling/availability';
import { coveredBy, mergeIntervals, overlaps, type Interval } from '../../../src-shared/scheduling/intervals';
import {
  addDays,
  localParts,
  localToInstant,
  localTimeOf,
  weekdayName,
  isoWeekday,
} from '../../../src-shared/scheduling/time';
import type { ProviderRow } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { firstBlockingOverlap } from './appointment-repository';
import { anyTemplateLocation } from './availability-repository';
import { type ClinicClock, loadRules, requireLocation, requireProvider, requireRoom } from './config';
import { onlyLocationId } from './location-repository';

/**
 * Booking rules, in core so every caller obeys them. Each runs inside the router's write
 * transaction, which begins IMMEDIATE: the check and the insert cannot interleave with another
 * desk's, so of two desks booking the same slot exactly one wins and the other is told why.
 */

/** Where and when an appointment would be: what the rules check. */
export interface Placement {
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

/** How refusals write times and dates: the clinic's zone and its people's formats. */
export type Wording = Pick<ClinicClock, 'timeZone' | 'dateFormat' | 'timeFormat'>;

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
export function datesOf(zone: string, placement: Pick<Placement, 'start' | 'end'>): string[] {
  const first = localParts(zone, placement.start).date;
  const last = localParts(zone, placement.end - 1).date;
  const dates = [first];
  while ((dates.at(-1) ?? last) < last) dates.push(addDays(dates.at(-1) ?? last, 1));
  return dates;
}

async function availabilityFor(
  db: ReadDb,
  zone: string,
  providerId: string,
  dates: string[],
): Promise<DayAvailability[]> {
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? first;
  const rules = await loadRules(db, [providerId], first, last);
  return dates.map((date) => providerDay(zone, date, providerId, rules));
}

/** Every reason the placement breaks a rule; empty when it may be booked. */
/** Every reason the placement breaks a rule; empty when it may be booked. */
export async function findProblems(db: ReadDb, wording: Wording, placement: Placement): Promise<BookingProblem[]> {
  const zone = wording.timeZone;
  const problems: BookingProblem[] = [];
  const date = localParts(zone, placement.start).date;
  const who = placement.provider.display_name;
  const range = { start: placement.start, end: placement.end, exceptId: placement.id };

  const providerClash = await firstBlockingOverlap(db, 'provider_id', placement.provider.id, range);
  if (providerClash) {
    problems.push({
      code: 'provider_busy',
      message: `${who} is already booked ${span(wording, date, { start: providerClash.start_at, end: providerClash.end_at })}.`,
    });
  }
  if (placement.roomId) {
    const roomClash = await firstBlockingOverlap(db, 'room_id', placement.roomId, range);
    if (roomClash) {
      problems.push({
        code: 'room_busy',
        message: `${placement.roomName ?? 'The room'} is in use ${span(wording, date, { start: roomClash.start_at, end: roomClash.end_at })}.`,
      });
    }
  }
  const patientClash = await firstBlockingOverlap(db, 'patient_id', placement.patientId, range);
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

export function refuse(problems: BookingProblem[]): never {
  throw new ApiError(
    'CONFLICT',
    `${problems.map((p) => p.message).join(' ')} To book it anyway, override with a reason.`,
    { problems },
  );
}

export function resolveStart(wording: Wording, start: LocalStartInput): number {
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
  db: ReadDb,
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
    (await anyTemplateLocation(db, provider.id)) ??
    (await onlyLocationId(db));
  if (!chosen)
    throw fieldError('locationId', `choose a location: ${provider.display_name} has no hours and no default location`);
  return { locationId: chosen, days };
}

export async function placementFor(
  db: ReadDb,
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
