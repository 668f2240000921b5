import { sql, type Kysely } from 'kysely';
import type { AppointmentTypeSummary, ProviderSummary, TemplateSummary } from '../../../src-shared/scheduling/model';
import type { UpdateProviderInput, UpdateTemplateInput, UpdateTypeInput } from '../../../src-shared/api/areas/schedule';
import type { RemoveResult } from '../../../src-shared/scheduling/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { BLOCKING_STATUSES } from '../../../src-shared/scheduling/status';
import type { Database } from '../db/schema';
import {
  listTemplates,
  listTypes,
  nameColumn,
  requireLinkableUser,
  requireLocation,
  requireProvider,
  requireType,
  toProvider,
} from './config';

/**
 * Changing scheduling configuration in use. Nothing a record names is ever deleted: a provider or
 * type that appointments, series or waitlist entries refer to is deactivated (`deleted_at`), which
 * hides it from lists, booking and next-available while past appointments keep their names. Removal
 * is refused while future live appointments depend on it: they must be moved or cancelled first, by
 * a person, not silently orphaned.
 */

type Db = Kysely<Database>;

/** Live appointments with this provider, type, location or room that end after now. */
export async function futureAppointments(
  db: Db,
  column: 'provider_id' | 'type_id' | 'location_id' | 'room_id',
  id: string,
  now: number,
): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', id)
    .where('end_at', '>', now)
    .where('status', 'in', [...BLOCKING_STATUSES])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

