import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { minutesIntoDay } from '../../../../src-shared/scheduling/calendar-dates';
import { DAY_MINUTES } from '../../../../src-shared/scheduling/time';
import type { GridColumn } from './columns';

/** Rows of the day grid. */
export const SLOT_MINUTES = 15;
/** Height of one row in pixels. */
export const ROW_PX = 22;
const DEFAULT_FROM = 7 * 60;
const DEFAULT_TO = 19 * 60;

/** Minutes since the local midnight of `date` at `instant`, clamped to the day (0..1440). */
export const minutesOn = minutesIntoDay;

/** 07:00-19:00, widened to whole hours around every availability, time off and appointment shown. */
export function axisRange(zone: string, columns: readonly GridColumn[]): { from: number; to: number } {
  let from = DEFAULT_FROM;
  let to = DEFAULT_TO;
  for (const column of columns) {
    for (const span of [...column.availability, ...column.timeOff, ...column.appointments]) {
      from = Math.min(from, minutesOn(zone, column.date, span.start));
      to = Math.max(to, minutesOn(zone, column.date, span.end));
    }
  }
  return { from: Math.floor(from / 60) * 60, to: Math.min(DAY_MINUTES, Math.ceil(to / 60) * 60) };
}

export interface PlacedAppointment {
  appointment: AppointmentView;
  top: number;
  height: number;
  /** Wall-clock minutes on the column's date. */
  start: number;
  end: number;
  /** Side by side when they overlap (only after an override). */
  lane: number;
  lanes: number;
}

/** Positions a column's appointments; overlapping ones share the width in lanes. */
export function placeAppointments(
  zone: string,
  date: string,
  from: number,
  appointments: readonly AppointmentView[],
): PlacedAppointment[] {
  const sorted = [...appointments].sort((a, b) => a.start - b.start || a.end - b.end);
  const placed: PlacedAppointment[] = [];
  let group: PlacedAppointment[] = [];
  let groupEnd = -Infinity;
  let laneEnds: number[] = [];
  const close = () => {
    for (const item of group) item.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const appointment of sorted) {
    if (appointment.start >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= appointment.start);
    if (lane === -1) lane = laneEnds.push(appointment.end) - 1;
    else laneEnds[lane] = appointment.end;
    groupEnd = Math.max(groupEnd, appointment.end);
    const start = minutesOn(zone, date, appointment.start);
    const end = minutesOn(zone, date, appointment.end);
    const item = {
      appointment,
      start,
      end,
      top: ((start - from) / SLOT_MINUTES) * ROW_PX,
      height: Math.max(((end - start) / SLOT_MINUTES) * ROW_PX, ROW_PX),
      lane,
      lanes: 1,
    };
    group.push(item);
    placed.push(item);
  }
  close();
  return placed;
}

/** The grid's snap: the nearest slot boundary. */
export function snap(minutes: number): number {
  return Math.round(minutes / SLOT_MINUTES) * SLOT_MINUTES;
}
