/**
 * How a range is read from the appointment aggregates when no series by day is wanted: the calendar months
 * wholly inside it come from the monthly rows (a month is a few dozen rows, its days a thousand), except
 * today's month, whose days before and after today count differently; the days left at either end, and
 * today's month, come from the daily rows. Dates are ISO (YYYY-MM-DD), months YYYY-MM.
 */

export interface MonthSplit {
  months: string[];
  /** Inclusive [from, to] day ranges, in order. */
  days: [string, string][];
}

/** The first day of the month after `month`. */
function nextMonthStart(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 10);
}

/** The last day of `month`. */
function monthEnd(month: string): string {
  const next = Date.parse(`${nextMonthStart(month)}T00:00:00Z`);
  return new Date(next - 86_400_000).toISOString().slice(0, 10);
}

export function splitByMonths(from: string, to: string, today: string): MonthSplit {
  const split: MonthSplit = { months: [], days: [] };
  const addDays = (start: string, end: string) => {
    const last = split.days[split.days.length - 1];
    // Contiguous with the range before it (the day after its end): one range.
    if (last && nextDay(last[1]) === start) last[1] = end;
    else split.days.push([start, end]);
  };
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonthStart(month).slice(0, 7)) {
    const start = `${month}-01`;
    const end = monthEnd(month);
    const whole = from <= start && end <= to;
    if (whole && month !== today.slice(0, 7)) split.months.push(month);
    else addDays(from > start ? from : start, to < end ? to : end);
  }
  return split;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
