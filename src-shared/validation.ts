import { z } from 'zod';

/** Field rules shared by the forms (for early feedback) and by main (which decides). */

/**
 * Every string in the contract is cut to a length before any pattern or refinement looks at it. zod
 * runs a string's checks in order and, by default, goes on after a failed one: a limit given with
 * `abort: true` is what stops a longer string there (tests/unit/contract-bounds.test.ts checks each).
 */
export const atMost = (max: number, message = `must be at most ${max} characters`) =>
  ({ error: message, abort: true }) as const;

/** A string refused beyond `max` characters before anything else runs on it. */
export const boundedString = (max: number, message?: string) => z.string().max(max, atMost(max, message));

/** The one email rule: something@host.domain, no spaces. Each part excludes the separator after it, so it cannot backtrack. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** Text that must be given: trimmed, not empty, at most `max` characters. */
/** What main says of a date it cannot read: the renderer words it in the clinic's own date format. */
export const NOT_A_REAL_DATE_MESSAGE = 'must be a real date written as YYYY-MM-DD';
/**
 * A date's text: a blank one is told as blank ("must not be empty", not a date format the person never
 * typed in); anything else `isDate` refuses as not a real date.
 */
export const dateText = (isDate: (value: string) => boolean, max = 40) =>
  boundedString(max, NOT_A_REAL_DATE_MESSAGE)
    .trim()
    .refine(isDate, { error: (issue) => (issue.input === '' ? 'must not be empty' : NOT_A_REAL_DATE_MESSAGE) });

export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, atMost(max));

/** Text that may be left out, null or empty: all three mean none (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, atMost(max))
    .nullish()
    .transform((value) => (value ? value : null));

/** Text in a change that must be sent: null or empty clears it. */
export const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, atMost(max))
    .nullable()
    .transform((value) => (value ? value : null));

/** A record's id, named in the error by what it should be: `id('a patient')` says "must be a patient id". */
export const id = (what: string) =>
  boundedString(36, `must be ${what} id`).regex(z.regexes.uuid(), `must be ${what} id`);

/** An id that may be left out or null (none). */
export const optionalId = (what: string) =>
  id(what)
    .nullish()
    .transform((value) => value ?? null);

export function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

export const clinicName = requiredText(120);
export const timeZone = boundedString(100)
  .trim()
  .refine(isIanaTimeZone, 'must be a time zone such as Europe/London or America/New_York');
export const currency = boundedString(20)
  .trim()
  .toUpperCase()
  .refine((code) => currencies.has(code), 'must be a three-letter currency code such as USD, EUR or GBP');
export const lockTimeoutMinutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1 minute')
  .max(240, 'must be at most 240 minutes');
export const dateFormat = z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'], {
  error: 'must be YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY',
});

/** The languages the screens are worded in; main's refusals stay English. */
export const LANGUAGES = ['en', 'es'] as const;
export const language = z.enum(LANGUAGES, { error: 'must be en or es' });

export const timeFormat = z.enum(['24h', '12h'], { error: 'must be 24h or 12h' });
/** ISO weekday the week starts on: Monday (1), Saturday (6) or Sunday (7). */
export const weekStart = z.union([z.literal(1), z.literal(6), z.literal(7)], {
  error: 'must be 1 (Monday), 6 (Saturday) or 7 (Sunday)',
});
/** An ISO 3166 alpha-2 region, such as US or GB. */
export const regionCode = boundedString(10)
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US or GB');
export const noShowGraceMinutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .min(0, 'must be at least 0 minutes')
  .max(240, 'must be at most 240 minutes');

export const username = boundedString(100)
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'must be 3 to 32 letters, digits, dots, dashes or underscores');
export const displayName = requiredText(80);
export const newPassword = boundedString(200)
  .min(10, 'must be at least 10 characters')
  .refine((value) => value.trim().length === value.length, 'must not start or end with a space');
/** A password being checked, not set: any non-empty string, so old rules never lock anyone out. */
export const password = boundedString(200).min(1, 'must not be empty');
