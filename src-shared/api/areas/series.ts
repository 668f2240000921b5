import { z } from 'zod';
import { procedure } from '../procedure';
import { FREQUENCIES, MAX_OCCURRENCES, MAX_SERIES_DAYS, type Frequency } from '../../scheduling/recurrence';
import { daysBetween } from '../../scheduling/time';
import { bookInput } from './appointments';
import { localDate, localTime, override } from '../../scheduling/fields';
import type { AppointmentView } from '../../scheduling/model';
import { id, requiredText } from '../../validation';

/**
 * Recurring appointments. Every occurrence is an ordinary appointment booked by the ordinary rules;
 * these procedures book, change and cancel them together.
 */

const repeat = z
  .object({
    frequency: z.enum(FREQUENCIES, { error: `must be one of ${FREQUENCIES.join(', ')}` }),
    interval: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(52, 'must be at most 52')
      .default(1),
    /** The last date an occurrence may fall on. */
    until: localDate.optional(),
    count: z
      .number()
      .int('must be a whole number')
      .min(2, 'must be at least 2')
      .max(MAX_OCCURRENCES, `must be at most ${MAX_OCCURRENCES}`)
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (r.until === undefined && r.count === undefined)
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'give a number of times or an end date' });
  });

const scope = z.enum(['one', 'following', 'all'], { error: 'must be one, following or all' });
export type SeriesScope = z.output<typeof scope>;

const bookSeriesInput = bookInput
  .extend({
    repeat,
    /**
     * false (the default): when any date is refused nothing is booked, and the refusal lists every
     * refused date with its reasons. true: book the dates that fit and report the others as skipped.
     */
    skipRefused: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if (input.repeat.until !== undefined) {
      if (input.repeat.until < input.start.date)
        ctx.addIssue({ code: 'custom', path: ['repeat', 'until'], message: 'must not be before the first date' });
      else if (daysBetween(input.start.date, input.repeat.until) > MAX_SERIES_DAYS) {
        ctx.addIssue({
          code: 'custom',
          path: ['repeat', 'until'],
          message: 'must be within two years of the first date',
        });
      }
    }
  });
export type BookSeriesInput = z.output<typeof bookSeriesInput>;

const changeSeriesInput = z
  .object({
    appointmentId: id('an appointment'),
    scope,
    /** The new wall-clock start time, on each occurrence's own date. */
    time: localTime.optional(),
    providerId: id('a provider').optional(),
    roomId: id('a room').nullable().optional(),
    durationMinutes: z
      .number()
      .int('must be whole minutes')
      .min(5, 'must be at least 5 minutes')
      .max(720, 'must be at most 12 hours')
      .optional(),
    expectedUpdatedAt: z.number().int().optional(),
    override,
  })
  .superRefine((c, ctx) => {
    if (
      c.time === undefined &&
      c.providerId === undefined &&
      c.roomId === undefined &&
      c.durationMinutes === undefined
    ) {
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'say what to change: time, provider, room or duration' });
    }
  });
export type ChangeSeriesInput = z.output<typeof changeSeriesInput>;

/** One date of a series that the rules refuse, and why. */
export interface SeriesRefusal {
  index: number;
  date: string;
  time: string;
  problems: { code: string; message: string }[];
}

export interface SeriesView {
  id: string;
  patientId: string;
  providerId: string;
  typeId: string;
  frequency: Frequency;
  interval: number;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  until: string | null;
  count: number | null;
  /** "Every 2 weeks, 6 times". */
  description: string;
  splitFromId: string | null;
}

export interface SeriesDetail extends SeriesView {
  /** Every occurrence, cancelled ones included, by start. */
  occurrences: AppointmentView[];
}

export interface BookSeriesResult {
  series: SeriesView;
  booked: AppointmentView[];
  /** Refused dates left out (only with skipRefused). */
  skipped: SeriesRefusal[];
}

export interface SeriesEditResult {
  /** The series the changed occurrences now belong to (a new one after a this-and-following change). */
  seriesId: string;
  appointments: AppointmentView[];
}

export const seriesProcedures = {
  'series.book': procedure<BookSeriesResult>()({ input: bookSeriesInput, access: 'appointments:write', kind: 'write' }),
  'series.change': procedure<SeriesEditResult>()({
    input: changeSeriesInput,
    access: 'appointments:write',
    kind: 'write',
  }),
  'series.cancel': procedure<SeriesEditResult>()({
    input: z.object({
      appointmentId: id('an appointment'),
      scope,
      reason: requiredText(500),
      expectedUpdatedAt: z.number().int().optional(),
    }),
    access: 'appointments:write',
    kind: 'write',
  }),
  'series.get': procedure<SeriesDetail | null>()({
    input: z.object({ appointmentId: id('an appointment') }),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
};
