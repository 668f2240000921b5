import type { WaitlistEntryView } from '../../../src-shared/api/areas/waitlist';
import type { AppointmentTypeSummary, ProviderSummary } from '../../../src-shared/scheduling/model';
import type { ApiErrorData } from '../../../src-shared/api/errors';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface WaitlistState {
  /** Waiting entries, most urgent first, then longest waiting (main's order). */
  entries: WaitlistEntryView[];
  types: AppointmentTypeSummary[];
  providers: ProviderSummary[];
  loaded: boolean;
  error: ApiErrorData | null;
  load: () => Promise<void>;
}

export const useWaitlist = createResettableStore<WaitlistState>((set) => ({
  entries: [],
  types: [],
  providers: [],
  loaded: false,
  error: null,
  async load() {
    const [entries, types, providers] = await Promise.all([
      call('waitlist.list', { status: 'waiting' }),
      call('schedule.listTypes', {}),
      call('schedule.listProviders', {}),
    ]);
    if (!entries.ok) return set({ error: entries.error });
    set({
      entries: entries.value,
      types: types.ok ? types.value : [],
      providers: providers.ok ? providers.value : [],
      loaded: true,
      error: null,
    });
  },
}));
