import type { NextAvailableInput } from '../../../src-shared/api/areas/appointments';
import type { PartOfDay } from '../../../src-shared/scheduling/fields';
import type { AppointmentView, DaySchedule, ProviderDaySchedule, Slot } from '../../../src-shared/scheduling/model';
import { fieldError } from '../../../src-shared/api/errors';
import { providerDay, rulesByProvider } from '../../../src-shared/scheduling/availability';
import { mergeIntervals, type Interval } from '../../../src-shared/scheduling/intervals';
import { slotsIn, type FoundSlot } from '../../../src-shared/scheduling/slots';
import {
  addDays,
  daysBetween,
  localDayBounds,
  localParts,
  localTimeOf,
  MINUTE_MS,
  wallRangeToInstants,
} from '../../../src-shared/scheduling/time';
import type { ProviderRow } from '../db/schema';
import { findPatientLiveness } from '../patients/repository';
import { blockingOverlaps } from './appointment-repository';
import { allLocationNames } from './location-repository';
import { appointmentsOverlapping } from './appointment-views';
import { activeProviders, clinicClock, loadRules, requireRoom, requireType, toProvider } from './config';
import type { ReadDb } from '../db/handles';

/** The providers asked for, in the order asked; none asked: every provider, by name. */
async function chooseProviders(db: ReadDb, ids: readonly string[]): Promise<ProviderRow[]> {
  const all = await activeProviders(db);
  if (ids.length === 0) return all;
  const byId = new Map(all.map((p) => [p.id, p]));
  return [...new Set(ids)].map((id, index) => {
    const provider = byId.get(id);
    if (!provider) throw fieldError(`providerIds.${index}`, 'no such provider');
    return provider;
  });
}

/** Everything a day view needs for a set of providers: availability to shade, time off, appointments. */
export async function daySchedule(
  db: ReadDb,
  input: { date: string; providerIds: string[]; locationId?: string; includeCancelled: boolean },
): Promise<DaySchedule> {
  const { timeZone: zone } = await clinicClock(db);
  const providers = await chooseProviders(db, input.providerIds);
  const bounds = localDayBounds(zone, input.date);
  const ids = providers.map((p) => p.id);
  const [rules, appointments] = await Promise.all([
    loadRules(db, ids, input.date, input.date),
    appointmentsOverlapping(db, zone, {
      providerIds: ids,
      from: bounds.start,
      to: bounds.end,
      includeCancelled: input.includeCancelled,
    }),
  ]);
  const holidays = rules.holidays
    .filter((h) => input.locationId === undefined || h.locationId === null || h.locationId === input.locationId)
    .map((h) => ({ id: h.id, date: h.date, name: h.name, locationId: h.locationId }));
  const ruleSets = rulesByProvider(rules, ids);
  const byProvider = new Map<string, AppointmentView[]>(ids.map((id) => [id, []]));
  for (const appointment of appointments) {
    if (input.locationId === undefined || appointment.locationId === input.locationId)
      byProvider.get(appointment.providerId)?.push(appointment);
  }
  const columns = providers.map((provider): ProviderDaySchedule => {
    const day = providerDay(zone, input.date, provider.id, ruleSets.get(provider.id) ?? rules);
    return {
      provider: toProvider(provider),
      availability: day.intervals.filter((i) => input.locationId === undefined || i.locationId === input.locationId),
      timeOff: day.timeOff.flatMap((t) =>
        t.removed.map((i) => ({ start: i.start, end: i.end, reason: t.rule.reason })),
      ),
      appointments: byProvider.get(provider.id) ?? [],
    };
  });
  return { date: input.date, timeZone: zone, dayStart: bounds.start, dayEnd: bounds.end, holidays, providers: columns };
}

/** Wall-clock start windows for a part of the day (by the slot's start). */
export const PART_OF_DAY_MINUTES: Record<Exclude<PartOfDay, 'any'>, [number, number]> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
};

