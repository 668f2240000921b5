/** Appointment statuses and the moves between them. Pure, shared with the renderer's menus. */

export const APPOINTMENT_STATUSES = [
  'booked',
  'confirmed',
  'arrived',
  'in_room',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold the provider's, room's and patient's time. */
export const BLOCKING_STATUSES = [
  'booked',
  'confirmed',
  'arrived',
  'in_room',
  'completed',
] as const satisfies readonly AppointmentStatus[];

export function isBlocking(status: AppointmentStatus): boolean {
  return (BLOCKING_STATUSES as readonly string[]).includes(status);
}

/** What `appointments.setStatus` may do; cancelling is `appointments.cancel` (it needs a reason). */
export const STATUS_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['confirmed', 'arrived', 'no_show'],
  confirmed: ['booked', 'arrived', 'no_show'],
  // Back to booked or confirmed: an arrival undone at the desk.
  arrived: ['in_room', 'completed', 'confirmed', 'booked'],
  in_room: ['completed', 'arrived'],
  completed: ['in_room'],
  // Back to what it was before the no-show (a patient who turns up late after all is checked in from there).
  no_show: ['booked', 'confirmed'],
  cancelled: [],
};

export const CANCELLABLE_STATUSES: readonly AppointmentStatus[] = ['booked', 'confirmed', 'arrived'];
export const MOVABLE_STATUSES: readonly AppointmentStatus[] = ['booked', 'confirmed', 'arrived', 'in_room'];

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'booked',
  confirmed: 'confirmed',
  arrived: 'arrived',
  in_room: 'in room',
  completed: 'completed',
  cancelled: 'cancelled',
  no_show: 'no-show',
};
