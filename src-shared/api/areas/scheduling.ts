import { z } from 'zod';
import { procedure } from '../procedure';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../scheduling/status';
import { daysBetween, isLocalDate, parseLocalTime } from '../../scheduling/time';

// ---- field rules -------------------------------------------------------------------------------

const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
const id = (what: string) => z.uuid(`must be ${what} id`);
const optionalId = (what: string) =>
  z
    .uuid(`must be ${what} id`)
    .nullish()
    .transform((value) => value ?? null);

export const localDate = z.string().trim().refine(isLocalDate, 'must be a real date written as YYYY-MM-DD');
/** A start: 00:00-23:59. */
export const localTime = z
  .string()
  .trim()
  .refine(
    (text) => text !== '24:00' && parseLocalTime(text) !== null,
    'must be a time written as HH:mm, from 00:00 to 23:59',
  );
/** An end: 00:01-24:00 (24:00 is the end of the day). */
const localEndTime = z
  .string()
  .trim()
  .refine((text) => parseLocalTime(text) !== null && text !== '00:00', 'must be a time written as HH:mm, up to 24:00');
const colour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour written as #rrggbb');
const weekday = z
  .number()
  .int('must be 1 (Monday) to 7 (Sunday)')
  .min(1, 'must be 1 (Monday) to 7 (Sunday)')
  .max(7, 'must be 1 (Monday) to 7 (Sunday)');

