import type {
  MonthDay,
  MonthOverview,
  ProviderDay,
  ProviderWeek,
  RoomWeek,
} from '../../../src-shared/api/areas/calendar';
import { fieldError } from '../../../src-shared/api/errors';
import { providerDay } from '../../../src-shared/scheduling/availability';
import { lastOfMonth } from '../../../src-shared/scheduling/calendar-dates';
import { addDays, daysBetween, localDayBounds } from '../../../src-shared/scheduling/time';
import { startsBetween } from './appointment-repository';
import { appointmentsOverlapping } from './appointment-views';
import { activeProviders, clinicClock, loadRules, requireLocation, requireRoom, toProvider, toRoom } from './config';
import { listHolidays } from './time-off';
import type { ReadDb } from '../db/handles';

/**
 * One provider's consecutive days for the week view: each day's bookable time, time off, holidays
 * and appointments (not cancelled). One read of the rules and one of the appointments for the whole
 * range, then split per local date; an appointment that crosses midnight is in both days.
 */
export async function providerWeek(
  db: ReadDb,
  input: { providerId: string; from: string; days: number },
): Promise<ProviderWeek> {
  const { timeZone: zone } = await clinicClock(db);
  const provider = (await activeProviders(db)).find((p) => p.id === input.providerId);
  if (!provider) throw fieldError('providerId', 'no such provider');
  const dates = Array.from({ length: input.days }, (_, offset) => addDays(input.from, offset));
  const last = dates.at(-1) ?? input.from;
  const bounds = dates.map((date) => localDayBounds(zone, date));
  const [rules, appointments] = await Promise.all([
    loadRules(db, [provider.id], input.from, last),
    appointmentsOverlapping(db, zone, {
      providerIds: [provider.id],
      from: bounds[0]?.start ?? 0,
      to: bounds.at(-1)?.end ?? 0,
      includeCancelled: false,
    }),
  ]);
  const days = dates.map((date, index): ProviderDay => {
    const { start, end } = bounds[index] ?? localDayBounds(zone, date);
    const day = providerDay(zone, date, provider.id, rules);
    return {
      date,
      dayStart: start,
      dayEnd: end,
      holidays: rules.holidays
        .filter((h) => h.date === date)
        .map((h) => ({ id: h.id, date: h.date, name: h.name, locationId: h.locationId })),
      availability: day.intervals,
      timeOff: day.timeOff.flatMap((t) =>
        t.removed.map((i) => ({ start: i.start, end: i.end, reason: t.rule.reason })),
      ),
      appointments: appointments.filter((a) => a.start < end && a.end > start),
    };
  });
  return { timeZone: zone, provider: toProvider(provider), days };
}

/**
 * One room's consecutive days: every appointment booked in it (not cancelled), whichever provider,
 * and the holidays of the whole clinic or of the room's location. Rooms have no hours of their own.
 */
export async function roomWeek(db: ReadDb, input: { roomId: string; from: string; days: number }): Promise<RoomWeek> {
  const { timeZone: zone } = await clinicClock(db);
  const room = await requireRoom(db, input.roomId);
  const location = await requireLocation(db, room.location_id);
  const dates = Array.from({ length: input.days }, (_, offset) => addDays(input.from, offset));
  const bounds = dates.map((date) => localDayBounds(zone, date));
  const [appointments, holidays] = await Promise.all([
    appointmentsOverlapping(db, zone, {
      roomId: room.id,
      from: bounds[0]?.start ?? 0,
      to: bounds.at(-1)?.end ?? 0,
      includeCancelled: false,
    }),
    listHolidays(db, { from: input.from, to: dates.at(-1) ?? input.from }),
  ]);
  const closing = holidays.filter((holiday) => holiday.locationId === null || holiday.locationId === room.location_id);
  return {
    timeZone: zone,
    room: { ...toRoom(room), locationName: location.name },
    days: dates.map((date, index) => {
      const { start, end } = bounds[index] ?? localDayBounds(zone, date);
      return {
        date,
        dayStart: start,
        dayEnd: end,
        holidays: closing.filter((h) => h.date === date),
        appointments: appointments.filter((a) => a.start < end && a.end > start),
      };
    }),
  };
}

/**
 * Per local date of a month: how many appointments start that day (not cancelled), by status, and
 * the clinic's holidays. Counted in SQL over each day's instants, so a 23- or 25-hour day counts right.
 */
export async function monthOverview(
  db: ReadDb,
  input: { month: string; providerIds: string[] },
): Promise<MonthOverview> {
  const { timeZone: zone } = await clinicClock(db);
  const first = `${input.month}-01`;
  const last = lastOfMonth(first);
  const dates = Array.from({ length: daysBetween(first, last) + 1 }, (_, offset) => addDays(first, offset));
  const starts = dates.map((date) => localDayBounds(zone, date).start);
  const end = localDayBounds(zone, last).end;
  if (input.providerIds.length > 0) {
    const known = new Set((await activeProviders(db)).map((p) => p.id));
    input.providerIds.forEach((id, index) => {
      if (!known.has(id)) throw fieldError(`providerIds.${index}`, 'no such provider');
    });
  }
  const rows = await startsBetween(db, starts[0] ?? 0, end, input.providerIds);
  const holidays = await listHolidays(db, { from: first, to: last });
  const days = dates.map((date): MonthDay => ({
    date,
    appointments: 0,
    byStatus: {},
    holidays: holidays.filter((h) => h.date === date).map((h) => h.name),
  }));
  for (const row of rows) {
    // The last day whose first instant is at or before the start.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= row.start_at) low = middle;
      else high = middle - 1;
    }
    const day = days[low];
    if (!day) continue;
    day.appointments += 1;
    day.byStatus[row.status] = (day.byStatus[row.status] ?? 0) + 1;
  }
  return { month: input.month, timeZone: zone, days };
}
