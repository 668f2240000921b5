import { firstOfMonth, weekStartOf } from '../../../../src-shared/scheduling/calendar-dates';
import { isLocalDate } from '../../../../src-shared/scheduling/time';
import { useClinicSettings } from '../../stores/clinic-settings';

export { addMonths, firstOfMonth } from '../../../../src-shared/scheduling/calendar-dates';

/** The clinic's first day of the week (ISO weekday; Monday until its settings have arrived). */
export function clinicWeekStart(): number {
  return useClinicSettings.getState().settings?.weekStart ?? 1;
}

/** The first day of the clinic's week `date` is in: weeks and months start where the clinic's weeks do. */
export function weekOf(date: string): string {
  return weekStartOf(date, clinicWeekStart());
}

/** What `#/calendar/...` shows. */
export type CalendarView =
  | { kind: 'day'; date: string }
  /** `date` is the first day of the clinic's week (Monday, Sunday or Saturday). */
  | { kind: 'week'; providerId: string; date: string }
  /** One room's week (`date` is the first day of the clinic's week): who is booked in it, whichever provider. */
  | { kind: 'room'; roomId: string; date: string }
  /** `date` is the first of the month. */
  | { kind: 'month'; date: string }
  | { kind: 'sheet'; providerId: string; date: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `#/calendar` (today), `#/calendar/<date>`, `#/calendar/week/<providerId>/<date>`,
 * `#/calendar/room/<roomId>/<date>`, `#/calendar/month/<date>`, `#/calendar/sheet/<providerId>/<date>`. A date may be any day of the
 * week or month; anything unreadable falls back to today's day view.
 */
export function parseCalendarRoute(detail: string, today: string): CalendarView {
  const [first = '', second = '', third = ''] = detail.split('/');
  if (first === 'week' && UUID.test(second))
    return { kind: 'week', providerId: second, date: weekOf(isLocalDate(third) ? third : today) };
  if (first === 'room' && UUID.test(second))
    return { kind: 'room', roomId: second, date: weekOf(isLocalDate(third) ? third : today) };
  if (first === 'sheet' && UUID.test(second))
    return { kind: 'sheet', providerId: second, date: isLocalDate(third) ? third : today };
  if (first === 'month') {
    const date = isLocalDate(second) ? second : isLocalDate(`${second}-01`) ? `${second}-01` : today;
    return { kind: 'month', date: firstOfMonth(date) };
  }
  return { kind: 'day', date: isLocalDate(first) ? first : today };
}

export function calendarHref(view: CalendarView): string {
  switch (view.kind) {
    case 'day':
      return `#/calendar/${view.date}`;
    case 'week':
      return `#/calendar/week/${view.providerId}/${view.date}`;
    case 'room':
      return `#/calendar/room/${view.roomId}/${view.date}`;
    case 'month':
      return `#/calendar/month/${view.date}`;
    case 'sheet':
      return `#/calendar/sheet/${view.providerId}/${view.date}`;
  }
}

export function go(view: CalendarView): void {
  window.location.hash = calendarHref(view);
}