const timeRange = z.object({ start: localTime, end: localEndTime }).refine((range) => range.start < range.end, {
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

const meetingLink = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || /^https:\/\/[^\s]+$/.test(value), 'must be an https:// link');

/** The longest date range next-available searches. */
export const MAX_SEARCH_DAYS = 92;

export const PARTS_OF_DAY = ['any', 'morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export const EXCEPTION_KINDS = ['time_off', 'extra_hours'] as const;

// ---- outputs -----------------------------------------------------------------------------------

export interface LocationSummary {
  id: string;
  name: string;
  address: string | null;
}

export interface RoomSummary {
  id: string;
  locationId: string;
  name: string;
}

export interface ProviderSummary {
  id: string;
  userId: string | null;
  displayName: string;
  specialty: string | null;
  colour: string;
  defaultLocationId: string | null;
}

/** A staff account a provider can be linked to (no more than a manager needs to choose one). */
export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  /** The provider already linked to this account, if any. */
  providerId: string | null;
}

export interface AppointmentTypeSummary {
  id: string;
  name: string;
  durationMinutes: number;
  colour: string;
  /** Minor units of the clinic's currency; null when the type has no default price. */
  defaultPriceMinor: number | null;
  currency: string;
  /** Empty: any provider. */
  providerIds: string[];
}

export interface TemplateSummary {
  id: string;
  providerId: string;
  locationId: string;
  weekday: number;
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
  validFrom: string | null;
  validUntil: string | null;
}

export interface ExceptionSummary {
  id: string;
  providerId: string;
  locationId: string | null;
  kind: (typeof EXCEPTION_KINDS)[number];
  date: string;
  endDate: string;
  start: string | null;
  end: string | null;
  reason: string | null;
}

export interface HolidaySummary {
  id: string;
  date: string;
  name: string;
  locationId: string | null;
}

export interface AppointmentView {
  id: string;
  patientId: string;
  patientName: string;
  patientMrn: string;
  providerId: string;
  locationId: string;
  roomId: string | null;
  typeId: string;
  typeName: string;
  colour: string;
  /** Instants (epoch ms UTC). */
  start: number;
  end: number;
  /** The clinic's wall clock at the start and end. */
  date: string;
  startTime: string;
  endTime: string;
  offsetMinutes: number;
  durationMinutes: number;
  reason: string | null;
  notes: string | null;
  status: AppointmentStatus;
  cancelReason: string | null;
  cancelledBy: string | null;
  cancelledAt: number | null;
  rescheduledFromId: string | null;
  /** Set for an occurrence of a recurring series (see series.get). */
  seriesId: string | null;
  meetingLink: string | null;
  overrideReason: string | null;
  createdAt: number;
  /** Send back as expectedUpdatedAt: a change by someone else in between is refused, not overwritten. */
  updatedAt: number;
}

export interface AppointmentHistoryEntry {
  at: number;
  userId: string | null;
  username: string | null;
  action: 'booked' | 'moved' | 'cancelled' | 'status' | 'details';
  changes: Record<string, unknown>;
  overrideReason: string | null;
}

export interface AppointmentDetail extends AppointmentView {
  history: AppointmentHistoryEntry[];
}

export interface AvailabilityInterval {
  start: number;
  end: number;
  locationId: string;
}

export interface ProviderDaySchedule {
  provider: ProviderSummary;
  /** Bookable time (shade the rest). */
  availability: AvailabilityInterval[];
  timeOff: { start: number; end: number; reason: string | null }[];
  appointments: AppointmentView[];
}

export interface DaySchedule {
  date: string;
  timeZone: string;
  /** The local day's first instant and the next day's (23, 24 or 25 hours apart, or 23.5 ...). */
  dayStart: number;
  dayEnd: number;
  holidays: HolidaySummary[];
  providers: ProviderDaySchedule[];
}

export interface Slot {
  providerId: string;
  providerName: string;
  locationId: string;
  locationName: string;
  start: number;
  end: number;
  /** Book with `start: {date, time, offsetMinutes}`. */
  date: string;
  time: string;
  offsetMinutes: number;
}

/** Why a booking or move is refused (each overridable with a reason). */
export type BookingProblemCode =
  'provider_busy' | 'room_busy' | 'patient_busy' | 'outside_hours' | 'time_off' | 'holiday';

export interface BookingProblem {
  code: BookingProblemCode;
  message: string;
}

// ---- procedures --------------------------------------------------------------------------------

export const bookInput = z.object({
  patientId: id('a patient'),
  providerId: id('a provider'),
  typeId: id('an appointment type'),
  /** Left out: the location where the provider works at that time (or their default). */
  locationId: id('a location').optional(),
  roomId: optionalId('a room'),
  start: localStart,
  /** Left out: the type's duration. */
  durationMinutes: z
    .number()
    .int('must be whole minutes')
    .min(5, 'must be at least 5 minutes')
    .max(720, 'must be at most 12 hours')
    .optional(),
  reason: optionalText(500),
  notes: optionalText(4000),
  meetingLink,
  /** The cancelled or missed appointment this one replaces. */
  rescheduledFromId: optionalId('an appointment'),
  override,
});

const moveInput = z.object({
  appointmentId: id('an appointment'),
  start: localStart.optional(),
  durationMinutes: z
    .number()
    .int('must be whole minutes')
    .min(5, 'must be at least 5 minutes')
    .max(720, 'must be at most 12 hours')
    .optional(),
  providerId: id('a provider').optional(),
  locationId: id('a location').optional(),
  /** Null: no room. Left out: unchanged (cleared when the location changes). */
  roomId: id('a room').nullable().optional(),
  expectedUpdatedAt: z.number().int().optional(),
  override,
});

const nextAvailableInput = z
  .object({
    typeId: id('an appointment type'),
    /** Empty or left out: any provider who may see this type. */
    providerIds: z.array(id('a provider')).max(100, 'at most 100 providers').default([]),
    locationId: id('a location').optional(),
    /** Slots when this room is free too (and at its location). */
    roomId: id('a room').optional(),
    from: localDate,
    to: localDate,
    partOfDay: z.enum(PARTS_OF_DAY, { error: `must be one of ${PARTS_OF_DAY.join(', ')}` }).default('any'),
    /** The patient's own appointments are avoided too. */
    patientId: id('a patient').optional(),
    limit: z.number().int().min(1).max(50).default(10),
    /** Slots start at the start of each free stretch of availability and every `stepMinutes` after. */
    stepMinutes: z.number().int().min(5).max(120).default(15),
    durationMinutes: z.number().int().min(5).max(720).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (daysBetween(q.from, q.to) >= MAX_SEARCH_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be within ${MAX_SEARCH_DAYS} days of from` });
  });

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

export type BookInput = z.output<typeof bookInput>;
export type MoveInput = z.output<typeof moveInput>;
export type NextAvailableInput = z.output<typeof nextAvailableInput>;

export const schedulingProcedures = {
  'schedule.createLocation': procedure<LocationSummary>()({
    input: z.object({ name: requiredText(120), address: optionalText(300) }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.listLocations': procedure<LocationSummary[]>()({
    input: z.object({}),
    access: 'appointments:read',
    kind: 'read',
  }),

  'schedule.createRoom': procedure<RoomSummary>()({
    input: z.object({ locationId: id('a location'), name: requiredText(80) }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.listRooms': procedure<RoomSummary[]>()({
    input: z.object({ locationId: id('a location').optional() }),
    access: 'appointments:read',
    kind: 'read',
  }),

  'schedule.createProvider': procedure<ProviderSummary>()({
    input: z.object({
      displayName: requiredText(120),
      userId: optionalId('a user'),
      specialty: optionalText(120),
      colour,
      defaultLocationId: optionalId('a location'),
    }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.listProviders': procedure<ProviderSummary[]>()({
    input: z.object({}),
    access: 'appointments:read',
    kind: 'read',
  }),
  /** Active staff accounts, for linking a provider to the account they sign in with. */
  'schedule.listStaff': procedure<StaffMember[]>()({ input: z.object({}), access: 'settings:manage', kind: 'read' }),

  'schedule.createType': procedure<AppointmentTypeSummary>()({
    input: z.object({
      name: requiredText(120),
      durationMinutes: z
        .number()
        .int('must be whole minutes')
        .min(5, 'must be at least 5 minutes')
        .max(720, 'must be at most 12 hours'),
      colour,
      defaultPriceMinor: z
        .number()
        .int('must be a whole number of minor units (cents)')
        .min(0, 'must not be negative')
        .max(100_000_000, 'is too large')
        .nullish()
        .transform((value) => value ?? null),
      providerIds: z.array(id('a provider')).max(200).default([]),
    }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.listTypes': procedure<AppointmentTypeSummary[]>()({
    input: z.object({}),
    access: 'appointments:read',
    kind: 'read',
  }),

  'schedule.createTemplate': procedure<TemplateSummary>()({
    input: z
      .object({
        providerId: id('a provider'),
        locationId: id('a location'),
        weekday,
        start: localTime,
        end: localEndTime,
        breaks: z.array(timeRange).max(10, 'at most 10 breaks').default([]),
        validFrom: localDate.nullish().transform((value) => value ?? null),
        validUntil: localDate.nullish().transform((value) => value ?? null),
      })
      .superRefine((t, ctx) => {
        if (t.start >= t.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after the start' });
        t.breaks.forEach((b, index) => {
          if (b.start < t.start || b.end > t.end)
            ctx.addIssue({ code: 'custom', path: ['breaks', index], message: 'must lie within the hours' });
        });
        if (t.validFrom && t.validUntil && t.validFrom > t.validUntil) {
          ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
        }
      }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.listTemplates': procedure<TemplateSummary[]>()({
    input: z.object({ providerId: id('a provider').optional() }),
    access: 'appointments:read',
    kind: 'read',
  }),

  'schedule.createException': procedure<ExceptionSummary>()({
    input: exceptionFields.extend({ providerId: id('a provider') }).superRefine(checkException),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.listExceptions': procedure<ExceptionSummary[]>()({
    input: z.object({ providerId: id('a provider').optional(), from: localDate.optional(), to: localDate.optional() }),
    access: 'appointments:read',
    kind: 'read',
  }),

  'schedule.createHoliday': procedure<HolidaySummary>()({
    input: z.object({ date: localDate, name: requiredText(120), locationId: optionalId('a location') }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.listHolidays': procedure<HolidaySummary[]>()({
    input: z.object({ from: localDate.optional(), to: localDate.optional() }),
    access: 'appointments:read',
    kind: 'read',
  }),

  'appointments.book': procedure<AppointmentView>()({ input: bookInput, access: 'appointments:write', kind: 'write' }),
  'appointments.move': procedure<AppointmentView>()({ input: moveInput, access: 'appointments:write', kind: 'write' }),
  'appointments.cancel': procedure<AppointmentView>()({
    input: z.object({
      appointmentId: id('an appointment'),
      reason: requiredText(500),
      expectedUpdatedAt: z.number().int().optional(),
    }),
    access: 'appointments:write',
    kind: 'write',
  }),
  /** Check-in and rooming are done by front desk and nurses alike. */
  /** Reason, notes and meeting link after booking (left out: unchanged; null: cleared). When, with whom and where is a move. */
  'appointments.updateDetails': procedure<AppointmentView>()({
    input: z.object({
      appointmentId: id('an appointment'),
      reason: optionalText(500).optional(),
      notes: optionalText(4000).optional(),
      meetingLink: meetingLink.optional(),
      expectedUpdatedAt: z.number().int().optional(),
    }),
    access: 'appointments:write',
    kind: 'write',
  }),
  'appointments.setStatus': procedure<AppointmentView>()({
    input: z.object({
      appointmentId: id('an appointment'),
      status: z.enum(APPOINTMENT_STATUSES, { error: `must be one of ${APPOINTMENT_STATUSES.join(', ')}` }),
      expectedUpdatedAt: z.number().int().optional(),
    }),
    access: 'visits:write',
    kind: 'write',
  }),
  'appointments.get': procedure<AppointmentDetail>()({
    input: z.object({ appointmentId: id('an appointment') }),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  'appointments.day': procedure<DaySchedule>()({
    input: z.object({
      date: localDate,
      /** Empty or left out: every provider. */
      providerIds: z.array(id('a provider')).max(100, 'at most 100 providers').default([]),
      locationId: id('a location').optional(),
      includeCancelled: z.boolean().default(false),
    }),
    access: 'appointments:read',
    kind: 'read',
  }),
  'appointments.nextAvailable': procedure<Slot[]>()({
    input: nextAvailableInput,
    access: 'appointments:read',
    kind: 'read',
  }),
};
