import { z } from 'zod';
import { procedure } from '../procedure';
import {
  WAITLIST_PARTS_OF_DAY,
  WAITLIST_PRIORITIES,
  type WaitlistPartOfDay,
  type WaitlistPriority,
} from '../../scheduling/waitlist-match';
import { localDate, localStart, override } from '../../scheduling/fields';
import type { AppointmentView } from '../../scheduling/model';
import { atMost, id } from '../../validation';

/**
 * The waitlist: patients waiting for a slot of one appointment type. When a slot is freed (an
 * appointment cancelled or moved) the screen asks `waitlist.offersForSlot` and books an offer with
 * `waitlist.book`, which books by the normal rules and marks the entry booked in one transaction.
 */

const weekdays = z
  .array(
    z
      .number()
      .int('must be 1 (Monday) to 7 (Sunday)')
      .min(1, 'must be 1 (Monday) to 7 (Sunday)')
      .max(7, 'must be 1 (Monday) to 7 (Sunday)'),
  )
  .max(7)
  .default([]);
const partsOfDay = z
  .array(z.enum(WAITLIST_PARTS_OF_DAY, { error: `must be one of ${WAITLIST_PARTS_OF_DAY.join(', ')}` }))
  .max(3)
  .default([]);
const priority = z.enum(WAITLIST_PRIORITIES, { error: `must be one of ${WAITLIST_PRIORITIES.join(', ')}` });
const note = z
  .string()
  .trim()
  .max(1000, 'must be at most 1000 characters')
  .nullish()
  .transform((value) => (value ? value : null));

const entryFields = {
  typeId: id('an appointment type'),
  /** Empty: any provider who sees the type. */
  providerIds: z.array(id('a provider')).max(50, 'at most 50 providers').default([]),
  /** Left out when adding: today. */
  earliestDate: localDate.optional(),
  latestDate: localDate.nullish().transform((value) => value ?? null),
  weekdays,
  partsOfDay,
  priority: priority.default('normal'),
  note,
};

const datesInOrder = (e: { earliestDate?: string; latestDate?: string | null }, ctx: z.RefinementCtx) => {
  if (e.earliestDate && e.latestDate && e.latestDate < e.earliestDate)
    ctx.addIssue({ code: 'custom', path: ['latestDate'], message: 'must not be before the earliest date' });
};

const addInput = z.object({ patientId: id('a patient'), ...entryFields }).superRefine(datesInOrder);
export type WaitlistAddInput = z.output<typeof addInput>;

const updateInput = z
  .object({
    entryId: id('a waitlist entry'),
    typeId: entryFields.typeId.optional(),
    providerIds: z.array(id('a provider')).max(50, 'at most 50 providers').optional(),
    earliestDate: localDate.optional(),
    latestDate: localDate.nullable().optional(),
    weekdays: weekdays.unwrap().optional(),
    partsOfDay: partsOfDay.unwrap().optional(),
    priority: priority.optional(),
    note: z.string().trim().max(1000, atMost(1000)).nullable().optional(),
    expectedUpdatedAt: z.number().int().optional(),
  })
  .superRefine(datesInOrder);
export type WaitlistUpdateInput = z.output<typeof updateInput>;

const slotInput = z.object({
  /** The freed slot: the cancelled appointment's provider and time, or a moved one's old place. */
  providerId: id('a provider'),
  locationId: id('a location').optional(),
  start: z.number().int('must be an instant in epoch milliseconds'),
  /** Leave out the patient whose appointment freed the slot. */
  excludePatientId: id('a patient').optional(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type OffersForSlotInput = z.output<typeof slotInput>;

const bookInput = z.object({
  entryId: id('a waitlist entry'),
  providerId: id('a provider'),
  locationId: id('a location').optional(),
  start: localStart,
  override,
});
export type WaitlistBookInput = z.output<typeof bookInput>;

export type WaitlistStatus = 'waiting' | 'booked' | 'removed';

export interface WaitlistEntryView {
  id: string;
  patientId: string;
  patientName: string;
  patientMrn: string;
  typeId: string;
  typeName: string;
  durationMinutes: number;
  providerIds: string[];
  /** Names of the providers asked for; empty: any. */
  providerNames: string[];
  earliestDate: string;
  latestDate: string | null;
  weekdays: number[];
  partsOfDay: WaitlistPartOfDay[];
  priority: WaitlistPriority;
  note: string | null;
  status: WaitlistStatus;
  appointmentId: string | null;
  removedReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface WaitlistOffer {
  entry: WaitlistEntryView;
  /** Book with `waitlist.book({entryId, providerId, locationId, start: {date, time, offsetMinutes}})`. */
  slot: {
    providerId: string;
    providerName: string;
    locationId: string;
    date: string;
    time: string;
    endTime: string;
    offsetMinutes: number;
    start: number;
    end: number;
  };
}

export const waitlistProcedures = {
  'waitlist.add': procedure<WaitlistEntryView>()({ input: addInput, access: 'appointments:write', kind: 'write' }),
  'waitlist.list': procedure<WaitlistEntryView[]>()({
    input: z.object({
      status: z
        .enum(['waiting', 'booked', 'removed', 'all'], { error: 'must be waiting, booked, removed or all' })
        .default('waiting'),
      typeId: id('an appointment type').optional(),
      patientId: id('a patient').optional(),
    }),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  'waitlist.update': procedure<WaitlistEntryView>()({
    input: updateInput,
    access: 'appointments:write',
    kind: 'write',
  }),
  'waitlist.remove': procedure<WaitlistEntryView>()({
    input: z.object({ entryId: id('a waitlist entry'), reason: note }),
    access: 'appointments:write',
    kind: 'write',
  }),
  /** Matching waiting entries for a freed slot, most urgent first, then longest waiting. */
  'waitlist.offersForSlot': procedure<WaitlistOffer[]>()({
    input: slotInput,
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  'waitlist.book': procedure<{ appointment: AppointmentView; entry: WaitlistEntryView }>()({
    input: bookInput,
    access: 'appointments:write',
    kind: 'write',
  }),
};
