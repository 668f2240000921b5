import { isoWeekday, WEEKDAY_NAMES } from '../../../../src-shared/scheduling/time';
import { formatDate, startOfClinicDay, type ClinicClock } from '../../format/datetime';

/** `Mon 15/03/2027`: a local date in the clinic's date format, with its weekday. */
export function dayLabel(date: string, clock: ClinicClock): string {
  const weekday = WEEKDAY_NAMES[isoWeekday(date) - 1]?.slice(0, 3) ?? '';
  return `${weekday} ${formatDate(startOfClinicDay(date, clock.timeZone), clock)}`;
}

/** A date range: one day, or first – last. */
export function rangeLabel(from: string, until: string, clock: ClinicClock): string {
  return from === until ? dayLabel(from, clock) : `${dayLabel(from, clock)} – ${dayLabel(until, clock)}`;
}

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as the clinic writes money: 4500 GBP → £45.00. */
export function formatMoney(minor: number | null, currency: string): string {
  if (minor === null) return '—';
  const digits = fractionDigits(currency);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** The amount as typed in a price field (45, 45.5, 45.00): minor units, null for empty, undefined when it is not an amount. */
export function parseMoney(text: string, currency: string): number | null | undefined {
  const trimmed = text.trim().replace(/^[^\d.,-]+/, '');
  if (trimmed === '') return null;
  const digits = fractionDigits(currency);
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(?:[.,]\\d{1,${digits}})?$`);
  if (!pattern.test(trimmed)) return undefined;
  const [whole = '0', fraction = ''] = trimmed.split(/[.,]/);
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units back into the text a price field shows. */
export function moneyText(minor: number | null, currency: string): string {
  if (minor === null) return '';
  const digits = fractionDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export const WEEKDAYS = WEEKDAY_NAMES.map((name, index) => ({ weekday: index + 1, name }));
