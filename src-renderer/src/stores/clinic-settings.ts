import type { ClinicSettings } from '../../../src-shared/api/areas/settings';
import { call } from '../api';
import { BROWSER_CLOCK, type ClinicClock } from '../format/datetime';
import { createResettableStore } from './resettable';

interface ClinicSettingsState {
  settings: ClinicSettings | null;
  load: () => Promise<void>;
  /** After a save here or a `settings.changed` event from main. */
  set: (settings: ClinicSettings) => void;
}

/** The clinic's settings as the screens need them (date format, time zone), loaded once per sign-in. */
export const useClinicSettings = createResettableStore<ClinicSettingsState>((set, get) => ({
  settings: null,
  async load() {
    if (get().settings) return;
    const result = await call('settings.get', {});
    if (result.ok) set({ settings: result.value });
  },
  set(settings) {
    set({ settings });
  },
}));

/** How to show instants: the clinic's zone, date and time formats (the browser's until settings arrive). */
export function useClinicClock(): ClinicClock {
  const settings = useClinicSettings((state) => state.settings);
  return settings
    ? { timeZone: settings.timeZone, dateFormat: settings.dateFormat, timeFormat: settings.timeFormat }
    : BROWSER_CLOCK;
}
