import type { AppointmentView, AvailabilityInterval, DaySchedule } from '../../../../src-shared/api/areas/scheduling';

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
  availability: readonly AvailabilityInterval[];
  timeOff: readonly { start: number; end: number; reason: string | null }[];
  appointments: readonly AppointmentView[];
}

/** The day view's columns: one per provider. */
export function providerColumns(day: DaySchedule): GridColumn[] {
  return day.providers.map((column) => ({
    key: column.provider.id,
    providerId: column.provider.id,
    date: day.date,
    label: column.provider.displayName,
    sublabel: column.provider.specialty,
    colour: column.provider.colour,
    bookLabel: column.provider.displayName,
    availability: column.availability,
    timeOff: column.timeOff,
    appointments: column.appointments,
  }));
}
