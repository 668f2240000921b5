import { SLOT_MINUTES } from './layout';

/**
 * Where the grid's one focusable slot starts, so the first Tab lands somewhere worth booking: on a
 * grid that shows today, the first slot from now in today's first column (a slot already under way
 * counts: someone walking in at 10:05 is booked at 10:00); otherwise 9:00 in the first column, or the
 * axis's first slot when 9:00 is not on it. Today after the axis ends falls back the same way.
 */
export function keyboardStartSlot(
  columnDates: readonly string[],
  today: string,
  now: number,
  from: number,
  to: number,
): { column: number; minute: number } {
  const todayColumn = columnDates.indexOf(today);
  if (todayColumn >= 0 && now < to) {
    const slot = Math.max(from, Math.floor(now / SLOT_MINUTES) * SLOT_MINUTES);
    return { column: todayColumn, minute: slot };
  }
  const nine = 9 * 60;
  return { column: 0, minute: nine >= from && nine < to ? nine : from };
}
