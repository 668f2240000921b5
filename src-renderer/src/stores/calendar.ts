import type { ProviderWeek } from '../../../src-shared/api/areas/calendar';
import type { AppointmentTypeSummary, DaySchedule, ProviderSummary } from '../../../src-shared/api/areas/scheduling';
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
  loading: boolean;
  error: string | null;
  load: (date: string) => Promise<void>;
  loadWeek: (providerId: string, from: string) => Promise<void>;
  /** Loads the shown day or week again (after a booking here or an `appointments.changed` event). */
  refresh: () => Promise<void>;
  loadTypes: () => Promise<void>;
  loadProviders: () => Promise<void>;
}

let latest = 0;

/** The day on the calendar. Holds patient names, so it is wiped on lock and sign-out. */
export const useCalendar = createResettableStore<CalendarState>((set, get) => ({
  date: null,
  day: null,
  weekOf: null,
  week: null,
  types: [],
  providers: [],
  loading: false,
  error: null,
  async load(date) {
    const ticket = ++latest;
    const keep = get().day?.date === date;
    set({ date, weekOf: null, loading: true, ...(keep ? {} : { day: null }) });
    const result = await call('appointments.day', { date, providerIds: [], includeCancelled: false });
    // Days can be stepped through faster than they load: only the newest answer is shown.
    if (ticket !== latest) return;
    set(result.ok ? { day: result.value, loading: false, error: null } : { loading: false, error: result.error.message });
  },
  async loadWeek(providerId, from) {
    const ticket = ++latest;
    const shown = get().week;
    const keep = shown?.provider.id === providerId && shown.days[0]?.date === from;
    set({ weekOf: { providerId, from }, loading: true, ...(keep ? {} : { week: null }) });
    const result = await call('calendar.week', { providerId, from, days: 7 });
    if (ticket !== latest) return;
    set(result.ok ? { week: result.value, loading: false, error: null } : { loading: false, error: result.error.message });
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
}));
