import type { CsvDateFormat } from '../../../../src-shared/interop/csv-import';
import { isLocalDate } from '../../../../src-shared/scheduling/time';

/** Dates and times as other systems write them, read in the format the user chose (never guessed per row). */

const pad = (value: string) => value.padStart(2, '0');

/**
 * A date in the chosen format to YYYY-MM-DD, or null when it is not a real date in that format. A time
 * after the date ("2026-12-01 09:30", "01/12/2026 9:30 AM") is left for timeOf to read.
 */
export function dateOf(raw: string, format: CsvDateFormat): string | null {
  const value = raw.trim().split(/[ T]/)[0] ?? '';
  let iso: string | null = null;
  if (format === 'YYYY-MM-DD') {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
    if (match?.[1] && match[2] && match[3]) iso = `${match[1]}-${pad(match[2])}-${pad(match[3])}`;
  } else {
    const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (match?.[1] && match[2] && match[3]) {
      const [day, month] = format === 'DD/MM/YYYY' ? [match[1], match[2]] : [match[2], match[1]];
      iso = `${match[3]}-${pad(month)}-${pad(day)}`;
    }
  }
  return iso && isLocalDate(iso) ? iso : null;
}

/** "9:30", "09:30:00", "9:30 AM", "2:05pm" to HH:mm, or null. */
export function clockTimeOf(raw: string): string | null {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(raw.trim());
  if (!match?.[1] || !match[2]) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const half = match[3]?.toLowerCase().replace(/\./g, '');
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The time of day from a time column, or from what follows the date in a date-and-time column. */
export function timeOf(timeCell: string | undefined, dateCell: string): string | null {
  if (timeCell !== undefined && timeCell.trim() !== '') return clockTimeOf(timeCell);
  const rest = dateCell.trim().split(/[ T]/).slice(1).join(' ');
  return rest ? clockTimeOf(rest.replace(/(Z|[+-]\d{2}:?\d{2})$/, '')) : null;
}
