import { z } from 'zod';
import { procedure } from '../procedure';
import { parseLocalTime } from '../../scheduling/time';
import {
  checkException,
  exceptionFields,
  localDate,
  localTime,
  type AppointmentTypeSummary,
  type ExceptionSummary,
  type HolidaySummary,
  type LocationSummary,
  type ProviderSummary,
  type RoomSummary,
  type TemplateSummary,
} from './scheduling';

/**
 * Changing the scheduling configuration after it is in use. Removing a provider or type that
 * appointments, series or waitlist entries refer to deactivates it (hidden from lists and booking,
 * still named on past appointments); what nothing refers to is deleted. Locations and rooms are always
 * deactivated (past appointments name them); hours, time off, extra hours and holidays are rules and
 * are ended. Removal is refused while future appointments (or, for a location, its hours) still
 * depend on it.
 */

const id = (what: string) => z.uuid(`must be ${what} id`);
const colour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour written as #rrggbb');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform((value) => (value ? value : null));
const endTime = z
  .string()
  .trim()
  .refine(
    (value) => parseLocalTime(value) !== null && value !== '00:00',
    'must be a time written as HH:mm, up to 24:00',
  );
const timeRange = z
  .object({ start: localTime, end: endTime })
  .refine((range) => range.start < range.end, { path: ['end'], message: 'must be after the start' });

export interface RemoveResult {
  /** deleted: nothing referred to it; deactivated: kept for the records that name it. */
  outcome: 'deleted' | 'deactivated';
  message: string;
}

const updateProvider = z.object({
  providerId: id('a provider'),
  displayName: text(120).optional(),
  specialty: optionalText(120).optional(),
  colour: colour.optional(),
  defaultLocationId: id('a location').nullable().optional(),
  /** The staff account this provider signs in with; null: a bookable person without a login. */
  userId: id('a user').nullable().optional(),
});
export type UpdateProviderInput = z.output<typeof updateProvider>;

const updateType = z.object({
  typeId: id('an appointment type'),
  name: text(120).optional(),
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
  end: endTime.optional(),
  breaks: z.array(timeRange).max(10, 'at most 10 breaks').optional(),
  validFrom: localDate.nullable().optional(),
  validUntil: localDate.nullable().optional(),
});
export type UpdateTemplateInput = z.output<typeof updateTemplate>;

const updateLocation = z.object({
  locationId: id('a location'),
  name: text(120).optional(),
  address: optionalText(300).optional(),
});
export type UpdateLocationInput = z.output<typeof updateLocation>;

/** A room keeps its location (appointments booked in it are at that location): remove it and add one elsewhere. */
const updateRoom = z.object({ roomId: id('a room'), name: text(80) });
export type UpdateRoomInput = z.output<typeof updateRoom>;

/** Replaces the exception's fields as a whole (as createException takes them); its provider stays. */
const updateException = exceptionFields
  .extend({ exceptionId: id('a time off or extra hours') })
  .superRefine(checkException);
export type UpdateExceptionInput = z.output<typeof updateException>;

const updateHoliday = z.object({
  holidayId: id('a holiday'),
  date: localDate.optional(),
  name: text(120).optional(),
  /** Null: every location. */
  locationId: id('a location').nullable().optional(),
});
export type UpdateHolidayInput = z.output<typeof updateHoliday>;

export const scheduleUpdateProcedures = {
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

export type ScheduleUpdateProcedure = keyof typeof scheduleUpdateProcedures;
