import type { Kysely } from 'kysely';
import type { AppointmentView } from '../../../src-shared/scheduling/model';
import type {
  OffersForSlotInput,
  WaitlistAddInput,
  WaitlistBookInput,
  WaitlistEntryView,
  WaitlistOffer,
  WaitlistUpdateInput,
} from '../../../src-shared/api/areas/waitlist';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { displayName } from '../../../src-shared/patients/names';
import { providerDay } from '../../../src-shared/scheduling/availability';
import { mergeIntervals } from '../../../src-shared/scheduling/intervals';
import { byPriorityThenAge, mismatch, type WaitlistPartOfDay } from '../../../src-shared/scheduling/waitlist-match';
import { localParts, localTimeOf, MINUTE_MS } from '../../../src-shared/scheduling/time';
import type { Database, WaitlistEntryRow } from '../db/schema';
import { newId } from '../ids';
import { blockingOverlaps, firstBlockingOverlap } from './appointment-repository';
import { bookAppointment, type Actor, type WriteOutcome } from './appointments';
import { clinicClock, loadRules, requireProvider, requireType } from './config';
import { requireLivePatient } from '../patients/live-patient';
import { allTypeLinks } from './type-repository';
import {
  allProviderNames,
  findEntry,
  findJoinedEntry,
  insertEntry,
  joinedEntries,
  updateEntryRow,
  waitingOn,
  type JoinedEntry,
} from './waitlist-repository';
import type { ReadDb } from '../db/handles';

/**
 * The waitlist. Entries are never deleted (they name a patient): removing one marks it removed,
 * booking one marks it booked with the appointment. Offers for a freed slot are computed on demand
 * from the provider's availability and bookings at that moment, so they are never stale.
 */

type Db = Kysely<Database>;

function parseList<T>(json: string): T[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as T[]) : [];
}

function toView(row: JoinedEntry, names: Map<string, string>): WaitlistEntryView {
  const providerIds = parseList<string>(row.provider_ids);
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    patientMrn: row.mrn,
    typeId: row.type_id,
    typeName: row.type_name,
    durationMinutes: row.duration_minutes,
    providerIds,
    providerNames: providerIds.map((id) => names.get(id) ?? 'a removed provider'),
    earliestDate: row.earliest_date,
    latestDate: row.latest_date,
    weekdays: parseList<number>(row.weekdays),
    partsOfDay: parseList<WaitlistPartOfDay>(row.parts_of_day),
    priority: row.priority,
    note: row.note,
    status: row.status,
    appointmentId: row.appointment_id,
    removedReason: row.removed_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function viewEntry(db: Db, id: string): Promise<WaitlistEntryView> {
  const row = await findJoinedEntry(db, id);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such waitlist entry.', {
      fields: { entryId: 'no such waitlist entry' },
    });
  return toView(row, await allProviderNames(db));
}

async function checkReferences(db: Db, fields: { typeId?: string; providerIds?: readonly string[] }): Promise<void> {
  if (fields.typeId) await requireType(db, fields.typeId);
  for (const [index, providerId] of (fields.providerIds ?? []).entries())
    await requireProvider(db, providerId, `providerIds.${index}`);
}

export async function addEntry(db: Db, input: WaitlistAddInput, actor: Actor, now: number): Promise<WaitlistEntryView> {
  const { timeZone: zone } = await clinicClock(db);
  await requireLivePatient(db, input.patientId);
  await checkReferences(db, input);
  const earliest = input.earliestDate ?? localParts(zone, now).date;
  if (input.latestDate !== null && input.latestDate < earliest)
    throw fieldError('latestDate', 'must not be before the earliest date');
  const row: WaitlistEntryRow = {
    id: newId(),
    patient_id: input.patientId,
    type_id: input.typeId,
    provider_ids: JSON.stringify([...new Set(input.providerIds)]),
    earliest_date: earliest,
    latest_date: input.latestDate,
    weekdays: JSON.stringify([...new Set(input.weekdays)].sort()),
    parts_of_day: JSON.stringify([...new Set(input.partsOfDay)]),
    priority: input.priority,
    note: input.note,
    status: 'waiting',
    appointment_id: null,
    removed_reason: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertEntry(db, row);
  return viewEntry(db, row.id);
}

export async function listEntries(
  db: ReadDb,
  filter: { status: 'waiting' | 'booked' | 'removed' | 'all'; typeId?: string; patientId?: string },
): Promise<WaitlistEntryView[]> {
  const names = await allProviderNames(db);
  return (await joinedEntries(db, filter)).map((row) => toView(row, names)).sort(byPriorityThenAge);
}

async function waitingEntry(db: Db, entryId: string, expectedUpdatedAt?: number): Promise<WaitlistEntryRow> {
  const row = await findEntry(db, entryId);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such waitlist entry.', {
      fields: { entryId: 'no such waitlist entry' },
    });
  if (row.status !== 'waiting') throw new ApiError('CONFLICT', `This waitlist entry is already ${row.status}.`);
  if (expectedUpdatedAt !== undefined && row.updated_at !== expectedUpdatedAt) {
    throw new ApiError(
      'CONFLICT',
      'Someone else changed this waitlist entry since you loaded it. Reload it and try again.',
    );
  }
  return row;
}

