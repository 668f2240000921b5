import type { CallListEntry, ReminderEntry, ReminderStatus } from '../../../src-shared/api/areas/reminders';
import { call } from '../api';
import { createResettableStore } from './resettable';

export type OutboxFilter = ReminderStatus | 'all';

interface RemindersState {
  filter: OutboxFilter;
  entries: ReminderEntry[];
  calls: CallListEntry[];
  loading: boolean;
  error: string | null;
  /** A reminder's own problem (Retry refused), shown on its row. */
  rowErrors: Record<string, string>;
  load: (filter?: OutboxFilter) => Promise<void>;
  retry: (id: string) => Promise<void>;
}

let latest = 0;

/** The outbox and the call list. They hold patient names, so they are wiped on lock and sign-out. */
export const useReminders = createResettableStore<RemindersState>((set, get) => ({
  filter: 'all',
  entries: [],
  calls: [],
  loading: false,
  error: null,
  rowErrors: {},
  async load(filter = get().filter) {
    const ticket = ++latest;
    set({ filter, loading: true });
    const [due, calls] = await Promise.all([call('reminders.due', { status: filter }), call('reminders.callList', {})]);
    // An event can arrive while a load is on its way: only the newest answer is shown.
    if (ticket !== latest) return;
    if (!due.ok || !calls.ok) {
      set({ loading: false, error: (!due.ok ? due.error : !calls.ok ? calls.error : null)?.message ?? null });
      return;
    }
    set({ entries: due.value, calls: calls.value, loading: false, error: null });
  },
  async retry(id) {
    const result = await call('reminders.retry', { id });
    if (!result.ok) {
      set({ rowErrors: { ...get().rowErrors, [id]: result.error.message } });
      return;
    }
    const rest = Object.fromEntries(Object.entries(get().rowErrors).filter(([key]) => key !== id));
    set({ rowErrors: rest, entries: get().entries.map((entry) => (entry.id === id ? result.value : entry)) });
  },
}));
