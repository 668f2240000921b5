import { createContext, useContext, type ReactNode } from 'react';
import type {
  AppointmentTypeSummary,
  ExceptionSummary,
  HolidaySummary,
  LocationSummary,
  ProviderSummary,
  RoomSummary,
  StaffMember,
  TemplateSummary,
} from '../../../../src-shared/scheduling/model';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { useProcedure, type RefreshOn } from '../../hooks/useProcedure';
import { useSetupChoice } from '../../stores/scheduling-setup';

/** What the Scheduling set-up screen lists, all read at once; the sections pick from it. */
export interface SetupLists {
  locations: LocationSummary[];
  rooms: RoomSummary[];
  providers: ProviderSummary[];
  /** Staff accounts a provider can sign in with. */
  staff: StaffMember[];
  types: AppointmentTypeSummary[];
  /** Every provider's weekly hours. */
  templates: TemplateSummary[];
  /** Time off and extra hours from today on. */
  exceptions: ExceptionSummary[];
  /** Clinic holidays from today on. */
  holidays: HolidaySummary[];
  /** The provider the weekly hours and time off sections show: the one chosen, or the first. */
  providerId: string;
  /** After a change here: read every list again (another manager's arrives as `schedule.changed`). */
  reload: () => void;
}

// Every list is small (a clinic has a handful of each), so any set-up change reads them all again.
const REFRESH: RefreshOn = { 'schedule.changed': true };

/** Reads the whole set-up; `from` is today's date on the clinic's clock. Null until every list has answered. */
export function useSetupReads(from: string): { lists: SetupLists | null; error: ApiErrorData | null } {
  const options = { refreshOn: REFRESH };
  const locations = useProcedure('schedule.listLocations', {}, options);
  const rooms = useProcedure('schedule.listRooms', {}, options);
  const providers = useProcedure('schedule.listProviders', {}, options);
  const staff = useProcedure('schedule.listStaff', {}, options);
  const types = useProcedure('schedule.listTypes', {}, options);
  const templates = useProcedure('schedule.listTemplates', {}, options);
  const exceptions = useProcedure('schedule.listExceptions', { from }, options);
  const holidays = useProcedure('schedule.listHolidays', { from }, options);
  const chosen = useSetupChoice((state) => state.providerId);
  const reads = [locations, rooms, providers, staff, types, templates, exceptions, holidays];
  const error = reads.find((read) => read.error)?.error ?? null;
  if (
    !locations.value ||
    !rooms.value ||
    !providers.value ||
    !staff.value ||
    !types.value ||
    !templates.value ||
    !exceptions.value ||
    !holidays.value
  )
    return { lists: null, error };
  return {
    lists: {
      locations: locations.value,
      rooms: rooms.value,
      providers: providers.value,
      staff: staff.value,
      types: types.value,
      templates: templates.value,
      exceptions: exceptions.value,
      holidays: holidays.value,
      providerId: providers.value.some((p) => p.id === chosen) ? chosen : (providers.value[0]?.id ?? ''),
      reload: () => {
        for (const read of reads) read.reload();
      },
    },
    error,
  };
}

const SetupContext = createContext<SetupLists | null>(null);

export function SetupListsProvider({ lists, children }: { lists: SetupLists; children: ReactNode }) {
  return <SetupContext.Provider value={lists}>{children}</SetupContext.Provider>;
}

/** A section's pick from the set-up lists its screen has read. */
export function useSetupLists<T>(select: (lists: SetupLists) => T): T {
  const lists = useContext(SetupContext);
  if (!lists) throw new Error('useSetupLists outside the Scheduling set-up screen');
  return select(lists);
}
