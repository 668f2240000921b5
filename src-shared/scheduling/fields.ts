/** The scheduling contract's field rules, shared by the schedule.*, appointments.*, calendar.*, series.* and waitlist.* procedures and by the forms. */
import { z } from 'zod';
import { atMost, boundedString, dateText, optionalId, optionalText, requiredText } from '../validation';
import { daysBetween, isLocalDate, parseLocalTime } from './time';

export const localDate = dateText(isLocalDate);
/** A start: 00:00-23:59. */
export const localTime = boundedString(20)
  .trim()
  .refine(
    (text) => text !== '24:00' && parseLocalTime(text) !== null,
    'must be a time written as HH:mm, from 00:00 to 23:59',
  );
/** An end: 00:01-24:00 (24:00 is the end of the day). */
export const localEndTime = boundedString(20)
  .trim()
  .refine((text) => parseLocalTime(text) !== null && text !== '00:00', 'must be a time written as HH:mm, up to 24:00');
export const colour = boundedString(20)
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour written as #rrggbb');
export const weekday = z
  .number()
  .int('must be 1 (Monday) to 7 (Sunday)')
  .min(1, 'must be 1 (Monday) to 7 (Sunday)')
  .max(7, 'must be 1 (Monday) to 7 (Sunday)');

export const timeRange = z.object({ start: localTime, end: localEndTime }).refine((range) => range.start < range.end, {
  path: ['end'],
  message: 'must be after the start',
});

/**
 * A start given as the clinic's wall clock. When the time happens twice (the clocks go back), say
 * which: `offsetMinutes` (the UTC offset in force, e.g. -240 for EDT) or `fold`.
 */
export const localStart = z.object({
  date: localDate,
  time: localTime,
  offsetMinutes: z
    .number()
    .int()
    .min(-720, 'must be a UTC offset in minutes')
    .max(840, 'must be a UTC offset in minutes')
    .optional(),
  fold: z.enum(['earlier', 'later'], { error: 'must be earlier or later' }).optional(),
});
export type LocalStartInput = z.output<typeof localStart>;

/** Book or move although the rules refuse it: the reason is stored, put in the history and audited. */
export const override = z.object({ reason: requiredText(500) }).optional();

export const meetingLink = z
  .string()
  .trim()
  .max(500, atMost(500))
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || /^https:\/\/[^\s]+$/.test(value), 'must be an https:// link');

/** The longest date range next-available searches. */
export const MAX_SEARCH_DAYS = 92;

export const PARTS_OF_DAY = ['any', 'morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export const EXCEPTION_KINDS = ['time_off', 'extra_hours'] as const;

/** Time off or extra hours, as added (`schedule.createException`) and as changed (`schedule.updateException`). */
export const exceptionFields = z.object({
  kind: z.enum(EXCEPTION_KINDS, { error: 'must be time_off or extra_hours' }),
  /** Time off: left out for every location. Extra hours: required. */
  locationId: optionalId('a location'),
  date: localDate,
  /** The last date, inclusive; left out: the same date. */
  endDate: localDate.optional(),
  /** Both left out: whole days (time off only). Wall-clock times, expanded per date in the clinic's zone. */
  start: localTime.optional(),
  end: localEndTime.optional(),
  reason: optionalText(200),
});

/** The rules an exception's fields must keep together, each reported on the field to correct. */
export function checkException(e: z.output<typeof exceptionFields>, ctx: z.RefinementCtx): void {
  if ((e.start === undefined) !== (e.end === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [e.start === undefined ? 'start' : 'end'],
      message: 'give both start and end, or neither for whole days',
    });
  }
  if (e.start !== undefined && e.end !== undefined && e.start >= e.end) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after the start' });
  }
  if (e.endDate !== undefined && e.endDate < e.date)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before date' });
  if (e.endDate !== undefined && daysBetween(e.date, e.endDate) > 366) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be within a year of date' });
  }
  if (e.kind === 'extra_hours') {
    if (e.locationId === null)
      ctx.addIssue({ code: 'custom', path: ['locationId'], message: 'extra hours need a location' });
    if (e.start === undefined)
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'extra hours need a start and an end' });
  }
}
