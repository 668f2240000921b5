import type { ClinicSettings } from '../../../src-shared/api/areas/settings';
import { BROWSER_CLOCK, type ClinicClock } from '../format/datetime';
import { createResettableStore } from './resettable';

interface ClinicSettingsState {
  settings: ClinicSettings | null;
  /** After the app frame's read, a save here, or a `settings.changed` event from main. */
  set: (settings: ClinicSettings) => void;
}

/**
 * The clinic's settings as every screen needs them (date format, time zone). The app frame reads them
 * (`useProcedure`) once per sign-in and shares them here; this store never reads by itself.
 */
export const useClinicSettings = createResettableStore<ClinicSettingsState>((set) => ({
  settings: null,
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