async function busyByProvider(
  db: ReadDb,
  providerIds: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, Interval[]>> {
  const rows =
    providerIds.length === 0 ? [] : await blockingOverlaps(db, 'provider_id', providerIds, from, to).execute();
  const busy = new Map<string, Interval[]>();
  for (const row of rows) {
    const list = busy.get(row.provider_id);
    if (list) list.push({ start: row.start_at, end: row.end_at });
    else busy.set(row.provider_id, [{ start: row.start_at, end: row.end_at }]);
  }
  return busy;
}

async function requirePatient(db: ReadDb, patientId: string): Promise<void> {
  const patient = await findPatientLiveness(db, patientId);
  if (!patient || patient.deleted_at !== null) throw fieldError('patientId', 'no such patient');
}

/** When the patient (their own other bookings) or the room is taken; nothing when none is asked for. */
async function busyOf(
  db: ReadDb,
  column: 'patient_id' | 'room_id',
  id: string | undefined,
  from: number,
  to: number,
): Promise<Interval[]> {
  if (!id) return [];
  const rows = await blockingOverlaps(db, column, [id], from, to).execute();
  return rows.map((row) => ({ start: row.start_at, end: row.end_at }));
}

/**
 * The first `limit` free slots, earliest first (ties: providers in the order asked, or by name when
 * any provider will do; then location name), for
 * an appointment type between two local dates. Walks the dates in order and stops after the first
 * date that completes the list: availability on a local date lies within that date, so no later
 * date can hold an earlier slot.
 */
export async function nextAvailable(db: ReadDb, input: NextAvailableInput, now: number): Promise<Slot[]> {
  const { timeZone: zone } = await clinicClock(db);
  const type = await requireType(db, input.typeId);
  let providers = await chooseProviders(db, input.providerIds);
  if (type.providerIds.length > 0) providers = providers.filter((p) => type.providerIds.includes(p.id));
  if (providers.length === 0) {
    throw fieldError('providerIds', `none of these providers sees ${type.row.name} appointments`);
  }
  const ids = providers.map((p) => p.id);
  const rank = new Map(ids.map((id, index) => [id, index]));
  const room = input.roomId ? await requireRoom(db, input.roomId) : null;
  if (room && input.locationId && room.location_id !== input.locationId)
    throw fieldError('roomId', `${room.name} is not at that location`);
  const locationId = room?.location_id ?? input.locationId;
  if (input.patientId) await requirePatient(db, input.patientId);
  const [rules, locations] = await Promise.all([loadRules(db, ids, input.from, input.to), allLocationNames(db)]);
  const ruleSets = rulesByProvider(rules, ids);
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const durationMs = (input.durationMinutes ?? type.row.duration_minutes) * MINUTE_MS;
  const window = input.partOfDay === 'any' ? null : PART_OF_DAY_MINUTES[input.partOfDay];

  const found: (FoundSlot & { providerId: string })[] = [];
  const days = daysBetween(input.from, input.to);
  // Bookings are read a stretch of dates at a time, doubling from one day: the first free slots are
  // usually within days, and eight weeks of a busy clinic's bookings cost more to read than to search.
  for (let first = 0, size = 1; first <= days && found.length < input.limit; first += size, size *= 2) {
    const last = Math.min(days, first + size - 1);
    const stretchEnd = localDayBounds(zone, addDays(input.from, last)).end;
    if (stretchEnd <= now) continue;
    const stretchStart = localDayBounds(zone, addDays(input.from, first)).start;
    const [busy, ownBusy, roomBusy] = await Promise.all([
      busyByProvider(db, ids, stretchStart, stretchEnd),
      busyOf(db, 'patient_id', input.patientId, stretchStart, stretchEnd),
      busyOf(db, 'room_id', room?.id, stretchStart, stretchEnd),
    ]);
    const blocked = new Map(ids.map((id) => [id, mergeIntervals([...(busy.get(id) ?? []), ...ownBusy, ...roomBusy])]));
    for (let offset = first; offset <= last && found.length < input.limit; offset += 1) {
      const date = addDays(input.from, offset);
      if (localDayBounds(zone, date).end <= now) continue;
      const startWindows = window ? wallRangeToInstants(zone, date, window[0], window[1]) : null;
      const today: (FoundSlot & { providerId: string })[] = [];
      for (const provider of providers) {
        const day = providerDay(zone, date, provider.id, ruleSets.get(provider.id) ?? rules);
        const stretches = locationId ? day.intervals.filter((i) => i.locationId === locationId) : day.intervals;
        const slots = slotsIn(stretches, blocked.get(provider.id) ?? [], {
          durationMs,
          stepMs: input.stepMinutes * MINUTE_MS,
          notBefore: now,
          startWindows,
          limit: input.limit,
        });
        for (const slot of slots) today.push({ ...slot, providerId: provider.id });
      }
      today.sort(
        (a, b) =>
          a.start - b.start ||
          (rank.get(a.providerId) ?? 0) - (rank.get(b.providerId) ?? 0) ||
          (locationName.get(a.locationId) ?? '').localeCompare(locationName.get(b.locationId) ?? ''),
      );
      found.push(...today.slice(0, input.limit - found.length));
    }
  }
  const names = new Map(providers.map((p) => [p.id, p.display_name]));
  return found.map((slot) => {
    const local = localParts(zone, slot.start);
    return {
      providerId: slot.providerId,
      providerName: names.get(slot.providerId) ?? '',
      locationId: slot.locationId,
      locationName: locationName.get(slot.locationId) ?? '',
      start: slot.start,
      end: slot.end,
      date: local.date,
      time: localTimeOf(zone, slot.start),
      offsetMinutes: local.offsetMinutes,
    };
  });
}