async function referenced(db: Db, column: 'provider_id' | 'type_id', id: string): Promise<boolean> {
  const [appointment, series] = await Promise.all([
    db.selectFrom('appointments').select('id').where(column, '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('appointment_series').select('id').where(column, '=', id).limit(1).executeTakeFirst(),
  ]);
  if (appointment || series) return true;
  if (column === 'type_id')
    return (
      (await db.selectFrom('waitlist_entries').select('id').where('type_id', '=', id).limit(1).executeTakeFirst()) !==
      undefined
    );
  const listed = await db
    .selectFrom('waitlist_entries')
    .select('id')
    .where(sql<boolean>`exists (select 1 from json_each(provider_ids) where value = ${id})`)
    .limit(1)
    .executeTakeFirst();
  return listed !== undefined;
}

export async function updateProvider(db: Db, input: UpdateProviderInput, now: number): Promise<ProviderSummary> {
  const before = await requireProvider(db, input.providerId);
  if (input.defaultLocationId) await requireLocation(db, input.defaultLocationId, 'defaultLocationId');
  if (input.userId) await requireLinkableUser(db, input.userId, before.id);
  const changes = {
    ...(input.displayName !== undefined && { display_name: input.displayName }),
    ...(input.specialty !== undefined && { specialty: input.specialty }),
    ...(input.colour !== undefined && { colour: input.colour }),
    ...(input.defaultLocationId !== undefined && { default_location_id: input.defaultLocationId }),
    ...(input.userId !== undefined && { user_id: input.userId }),
    updated_at: Math.max(now, before.updated_at + 1),
  };
  await db.updateTable('providers').set(changes).where('id', '=', before.id).execute();
  return toProvider(await requireProvider(db, before.id));
}

export async function removeProvider(db: Db, providerId: string, now: number): Promise<RemoveResult> {
  const provider = await requireProvider(db, providerId);
  const future = await futureAppointments(db, 'provider_id', provider.id, now);
  if (future > 0) {
    throw new ApiError(
      'CONFLICT',
      `${provider.display_name} still has ${future} upcoming appointment${future === 1 ? '' : 's'}: move or cancel them first.`,
      { upcoming: future },
    );
  }
  if (await referenced(db, 'provider_id', provider.id)) {
    await db
      .updateTable('providers')
      .set({ deleted_at: now, updated_at: Math.max(now, provider.updated_at + 1) })
      .where('id', '=', provider.id)
      .execute();
    await db
      .updateTable('availability_templates')
      .set({ deleted_at: now, updated_at: now })
      .where('provider_id', '=', provider.id)
      .where('deleted_at', 'is', null)
      .execute();
    return {
      outcome: 'deactivated',
      message: `${provider.display_name} is deactivated: past appointments keep the name; no new bookings.`,
    };
  }
  await db.deleteFrom('availability_templates').where('provider_id', '=', provider.id).execute();
  await db.deleteFrom('availability_exceptions').where('provider_id', '=', provider.id).execute();
  await db.deleteFrom('appointment_type_providers').where('provider_id', '=', provider.id).execute();
  await db.deleteFrom('providers').where('id', '=', provider.id).execute();
  return { outcome: 'deleted', message: `${provider.display_name} is deleted (no appointment referred to them).` };
}

export async function updateType(db: Db, input: UpdateTypeInput, now: number): Promise<AppointmentTypeSummary> {
  const before = await requireType(db, input.typeId);
  if (input.name !== undefined) {
    const clash = await db
      .selectFrom('appointment_types')
      .select('id')
      .where(nameColumn, '=', input.name)
      .where('id', '!=', before.row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (clash) throw fieldError('name', `there is already an appointment type called ${input.name}`);
  }
  await db
    .updateTable('appointment_types')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
      ...(input.colour !== undefined && { colour: input.colour }),
      ...(input.defaultPriceMinor !== undefined && { default_price_minor: input.defaultPriceMinor }),
      updated_at: Math.max(now, before.row.updated_at + 1),
    })
    .where('id', '=', before.row.id)
    .execute();
  if (input.providerIds !== undefined) {
    const providerIds = [...new Set(input.providerIds)];
    for (const [index, providerId] of providerIds.entries())
      await requireProvider(db, providerId, `providerIds.${index}`);
    await db.deleteFrom('appointment_type_providers').where('type_id', '=', before.row.id).execute();
    if (providerIds.length > 0) {
      await db
        .insertInto('appointment_type_providers')
        .values(
          providerIds.map((providerId) => ({
            type_id: before.row.id,
            provider_id: providerId,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
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
  const waiting = await db
    .selectFrom('waitlist_entries')
    .select('id')
    .where('type_id', '=', row.id)
    .where('status', '=', 'waiting')
    .limit(1)
    .executeTakeFirst();
  if (waiting)
    throw new ApiError('CONFLICT', `Patients are on the waitlist for ${row.name}: book or remove them first.`);
  if (await referenced(db, 'type_id', row.id)) {
    await db
      .updateTable('appointment_types')
      .set({ deleted_at: now, updated_at: Math.max(now, row.updated_at + 1) })
      .where('id', '=', row.id)
      .execute();
    return {
      outcome: 'deactivated',
      message: `${row.name} is deactivated: past appointments keep it; it can no longer be booked.`,
    };
  }
  await db.deleteFrom('appointment_type_providers').where('type_id', '=', row.id).execute();
  await db.deleteFrom('appointment_types').where('id', '=', row.id).execute();
  return { outcome: 'deleted', message: `${row.name} is deleted (no appointment referred to it).` };
}

async function requireTemplate(db: Db, templateId: string) {
  const row = await db
    .selectFrom('availability_templates')
    .selectAll()
    .where('id', '=', templateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError('templateId', 'no such availability template');
  return row;
}

export async function updateTemplate(db: Db, input: UpdateTemplateInput, now: number): Promise<TemplateSummary> {
  const before = await requireTemplate(db, input.templateId);
  const start = input.start ?? before.start_time;
  const end = input.end ?? before.end_time;
  if (start >= end) throw fieldError('end', 'must be after the start');
  const breaks = input.breaks
    ? [...input.breaks].sort((a, b) => a.start.localeCompare(b.start))
    : (JSON.parse(before.breaks) as { start: string; end: string }[]);
  for (const [index, b] of breaks.entries()) {
    if (b.start < start || b.end > end) throw fieldError(`breaks.${index}`, 'must lie within the hours');
    const previous = breaks[index - 1];
    if (previous && b.start < previous.end) throw fieldError(`breaks.${index}`, 'overlaps another break');
  }
  const validFrom = input.validFrom !== undefined ? input.validFrom : before.valid_from;
  const validUntil = input.validUntil !== undefined ? input.validUntil : before.valid_until;
  if (validFrom && validUntil && validFrom > validUntil) throw fieldError('validUntil', 'must not be before validFrom');
  await db
    .updateTable('availability_templates')
    .set({
      start_time: start,
      end_time: end,
      breaks: JSON.stringify(breaks.map((b) => ({ start: b.start, end: b.end }))),
      valid_from: validFrom,
      valid_until: validUntil,
      updated_at: Math.max(now, before.updated_at + 1),
    })
    .where('id', '=', before.id)
    .execute();
  const updated = (await listTemplates(db, before.provider_id)).find((t) => t.id === before.id);
  if (!updated) throw new Error('the template vanished while being updated');
  return updated;
}

/** Templates are rules, not records: removing one ends it (soft), whatever was booked under it. */
export async function removeTemplate(db: Db, templateId: string, now: number): Promise<RemoveResult> {
  const before = await requireTemplate(db, templateId);
  await db
    .updateTable('availability_templates')
    .set({ deleted_at: now, updated_at: Math.max(now, before.updated_at + 1) })
    .where('id', '=', before.id)
    .execute();
  return { outcome: 'deactivated', message: 'The hours are removed; appointments already booked in them stay.' };
}
