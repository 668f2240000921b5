import { firstOfMonth, mondayOf } from '../../../../src-shared/scheduling/calendar-dates';
import { isLocalDate } from '../../../../src-shared/scheduling/time';

export { addMonths, firstOfMonth, mondayOf } from '../../../../src-shared/scheduling/calendar-dates';

/** What `#/calendar/...` shows. */
export type CalendarView =
  | { kind: 'day'; date: string }
  /** `date` is the Monday the week starts on. */
  | { kind: 'week'; providerId: string; date: string }
  /** One room's week (`date` is its Monday): who is booked in it, whichever provider. */
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
    return { kind: 'week', providerId: second, date: mondayOf(isLocalDate(third) ? third : today) };
  if (first === 'room' && UUID.test(second))
    return { kind: 'room', roomId: second, date: mondayOf(isLocalDate(third) ? third : today) };
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
