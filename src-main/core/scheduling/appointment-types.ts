import type { Kysely } from 'kysely';
import type { AppointmentTypeSummary, RemoveResult } from '../../../src-shared/scheduling/model';
import type { UpdateTypeInput } from '../../../src-shared/api/areas/schedule';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { AppointmentTypeRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import { futureAppointments, isReferenced, someoneWaitsFor } from './appointment-repository';
import { clinicClock, requireProvider, requireType, toType } from './config';
import {
  allTypeLinks,
  deleteType,
  deleteTypeLinks,
  insertType,
  insertTypeLinks,
  liveTypes,
  typeNamed,
  updateTypeRow,
} from './type-repository';

/**
 * Appointment types: a name, a length, a colour, a default price, and the providers who see it (none:
 * any provider). A type that records name is deactivated when removed, as a provider is (providers.ts).
 */

type Db = Kysely<Database>;

export async function createType(
  db: Db,
  input: {
    name: string;
    durationMinutes: number;
    colour: string;
    defaultPriceMinor: number | null;
    providerIds: string[];
  },
  now: number,
): Promise<AppointmentTypeSummary> {
  const { currency } = await clinicClock(db);
  if (await typeNamed(db, input.name))
    throw fieldError('name', `there is already an appointment type called ${input.name}`);
  const providerIds = [...new Set(input.providerIds)];
  for (const [index, providerId] of providerIds.entries())
    await requireProvider(db, providerId, `providerIds.${index}`);
  const row: AppointmentTypeRow = {
    id: newId(),
    name: input.name,
    duration_minutes: input.durationMinutes,
    colour: input.colour,
    default_price_minor: input.defaultPriceMinor,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertType(db, row);
  await insertTypeLinks(db, row.id, providerIds, now);
  return toType(row, providerIds, currency);
}

export async function listTypes(db: ReadDb): Promise<AppointmentTypeSummary[]> {
  const { currency } = await clinicClock(db);
  const [rows, links] = await Promise.all([liveTypes(db), allTypeLinks(db)]);
  return rows.map((row) =>
    toType(
      row,
      links.filter((link) => link.type_id === row.id).map((link) => link.provider_id),
      currency,
    ),
  );
}

export async function updateType(db: Db, input: UpdateTypeInput, now: number): Promise<AppointmentTypeSummary> {
  const before = await requireType(db, input.typeId);
  if (input.name !== undefined && (await typeNamed(db, input.name, before.row.id)))
    throw fieldError('name', `there is already an appointment type called ${input.name}`);
  await updateTypeRow(db, before.row.id, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
    ...(input.colour !== undefined && { colour: input.colour }),
    ...(input.defaultPriceMinor !== undefined && { default_price_minor: input.defaultPriceMinor }),
    updated_at: Math.max(now, before.row.updated_at + 1),
  });
  if (input.providerIds !== undefined) {
    const providerIds = [...new Set(input.providerIds)];
    for (const [index, providerId] of providerIds.entries())
      await requireProvider(db, providerId, `providerIds.${index}`);
    await deleteTypeLinks(db, before.row.id);
    await insertTypeLinks(db, before.row.id, providerIds, now);
  }
  const updated = (await listTypes(db)).find((t) => t.id === before.row.id);
  if (!updated) throw new Error('the type vanished while being updated');
  return updated;
}

export async function removeType(db: Db, typeId: string, now: number): Promise<RemoveResult> {
  const { row } = await requireType(db, typeId);
  const future = await futureAppointments(db, 'type_id', row.id, now);
  if (future > 0) {
    throw new ApiError(
      'CONFLICT',
      `${future} upcoming appointment${future === 1 ? ' is' : 's are'} ${row.name}: move or cancel them first.`,
      { upcoming: future },
    );
  }
  if (await someoneWaitsFor(db, row.id))
    throw new ApiError('CONFLICT', `Patients are on the waitlist for ${row.name}: book or remove them first.`);
  if (await isReferenced(db, 'type_id', row.id)) {
    await updateTypeRow(db, row.id, { deleted_at: now, updated_at: Math.max(now, row.updated_at + 1) });
    return {
      outcome: 'deactivated',
      message: `${row.name} is deactivated: past appointments keep it; it can no longer be booked.`,
    };
  }
  await deleteType(db, row.id);
  return { outcome: 'deleted', message: `${row.name} is deleted (no appointment referred to it).` };
}
