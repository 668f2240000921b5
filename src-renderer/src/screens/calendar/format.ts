const dateLabels = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortLabels = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const monthLabels = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function utc(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** 'Wednesday, 10 March 2027' for a local date (formatted as UTC so no zone shifts it). */
export function dateLabel(date: string): string {
  return dateLabels.format(utc(date));
}

/** 'Wed 10 Mar'. */
export function shortDateLabel(date: string): string {
  return shortLabels.format(utc(date));
}

/** 'March 2027' for '2027-03' or any date in it. */
export function monthLabel(date: string): string {
  return monthLabels.format(utc(`${date.slice(0, 7)}-01`));
}
