import { z } from 'zod';
import { procedure } from '../procedure';
import {
  checkException,
  colour,
  exceptionFields,
  localDate,
  localEndTime,
  localTime,
  timeRange,
  weekday,
} from '../../scheduling/fields';
import type {
  AppointmentTypeSummary,
  ExceptionSummary,
  HolidaySummary,
  LocationSummary,
  ProviderSummary,
  RemoveResult,
  RoomSummary,
  StaffMember,
  TemplateSummary,
} from '../../scheduling/model';
import { clearableText, id, optionalId, optionalText, requiredText } from '../../validation';

/** schedule.*: the clinic's scheduling set-up (locations, rooms, providers, appointment types, weekly hours, time off, extra hours, holidays). */

/**
 * Changing the scheduling configuration after it is in use. Removing a provider or type that
 * appointments, series or waitlist entries refer to deactivates it (hidden from lists and booking,
 * still named on past appointments); what nothing refers to is deleted. Locations and rooms are always
 * deactivated (past appointments name them); hours, time off, extra hours and holidays are rules and
 * are ended. Removal is refused while future appointments (or, for a location, its hours) still
 * depend on it.
 */

const updateProvider = z.object({
  providerId: id('a provider'),
  displayName: requiredText(120).optional(),
  specialty: clearableText(120).optional(),
  colour: colour.optional(),
  defaultLocationId: id('a location').nullable().optional(),
  /** The staff account this provider signs in with; null: a bookable person without a login. */
  userId: id('a user').nullable().optional(),
});
export type UpdateProviderInput = z.output<typeof updateProvider>;

const updateType = z.object({
  typeId: id('an appointment type'),
  name: requiredText(120).optional(),
  /** Applies to bookings made from now on; existing appointments keep their length. */
  durationMinutes: z
    .number()
    .int('must be whole minutes')
    .min(5, 'must be at least 5 minutes')
    .max(720, 'must be at most 12 hours')
    .optional(),
  colour: colour.optional(),
  defaultPriceMinor: z
    .number()
    .int('must be a whole number of minor units (cents)')
    .min(0, 'must not be negative')
    .max(100_000_000, 'is too large')
    .nullable()
    .optional(),
  providerIds: z.array(id('a provider')).max(200).optional(),
});
export type UpdateTypeInput = z.output<typeof updateType>;

const updateTemplate = z.object({
  templateId: id('an availability template'),
  start: localTime.optional(),
  end: localEndTime.optional(),
  breaks: z.array(timeRange).max(10, 'at most 10 breaks').optional(),
  validFrom: localDate.nullable().optional(),
  validUntil: localDate.nullable().optional(),
});
export type UpdateTemplateInput = z.output<typeof updateTemplate>;

const updateLocation = z.object({
  locationId: id('a location'),
  name: requiredText(120).optional(),
  address: clearableText(300).optional(),
});
export type UpdateLocationInput = z.output<typeof updateLocation>;

/** A room keeps its location (appointments booked in it are at that location): remove it and add one elsewhere. */
const updateRoom = z.object({ roomId: id('a room'), name: requiredText(80) });
export type UpdateRoomInput = z.output<typeof updateRoom>;

/** Replaces the exception's fields as a whole (as createException takes them); its provider stays. */
const updateException = exceptionFields
  .extend({ exceptionId: id('a time off or extra hours') })
  .superRefine(checkException);
export type UpdateExceptionInput = z.output<typeof updateException>;

const updateHoliday = z.object({
  holidayId: id('a holiday'),
  date: localDate.optional(),
  name: requiredText(120).optional(),
  /** Null: every location. */
  locationId: id('a location').nullable().optional(),
});
export type UpdateHolidayInput = z.output<typeof updateHoliday>;

export const scheduleProcedures = {
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

  'schedule.updateProvider': procedure<ProviderSummary>()({
    input: updateProvider,
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.removeProvider': procedure<RemoveResult>()({
    input: z.object({ providerId: id('a provider') }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.updateType': procedure<AppointmentTypeSummary>()({
    input: updateType,
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.removeType': procedure<RemoveResult>()({
    input: z.object({ typeId: id('an appointment type') }),
    access: 'settings:manage',
    kind: 'write',
  }),
  /** Existing appointments stay where they are; booking and next-available follow the new hours. */
  'schedule.updateTemplate': procedure<TemplateSummary>()({
    input: updateTemplate,
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.removeTemplate': procedure<RemoveResult>()({
    input: z.object({ templateId: id('an availability template') }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.updateLocation': procedure<LocationSummary>()({
    input: updateLocation,
    access: 'settings:manage',
    kind: 'write',
  }),
  /** Refused while upcoming appointments, weekly hours, extra hours or a provider's default name it; its rooms, holidays and time off there go with it. */
  'schedule.removeLocation': procedure<RemoveResult>()({
    input: z.object({ locationId: id('a location') }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.updateRoom': procedure<RoomSummary>()({ input: updateRoom, access: 'settings:manage', kind: 'write' }),
  /** Refused while upcoming appointments are booked in it or a patient is in it now. */
  'schedule.removeRoom': procedure<RemoveResult>()({
    input: z.object({ roomId: id('a room') }),
    access: 'settings:manage',
    kind: 'write',
  }),
  /** Like createException, appointments already booked stay where they are: booking and next-available follow the change. */
  'schedule.updateException': procedure<ExceptionSummary>()({
    input: updateException,
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.removeException': procedure<RemoveResult>()({
    input: z.object({ exceptionId: id('a time off or extra hours') }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.updateHoliday': procedure<HolidaySummary>()({
    input: updateHoliday,
    access: 'settings:manage',
    kind: 'write',
  }),
  'schedule.removeHoliday': procedure<RemoveResult>()({
    input: z.object({ holidayId: id('a holiday') }),
    access: 'settings:manage',
    kind: 'write',
  }),
};
