/** Visit statuses, their labels and wait thresholds. Pure, shared by core and the board screen. */

export const VISIT_STATUSES = [
  'arrived',
  'roomed',
  'with_provider',
  'ready_for_checkout',
  'checked_out',
  'cancelled',
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Statuses a person moves a visit to with `visits.move`; check-out and cancelling have their own procedures. */
export const MOVE_TARGETS = [
  'arrived',
  'roomed',
  'with_provider',
  'ready_for_checkout',
] as const satisfies readonly VisitStatus[];
export type MoveTarget = (typeof MOVE_TARGETS)[number];

/** Statuses that are still on the floor (shown with a running clock on the board). */
export const ACTIVE_STATUSES = [
  'arrived',
  'roomed',
  'with_provider',
  'ready_for_checkout',
] as const satisfies readonly VisitStatus[];
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

/** Statuses in which the visit holds its room: nobody else may be roomed there. */
export const ROOM_HOLDING_STATUSES = ['roomed', 'with_provider'] as const satisfies readonly VisitStatus[];

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  arrived: 'Waiting',
  roomed: 'In room',
  with_provider: 'With provider',
  ready_for_checkout: 'Ready for check-out',
  checked_out: 'Done',
  cancelled: 'Arrival undone',
};

/** The button that moves a visit to a status. */
export const MOVE_LABELS: Record<VisitStatus, string> = {
  arrived: 'Back to waiting',
  roomed: 'Room',
  with_provider: 'Provider in',
  ready_for_checkout: 'Ready for check-out',
  checked_out: 'Check out',
  cancelled: 'Undo arrival',
};

export function isMoveTarget(status: VisitStatus): status is MoveTarget {
  return (MOVE_TARGETS as readonly string[]).includes(status);
}

export function isActive(status: VisitStatus): status is ActiveStatus {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

/** Minutes a visit may stay in a status before the board colours it; set per clinic. */
export type WaitThresholds = Record<ActiveStatus, number>;

export const DEFAULT_THRESHOLDS: WaitThresholds = {
  arrived: 15,
  roomed: 10,
  with_provider: 30,
  ready_for_checkout: 10,
};

/** Whole minutes between two instants, never negative (a desk's clock a little behind must not show -1). */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** Past its threshold: only active statuses have one. Reaching the threshold exactly is not past it. */
export function isOverThreshold(
  status: VisitStatus,
  statusSince: number,
  now: number,
  thresholds: WaitThresholds,
): boolean {
  if (!isActive(status)) return false;
  return now - statusSince > thresholds[status] * 60_000;
}

/** The waiting-room ticket: initials or a number, never the name. */
export type TicketStyle = 'initials' | 'number';

export function ticketLabel(style: TicketStyle, firstName: string, lastName: string, ticketNumber: number): string {
  if (style === 'number') return `No. ${ticketNumber}`;
  const initial = (text: string) => (text.trim()[0] ?? '?').toLocaleUpperCase();
  return `${initial(firstName)}. ${initial(lastName)}. (${ticketNumber})`;
}
