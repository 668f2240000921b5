import type { ProviderWeek } from '../../../src-shared/api/areas/calendar';
import type {
  AppointmentTypeSummary,
  DaySchedule,
  ProviderSummary,
  RoomSummary,
} from '../../../src-shared/scheduling/model';
import { addDays } from '../../../src-shared/scheduling/time';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface CalendarState {
  /** The date shown (YYYY-MM-DD in the clinic's zone); null until the screen picks one. */
  date: string | null;
  day: DaySchedule | null;
  /** The week view's provider and first date, when the week view is open (else null). */
  weekOf: { providerId: string; from: string } | null;
  week: ProviderWeek | null;
  types: AppointmentTypeSummary[];
  /** Every provider, for moving an appointment to another (and the week view's chooser). */
  providers: ProviderSummary[];
  /** Every room, for the room week's chooser. */
  rooms: RoomSummary[];
  loading: boolean;
  error: string | null;
  /**
   * Days read lately (the shown one and its neighbours, fetched ahead once a day is shown): opening
   * one shows it at once and reads it again behind (stale-while-revalidate). `forgetDays` drops the
   * dates an `appointments.changed` event names; entries older than CACHE_MS are not shown.
   */
  cached: Readonly<Record<string, { day: DaySchedule; at: number }>>;
  load: (date: string) => Promise<void>;
  /** Reads the days before and after `date` into `cached` unless they are there and fresh. */
  prefetchAround: (date: string) => Promise<void>;
  /** Drops these dates from `cached` (all when none are given). */
  forgetDays: (dates?: readonly string[]) => void;
  loadWeek: (providerId: string, from: string) => Promise<void>;
  /** Loads the shown day or week again (after a booking here or an `appointments.changed` event). */
  refresh: () => Promise<void>;
  loadTypes: () => Promise<void>;
  loadProviders: () => Promise<void>;
  loadRooms: () => Promise<void>;
  /**
   * The scheduling set-up changed (a `schedule.changed` event: hours, time off, holidays, providers,
   * types): any cached day may be wrong, so all are forgotten and the shown day or week is read again.
   */
  scheduleChanged: () => Promise<void>;
}

let latest = 0;
/** Bumped whenever cached days are forgotten: a read that started before is not cached. */
let forgets = 0;

/** A cached day is shown (and read again behind) only this long after it was read. */
const CACHE_MS = 120_000;
/** Neighbours read ahead less than this long ago are not read again. */
const PREFETCH_FRESH_MS = 30_000;
const CACHE_DAYS = 5;
/** A day shown from the cache is read again this long after (its paint goes first). */
const REVALIDATE_DELAY_MS = 200;

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

/** The cached day for `date` if it may be shown (read less than CACHE_MS before `now`). */
export function cachedDay(cached: CalendarState['cached'], date: string, now: number): DaySchedule | null {
  const entry = cached[date];
  return entry && now - entry.at < CACHE_MS ? entry.day : null;
}

function withDay(cached: CalendarState['cached'], day: DaySchedule, at: number): CalendarState['cached'] {
  // Oldest first (insertion order): keep the newest few.
  const others = Object.entries(cached).filter(([date]) => date !== day.date);
  return Object.fromEntries([...others.slice(Math.max(0, others.length - (CACHE_DAYS - 1))), [day.date, { day, at }]]);
}

/** The day on the calendar. Holds patient names, so it is wiped on lock and sign-out. */
export const useCalendar = createResettableStore<CalendarState>((set, get) => ({
  date: null,
  day: null,
  weekOf: null,
  week: null,
  types: [],
  providers: [],
  rooms: [],
  loading: false,
  error: null,
  cached: {},
  async load(date) {
    const ticket = ++latest;
    const epoch = forgets;
    const shown = get().day;
    const fromCache = shown?.date === date ? null : cachedDay(get().cached, date, Date.now());
    set({ date, weekOf: null, loading: true, day: shown?.date === date ? shown : fromCache });
    if (fromCache) {
      // Shown from the cache: read it again once the browser has painted it, not while it paints.
      await new Promise((resolve) => setTimeout(resolve, REVALIDATE_DELAY_MS));
      if (ticket !== latest) return;
    }
    const result = await call('appointments.day', { date, providerIds: [], includeCancelled: false });
    // Days can be stepped through faster than they load: only the newest answer is shown.
    if (ticket !== latest) return;
    if (!result.ok) {
      set({ loading: false, error: result.error.message });
      return;
    }
    const day = keepUnchanged(get().day, result.value);
    set({
      day,
      loading: false,
      error: null,
      ...(epoch === forgets && { cached: withDay(get().cached, day, Date.now()) }),
    });
  },
  async prefetchAround(date) {
    const epoch = forgets;
    const stale = [addDays(date, -1), addDays(date, 1)].filter((near) => {
      const entry = get().cached[near];
      return !entry || Date.now() - entry.at > PREFETCH_FRESH_MS;
    });
    for (const near of stale) {
      const result = await call('appointments.day', { date: near, providerIds: [], includeCancelled: false });
      // A change announced meanwhile may not be in this answer; signed out meanwhile, nothing is kept.
      if (!result.ok || epoch !== forgets || get().date === null) return;
      set({ cached: withDay(get().cached, result.value, Date.now()) });
    }
  },
  forgetDays(dates) {
    forgets += 1;
    if (!dates) {
      set({ cached: {} });
      return;
    }
    set({ cached: Object.fromEntries(Object.entries(get().cached).filter(([date]) => !dates.includes(date))) });
  },
  async loadWeek(providerId, from) {
    const ticket = ++latest;
    const shown = get().week;
    const keep = shown?.provider.id === providerId && shown.days[0]?.date === from;
    set({ weekOf: { providerId, from }, loading: true, ...(keep ? {} : { week: null }) });
    const result = await call('calendar.week', { providerId, from, days: 7 });
    if (ticket !== latest) return;
    set(
      result.ok ? { week: result.value, loading: false, error: null } : { loading: false, error: result.error.message },
    );
  },
  async refresh() {
    const { date, weekOf, load, loadWeek } = get();
    if (weekOf) await loadWeek(weekOf.providerId, weekOf.from);
    else if (date) await load(date);
  },
  async loadTypes() {
    const result = await call('schedule.listTypes', {});
    if (result.ok) set({ types: result.value });
  },
  async loadProviders() {
    const result = await call('schedule.listProviders', {});
    if (result.ok) set({ providers: result.value });
  },
  async loadRooms() {
    const result = await call('schedule.listRooms', {});
    if (result.ok) set({ rooms: result.value });
  },
  async scheduleChanged() {
    const { forgetDays, refresh, loadProviders, loadTypes, loadRooms } = get();
    forgetDays();
    await Promise.all([refresh(), loadProviders(), loadTypes(), loadRooms()]);
  },
}));
