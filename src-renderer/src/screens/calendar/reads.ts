import { useEffect } from 'react';
import type { Input } from '../../../../src-shared/api/contract';
import type {
  AppointmentTypeSummary,
  DaySchedule,
  ProviderSummary,
  RoomSummary,
} from '../../../../src-shared/scheduling/model';
import { addDays } from '../../../../src-shared/scheduling/time';
import { bridge } from '../../api';
import { createReadCache, prefetchRead } from '../../hooks/read-cache';
import { useProcedure } from '../../hooks/useProcedure';

/**
 * Days read lately (the shown one and its neighbours, read ahead once a day is shown): opening one draws
 * it at once and reads it again behind. Entries older than two minutes are not shown.
 */
export const calendarDays = createReadCache({ size: 5, maxAgeMs: 120_000, revalidateDelayMs: 200 });
/** The providers, rooms and types every calendar view needs: drawn at once on the next view, read again. */
const calendarLists = createReadCache({ size: 3, maxAgeMs: Number.POSITIVE_INFINITY });

/** After a day is shown, how long before its neighbours are read ahead (the paint goes first). */
const PREFETCH_DELAY_MS = 150;
/** Neighbours read ahead less than this long ago are not read again. */
const PREFETCH_FRESH_MS = 30_000;

const dayInput = (date: string): Input<'appointments.day'> => ({ date, providerIds: [], includeCancelled: false });

/** Equal plain JSON values (what a procedure answers). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!(key in right) || !sameJson(left[key], right[key])) return false;
  return true;
}

/**
 * The fresh answer, keeping the shown objects where nothing changed: an unchanged provider keeps
 * its column object (so its memoised column is not drawn again), an unchanged day the day object.
 */
export function keepUnchanged(shown: DaySchedule | null, fresh: DaySchedule): DaySchedule {
  if (!shown || shown.date !== fresh.date) return fresh;
  const before = new Map(shown.providers.map((column) => [column.provider.id, column]));
  let changed = shown.providers.length !== fresh.providers.length;
  const providers = fresh.providers.map((column, index) => {
    const old = before.get(column.provider.id);
    if (old && sameJson(old, column)) {
      if (shown.providers[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return column;
  });
  if (!changed && sameJson({ ...shown, providers: null }, { ...fresh, providers: null })) return shown;
  return { ...fresh, providers };
}

const onSetupChange = { refreshOn: { 'schedule.changed': true as const }, cache: calendarLists };

/** Types, providers and rooms for the calendar's views and panels, re-read on `schedule.changed`. */
export function useCalendarLists(): {
  types: AppointmentTypeSummary[];
  providers: ProviderSummary[];
  rooms: RoomSummary[];
} {
  const types = useProcedure('schedule.listTypes', {}, onSetupChange).value ?? [];
  const providers = useProcedure('schedule.listProviders', {}, onSetupChange).value ?? [];
  const rooms = useProcedure('schedule.listRooms', {}, onSetupChange).value ?? [];
  return { types, providers, rooms };
}

/**
 * The calendar's day (`date`, unless a provider's week is open) or a provider's week from `date`, both
 * through `useProcedure`: started before the paint, re-read on the pushed events that touch them. The day
 * goes through `calendarDays`: a day read ahead is drawn in the render that asks for it; once a day is
 * answered its neighbours are read ahead. `appointments.changed` forgets the days it names,
 * `schedule.changed` (hours, holidays, providers...) all of them, and leaving the calendar every one
 * (no event is watched elsewhere).
 */
export function useCalendarReads(date: string, weekProvider: string | null) {
  useEffect(() => {
    const offDays = bridge.on('appointments.changed', ({ dates }) =>
      calendarDays.forget((input) => dates.includes((input as Input<'appointments.day'>).date)),
    );
    const offSetup = bridge.on('schedule.changed', () => calendarDays.forget());
    return () => {
      offDays();
      offSetup();
      calendarDays.forget();
    };
  }, []);

  const weekDates = Array.from({ length: 7 }, (_, offset) => addDays(date, offset));
  const day = useProcedure('appointments.day', weekProvider ? null : dayInput(date), {
    cache: calendarDays,
    keep: keepUnchanged,
    beforePaint: true,
    refreshOn: { 'appointments.changed': ({ dates }) => dates.includes(date), 'schedule.changed': true },
  });
  const week = useProcedure('calendar.week', weekProvider ? { providerId: weekProvider, from: date, days: 7 } : null, {
    beforePaint: true,
    refreshOn: {
      'appointments.changed': ({ dates }) => dates.some((changed) => weekDates.includes(changed)),
      'schedule.changed': true,
    },
  });

  // Once the day is answered (and after every re-read), the days either side are read into the cache.
  const settled = day.answered && !day.loading;
  useEffect(() => {
    if (weekProvider || !settled) return;
    const ahead = setTimeout(() => {
      void (async () => {
        for (const near of [addDays(date, -1), addDays(date, 1)]) {
          await prefetchRead(calendarDays, 'appointments.day', dayInput(near), { freshMs: PREFETCH_FRESH_MS });
        }
      })();
    }, PREFETCH_DELAY_MS);
    return () => clearTimeout(ahead);
  }, [date, weekProvider, settled]);

  const shown = weekProvider ? week : day;
  return {
    day: weekProvider ? null : day.value,
    week: weekProvider ? week.value : null,
    loading: shown.loading,
    error: shown.error?.message ?? null,
    /** Reads the shown day or week again (after a change made here); settles once it is shown. */
    refresh: shown.readAgain,
  };
}
