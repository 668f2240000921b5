import type {
  AppointmentTypeSummary,
  ExceptionSummary,
  HolidaySummary,
  LocationSummary,
  ProviderSummary,
  RoomSummary,
  StaffMember,
  TemplateSummary,
} from '../../../src-shared/scheduling/model';
import type { ApiErrorData } from '../../../src-shared/api/errors';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface SchedulingSetupState {
  locations: LocationSummary[];
  rooms: RoomSummary[];
  providers: ProviderSummary[];
  /** Staff accounts a provider can sign in with. */
  staff: StaffMember[];
  types: AppointmentTypeSummary[];
  /** Every provider's weekly hours. */
  templates: TemplateSummary[];
  /** Time off and extra hours from `from` on. */
  exceptions: ExceptionSummary[];
  /** Clinic holidays from `from` on. */
  holidays: HolidaySummary[];
  /** The provider the weekly hours and time off sections show (shared, so switching section keeps it). */
  providerId: string;
  /** Today on the clinic's clock when last loaded: exceptions and holidays are listed from then on. */
  from: string;
  loaded: boolean;
  error: ApiErrorData | null;
  /** Reads the whole set-up; `from` is today's date on the clinic's clock. */
  load: (from: string) => Promise<void>;
  /** After a change here, or one announced by `schedule.changed` (another manager's): the same again. */
  reload: () => Promise<void>;
  chooseProvider: (providerId: string) => void;
}

/** Bumped by every load: answers to an older one (overtaken by a change announced meanwhile) are dropped. */
let latest = 0;

/** What the Scheduling set-up screen lists. Small (a clinic has a handful of each), so every change reloads it all. */
export const useSchedulingSetup = createResettableStore<SchedulingSetupState>((set, get) => ({
  locations: [],
  rooms: [],
  providers: [],
  staff: [],
  types: [],
  templates: [],
  exceptions: [],
  holidays: [],
  providerId: '',
  from: '',
  loaded: false,
  error: null,
  async load(from) {
    const ticket = ++latest;
    const [locations, rooms, providers, staff, types, templates, exceptions, holidays] = await Promise.all([
      call('schedule.listLocations', {}),
      call('schedule.listRooms', {}),
      call('schedule.listProviders', {}),
      call('schedule.listStaff', {}),
      call('schedule.listTypes', {}),
      call('schedule.listTemplates', {}),
      call('schedule.listExceptions', { from }),
      call('schedule.listHolidays', { from }),
    ]);
    if (ticket !== latest) return;
    if (
      !locations.ok ||
      !rooms.ok ||
      !providers.ok ||
      !staff.ok ||
      !types.ok ||
      !templates.ok ||
      !exceptions.ok ||
      !holidays.ok
    ) {
      const failed = [locations, rooms, providers, staff, types, templates, exceptions, holidays].find(
        (answer) => !answer.ok,
      );
      return set({ error: failed && !failed.ok ? failed.error : null });
    }
    const chosen = get().providerId;
    set({
      locations: locations.value,
      rooms: rooms.value,
      providers: providers.value,
      staff: staff.value,
      types: types.value,
      templates: templates.value,
      exceptions: exceptions.value,
      holidays: holidays.value,
      providerId: providers.value.some((p) => p.id === chosen) ? chosen : (providers.value[0]?.id ?? ''),
      from,
      loaded: true,
      error: null,
    });
  },
  reload() {
    return get().load(get().from);
  },
  chooseProvider(providerId) {
    set({ providerId });
  },
}));
