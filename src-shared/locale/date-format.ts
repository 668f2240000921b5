import type { DateFormat, TimeFormat } from '../api/areas/settings';
import { formatHhMm } from './time-format';

/**
 * The one way calendar dates are written for people, following the clinic's date format setting.
 * Dates travel as 'YYYY-MM-DD' (no time, no zone); only what a person reads changes. Instants are first
 * turned into the clinic's local date (`src-renderer/src/format/datetime.ts`, main's `localParts`).
 * Word forms ("Tuesday, 8 December 2026", "Tue 8 Dec") are for headers and column labels where the
 * weekday matters; they are written as UTC so no zone shifts the day.
 */

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' in the clinic's format: "2026-12-08", "08/12/2026" or "12/08/2026"; other text unchanged. */
export function formatDate(iso: string, format: DateFormat): string {
  const match = ISO_SHAPE.exec(iso);
  if (!match) return iso;
  const [, y = '', m = '', d = ''] = match;
  if (format === 'DD/MM/YYYY') return `${d}/${m}/${y}`;
  if (format === 'MM/DD/YYYY') return `${m}/${d}/${y}`;
  return iso;
}

/** A date that may be missing: the clinic's format, or the dash every table shows for "none". */
export function formatOptionalDate(iso: string | null | undefined, format: DateFormat): string {
  return iso ? formatDate(iso, format) : '—';
}

function utc(iso: string): number {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/**
 * Day before month in words, except in a month-first (US) clinic. The screens pass their language
 * (Spanish always writes the day first: "martes, 8 de diciembre de 2026"); main's sentences stay English.
 */
function wordsLocale(format: DateFormat, language: string): string {
  if (language !== 'en') return language;
  return format === 'MM/DD/YYYY' ? 'en-US' : 'en-GB';
}

const cache = new Map<string, Intl.DateTimeFormat>();
function words(
  format: DateFormat,
  options: Intl.DateTimeFormatOptions,
  key: string,
  language: string,
): Intl.DateTimeFormat {
  const locale = wordsLocale(format, language);
  let formatter = cache.get(`${locale}:${key}`);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    cache.set(`${locale}:${key}`, formatter);
  }
  return formatter;
}

/** "Tuesday, 8 December 2026" ("Tuesday, December 8, 2026" in a month-first clinic). */
export function formatLongDate(iso: string, format: DateFormat, language = 'en'): string {
  return words(format, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, 'long', language).format(
    utc(iso),
  );
}

/** "Tue 8 Dec" ("Tue, Dec 8" in a month-first clinic): week and column labels. */
export function formatShortDate(iso: string, format: DateFormat, language = 'en'): string {
  return words(format, { weekday: 'short', day: 'numeric', month: 'short' }, 'short', language).format(utc(iso));
}

/** "Tue, 5 Jan 2027" ("Tue, Jan 5, 2027"): a short date that may fall in another year than today's. */
export function formatShortDateWithYear(iso: string, format: DateFormat, language = 'en'): string {
  return words(
    format,
    { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
    'short-year',
    language,
  ).format(utc(iso));
}

/** "December 2026" for '2026-12' or any date in it. */
export function formatMonth(isoOrMonth: string, format: DateFormat, language = 'en'): string {
  return words(format, { month: 'long', year: 'numeric' }, 'month', language).format(
    utc(`${isoOrMonth.slice(0, 7)}-01`),
  );
}

/**
 * How main's own sentences (refusals, removals, skip reasons, PDFs) write dates and times: the clinic's
 * date format and 12/24-hour clock. Made once per call from the settings; every message goes through it.
 */
export interface ClinicWording {
  /** 'YYYY-MM-DD' → "12/08/2026". */
  date: (iso: string) => string;
  /** 'HH:mm' → "2:05 PM". */
  time: (hhmm: string) => string;
  /** A date and a time: "12/08/2026 2:05 PM". */
  dateTime: (iso: string, hhmm: string) => string;
}

export function clinicWording(dateFormat: DateFormat, timeFormat: TimeFormat): ClinicWording {
  const date = (iso: string): string => formatDate(iso, dateFormat);
  const time = (hhmm: string): string => formatHhMm(hhmm, timeFormat);
  return { date, time, dateTime: (iso, hhmm) => `${date(iso)} ${time(hhmm)}` };
}

/** Written as stored ('YYYY-MM-DD', 'HH:mm'): for callers with no clinic settings to follow. */
export const ISO_WORDING: ClinicWording = clinicWording('YYYY-MM-DD', '24h');
