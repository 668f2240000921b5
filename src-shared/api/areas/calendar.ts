import { z } from 'zod';
import { procedure } from '../procedure';
import type { AppointmentStatus } from '../../scheduling/status';
import { isLocalDate } from '../../scheduling/time';
import { localDate } from '../../scheduling/fields';
import type {
  AppointmentView,
  HolidaySummary,
  ProviderDaySchedule,
  ProviderSummary,
  RoomSummary,
} from '../../scheduling/model';
import { boundedString, id } from '../../validation';

/** The most days one `calendar.week` call returns (two weeks). */
export const MAX_WEEK_DAYS = 14;

const providerId = id('a provider');
const month = boundedString(20)
  .trim()
  .refine((text) => /^\d{4}-\d{2}$/.test(text) && isLocalDate(`${text}-01`), 'must be a month written as YYYY-MM');

/** One provider's day in the week view. */
export interface ProviderDay extends Omit<ProviderDaySchedule, 'provider'> {
  date: string;
  /** The local day's first instant and the next day's. */
  dayStart: number;
  dayEnd: number;
  holidays: HolidaySummary[];
}

export interface ProviderWeek {
  timeZone: string;
  provider: ProviderSummary;
  days: ProviderDay[];
}

/** One room's day in its week view: who is booked in it, whichever provider. */
export interface RoomDay {
  date: string;
  dayStart: number;
  dayEnd: number;
  holidays: HolidaySummary[];
  appointments: AppointmentView[];
}

export interface RoomWeek {
  timeZone: string;
  room: RoomSummary & { locationName: string };
  days: RoomDay[];
}

export interface MonthDay {
  date: string;
  /** Appointments starting that day that are not cancelled. */
  appointments: number;
  byStatus: Partial<Record<AppointmentStatus, number>>;
  holidays: string[];
}

export interface MonthOverview {
  month: string;
  timeZone: string;
  days: MonthDay[];
}

/** Views of more than one day: a provider's week, the month's counts. */
export const calendarProcedures = {
  'calendar.week': procedure<ProviderWeek>()({
    input: z.object({
      providerId,
      /** The first date shown (the week view sends a Monday). */
      from: localDate,
      days: z
        .number()
        .int('must be a whole number of days')
        .min(1, 'must be at least 1')
        .max(MAX_WEEK_DAYS, `must be at most ${MAX_WEEK_DAYS}`)
        .default(7),
    }),
    access: 'appointments:read',
    kind: 'read',
  }),
  /** A room's consecutive days: the appointments booked in it (not cancelled), the holidays that close its location. */
  'calendar.roomWeek': procedure<RoomWeek>()({
    input: z.object({
      roomId: id('a room'),
      from: localDate,
      days: z
        .number()
        .int('must be a whole number of days')
        .min(1, 'must be at least 1')
        .max(MAX_WEEK_DAYS, `must be at most ${MAX_WEEK_DAYS}`)
        .default(7),
    }),
    access: 'appointments:read',
    kind: 'read',
  }),
  'calendar.month': procedure<MonthOverview>()({
    input: z.object({
      month,
      /** Empty or left out: every provider. */
      providerIds: z.array(providerId).max(100, 'at most 100 providers').default([]),
    }),
    access: 'appointments:read',
    kind: 'read',
  }),
};
