import type { ProviderWeek, RoomWeek } from '../../../../src-shared/api/areas/calendar';
import type {
  AppointmentView,
  AvailabilityInterval,
  DaySchedule,
  ProviderDaySchedule,
} from '../../../../src-shared/scheduling/model';
import { dateLabel, shortDateLabel } from './format';
import { calendarHref, weekOf } from './route';
import { i18next } from '../../i18n';

/**
 * One column of the time grid: a provider on a date. The day view has a column per provider, the
 * week view a column per date of one provider; the grid, dragging and booking do not care which.
 */
export interface GridColumn {
  key: string;
  providerId: string;
  date: string;
  /** The header and the column's accessible name ('Dr Amara Okafor', 'Wednesday 10 March'). */
  label: string;
  sublabel: string | null;
  colour: string | null;
  /** Who and when an empty slot books, for its accessible name: 'Book <bookLabel> at 10:00'. */
  bookLabel: string;
  /** Small links in the header: to this provider's week, the day, the printable day sheet. */
  links: { text: string; href: string; label: string }[];
  availability: readonly AvailabilityInterval[];
  /** A provider's column shades the time outside their hours; a room has no hours, so nothing is shaded. */
  hours: 'shaded' | 'none';
  timeOff: readonly { start: number; end: number; reason: string | null }[];
  appointments: readonly AppointmentView[];
  /** What a block says under the patient's name: the type, or in a room's week whose patient it is and the type. */
  blockDetail?: ((appointment: AppointmentView) => string) | undefined;
}

/** A provider's column object per answer's column: a day read again with that provider unchanged keeps it (see `keepUnchanged`), so its memoised column is not drawn again. */
const providerColumnOf = new WeakMap<ProviderDaySchedule, GridColumn>();

/** The day view's columns: one per provider. */
export function providerColumns(day: DaySchedule): GridColumn[] {
  return day.providers.map((column) => {
    const known = providerColumnOf.get(column);
    if (known?.date === day.date) return known;
    const made = providerColumn(day, column);
    providerColumnOf.set(column, made);
    return made;
  });
}

function providerColumn(day: DaySchedule, column: ProviderDaySchedule): GridColumn {
  return {
    key: column.provider.id,
    providerId: column.provider.id,
    date: day.date,
    label: column.provider.displayName,
    sublabel: column.provider.specialty,
    colour: column.provider.colour,
    bookLabel: column.provider.displayName,
    links: [
      {
        text: i18next.t('calendar:columns.week'),
        href: calendarHref({ kind: 'week', providerId: column.provider.id, date: weekOf(day.date) }),
        label: i18next.t('calendar:columns.weekOf', { displayName: column.provider.displayName }),
      },
      {
        text: i18next.t('calendar:columns.daySheet'),
        href: calendarHref({ kind: 'sheet', providerId: column.provider.id, date: day.date }),
        label: i18next.t('calendar:columns.daySheetFor', { displayName: column.provider.displayName }),
      },
    ],
    availability: column.availability,
    hours: 'shaded',
    timeOff: column.timeOff,
    appointments: column.appointments,
  };
}

/** The week view's columns: one per date of one provider. */
export function weekColumns(week: ProviderWeek): GridColumn[] {
  const name = week.provider.displayName;
  return week.days.map((day) => ({
    key: day.date,
    providerId: week.provider.id,
    date: day.date,
    label: shortDateLabel(day.date),
    sublabel: day.holidays.length > 0 ? day.holidays.map((h) => h.name).join(', ') : null,
    colour: null,
    bookLabel: i18next.t('calendar:columns.nameOnDate', { name, date: shortDateLabel(day.date) }),
    links: [
      {
        text: i18next.t('calendar:columns.day'),
        href: calendarHref({ kind: 'day', date: day.date }),
        label: i18next.t('calendar:columns.dayViewOf', { dayDate: dateLabel(day.date) }),
      },
      {
        text: i18next.t('calendar:columns.daySheet'),
        href: calendarHref({ kind: 'sheet', providerId: week.provider.id, date: day.date }),
        label: i18next.t('calendar:columns.daySheetFor2', { dayDate: dateLabel(day.date) }),
      },
    ],
    availability: day.availability,
    hours: 'shaded',
    timeOff: day.timeOff,
    appointments: day.appointments,
  }));
}

/** The room week's columns: one per date, whoever is booked in the room. Not bookable from here, so no provider. */
export function roomColumns(week: RoomWeek, providerName: (providerId: string) => string | undefined): GridColumn[] {
  const blockDetail = (appointment: AppointmentView) =>
    [providerName(appointment.providerId), appointment.typeName].filter(Boolean).join(' · ');
  return week.days.map((day) => ({
    key: day.date,
    providerId: '',
    date: day.date,
    label: shortDateLabel(day.date),
    sublabel: day.holidays.length > 0 ? day.holidays.map((h) => h.name).join(', ') : null,
    colour: null,
    bookLabel: i18next.t('calendar:columns.nameOnDate', { name: week.room.name, date: shortDateLabel(day.date) }),
    links: [
      {
        text: i18next.t('calendar:columns.day'),
        href: calendarHref({ kind: 'day', date: day.date }),
        label: i18next.t('calendar:columns.dayViewOf', { dayDate: dateLabel(day.date) }),
      },
    ],
    availability: [],
    hours: 'none',
    timeOff: [],
    appointments: day.appointments,
    blockDetail,
  }));
}