export async function updateEntry(db: Db, input: WaitlistUpdateInput, now: number): Promise<WaitlistEntryView> {
  const before = await waitingEntry(db, input.entryId, input.expectedUpdatedAt);
  await checkReferences(db, input);
  const earliest = input.earliestDate ?? before.earliest_date;
  const latest = input.latestDate !== undefined ? input.latestDate : before.latest_date;
  if (latest !== null && latest < earliest) throw fieldError('latestDate', 'must not be before the earliest date');
  await updateEntryRow(db, before.id, {
    ...(input.typeId !== undefined && { type_id: input.typeId }),
    ...(input.providerIds !== undefined && { provider_ids: JSON.stringify([...new Set(input.providerIds)]) }),
    earliest_date: earliest,
    latest_date: latest,
    ...(input.weekdays !== undefined && { weekdays: JSON.stringify([...new Set(input.weekdays)].sort()) }),
    ...(input.partsOfDay !== undefined && { parts_of_day: JSON.stringify([...new Set(input.partsOfDay)]) }),
    ...(input.priority !== undefined && { priority: input.priority }),
    ...(input.note !== undefined && { note: input.note === '' ? null : input.note }),
    updated_at: Math.max(now, before.updated_at + 1),
  });
  return viewEntry(db, before.id);
}

export async function removeEntry(
  db: Db,
  input: { entryId: string; reason: string | null },
  now: number,
): Promise<WaitlistEntryView> {
  const before = await waitingEntry(db, input.entryId);
  await updateEntryRow(db, before.id, {
    status: 'removed',
    removed_reason: input.reason,
    updated_at: Math.max(now, before.updated_at + 1),
  });
  return viewEntry(db, before.id);
}

/**
 * How long the provider is free from `start` at the location: to the end of the stretch of
 * availability holding `start`, or to their next booking, whichever is first. Zero when `start` lies
 * outside their hours.
 */
async function freeFrom(
  db: ReadDb,
  zone: string,
  providerId: string,
  locationId: string | undefined,
  start: number,
): Promise<{ minutes: number; locationId: string | null }> {
  const date = localParts(zone, start).date;
  const rules = await loadRules(db, [providerId], date, date);
  const day = providerDay(zone, date, providerId, rules);
  const here = day.intervals.filter(
    (i) => (locationId === undefined || i.locationId === locationId) && i.start <= start && start < i.end,
  );
  const stretch = here[0];
  if (!stretch) return { minutes: 0, locationId: null };
  const joined = mergeIntervals(day.intervals.filter((i) => i.locationId === stretch.locationId)).find(
    (i) => i.start <= start && start < i.end,
  );
  const stretchEnd = joined?.end ?? stretch.end;
  const next = await blockingOverlaps(db, 'provider_id', [providerId], start, stretchEnd).orderBy('start_at').execute();
  if (next.some((a) => a.start_at <= start)) return { minutes: 0, locationId: stretch.locationId };
  const until = Math.min(stretchEnd, ...next.map((a) => a.start_at));
  return { minutes: Math.floor((until - start) / MINUTE_MS), locationId: stretch.locationId };
}

/** Does the patient have a blocking appointment overlapping [start, end)? */
async function patientBusy(db: ReadDb, patientId: string, start: number, end: number): Promise<boolean> {
  return (await firstBlockingOverlap(db, 'patient_id', patientId, { start, end })) !== undefined;
}

export async function offersForSlot(db: ReadDb, input: OffersForSlotInput, now: number): Promise<WaitlistOffer[]> {
  const { timeZone: zone } = await clinicClock(db);
  const provider = await requireProvider(db, input.providerId);
  if (input.start < now) return [];
  const local = localParts(zone, input.start);
  const free = await freeFrom(db, zone, provider.id, input.locationId, input.start);
  if (free.minutes <= 0 || free.locationId === null) return [];
  const locationId = free.locationId;

  const candidates = await waitingOn(db, local.date);
  const typeLinks = await allTypeLinks(db);
  const names = await allProviderNames(db);
  const fitting = candidates
    .map((row) => toView(row, names))
    .filter((entry) => entry.patientId !== input.excludePatientId)
    .filter(
      (entry) =>
        mismatch(
          {
            ...entry,
            typeProviderIds: typeLinks.filter((l) => l.type_id === entry.typeId).map((l) => l.provider_id),
          },
          { providerId: provider.id, date: local.date, startMinutes: local.minutes, freeMinutes: free.minutes },
        ) === null,
    );
  const offers: WaitlistOffer[] = [];
  for (const entry of fitting.sort(byPriorityThenAge)) {
    const end = input.start + entry.durationMinutes * MINUTE_MS;
    // A patient who is elsewhere at that time cannot take the slot.
    if (await patientBusy(db, entry.patientId, input.start, end)) continue;
    offers.push({
      entry,
      slot: {
        providerId: provider.id,
        providerName: provider.display_name,
        locationId,
        date: local.date,
        time: localTimeOf(zone, input.start),
        endTime: localTimeOf(zone, end),
        offsetMinutes: local.offsetMinutes,
        start: input.start,
        end,
      },
    });
    if (offers.length >= input.limit) break;
  }
  return offers;
}

/** Books the entry's patient and type at the slot by the normal rules, and marks the entry booked. */
export async function bookFromEntry(
  db: Db,
  input: WaitlistBookInput,
  actor: Actor,
  now: number,
): Promise<{ outcome: WriteOutcome; result: { appointment: AppointmentView; entry: WaitlistEntryView } }> {
  const entry = await waitingEntry(db, input.entryId);
  const outcome = await bookAppointment(
    db,
    {
      patientId: entry.patient_id,
      providerId: input.providerId,
      typeId: entry.type_id,
      locationId: input.locationId,
      roomId: null,
      start: input.start,
      reason: entry.note,
      notes: null,
      meetingLink: null,
      rescheduledFromId: null,
      override: input.override,
    },
    actor,
    now,
  );
  await updateEntryRow(db, entry.id, {
    status: 'booked',
    appointment_id: outcome.view.id,
    updated_at: Math.max(now, entry.updated_at + 1),
  });
  return { outcome, result: { appointment: outcome.view, entry: await viewEntry(db, entry.id) } };
}
