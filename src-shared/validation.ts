import { z } from 'zod';

/** Field rules shared by the forms (for early feedback) and by main (which decides). */

/** Text that must be given: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Text that may be left out, null or empty: all three mean none (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

/** Text in a change that must be sent: null or empty clears it. */
export const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform((value) => (value ? value : null));

/** A record's id, named in the error by what it should be: `id('a patient')` says "must be a patient id". */
export const id = (what: string) => z.uuid(`must be ${what} id`);

/** An id that may be left out or null (none). */
export const optionalId = (what: string) =>
  z
    .uuid(`must be ${what} id`)
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

export const clinicName = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
export const timeZone = z
  .string()
  .trim()
  .refine(isIanaTimeZone, 'must be an IANA time zone such as Europe/London or America/New_York');
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => currencies.has(code), 'must be an ISO 4217 currency code such as USD or EUR');
export const lockTimeoutMinutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1 minute')
  .max(240, 'must be at most 240 minutes');
export const dateFormat = z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'], {
  error: 'must be YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY',
});

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'must be 3 to 32 letters, digits, dots, dashes or underscores');
export const displayName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
export const newPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .refine((value) => value.trim().length === value.length, 'must not start or end with a space');
/** A password being checked, not set: any non-empty string, so old rules never lock anyone out. */
export const password = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
