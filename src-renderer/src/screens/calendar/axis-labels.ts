/**
 * A label this close to now would sit half under the now label (both ~18 px tall, centred on their
 * minute, rows of 22 px a quarter hour): it is hidden rather than shown cut, since the now label tells
 * the time there anyway.
 */
const NOW_LABEL_CLEARANCE_MINUTES = 13;

export interface AxisLabel {
  minute: number;
  /** On the hour (drawn stronger) rather than the half hour. */
  hour: boolean;
  /** Hidden under the now label. */
  underNow: boolean;
}

/** The axis's hour and half-hour labels from `from` up to `to`; `now` when the now label is drawn. */
export function axisLabels(from: number, to: number, now: number | null): AxisLabel[] {
  const labels: AxisLabel[] = [];
  for (let minute = Math.ceil(from / 30) * 30; minute < to; minute += 30) {
    labels.push({
      minute,
      hour: minute % 60 === 0,
      underNow: now !== null && Math.abs(minute - now) < NOW_LABEL_CLEARANCE_MINUTES,
    });
  }
  return labels;
}
