import type { Kysely } from 'kysely';
import type { RemoveResult, TemplateSummary } from '../../../src-shared/scheduling/model';
import type { UpdateTemplateInput } from '../../../src-shared/api/areas/schedule';
import { fieldError } from '../../../src-shared/api/errors';
import type { AvailabilityTemplateRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import { findTemplate, insertTemplate, liveTemplates, updateTemplateRow } from './availability-repository';
import { requireLocation, requireProvider, toTemplate } from './config';

/**
 * A provider's weekly hours (availability templates): a weekday, hours at a location, breaks, and the
 * dates they hold between. They are rules, not records: a change applies from now on, and removing
 * one ends it (`deleted_at`) whatever was booked under it.
 */

type Db = Kysely<Database>;

export async function createTemplate(
  db: Db,
  input: {
    providerId: string;
    locationId: string;
    weekday: number;
    start: string;
    end: string;
    breaks: { start: string; end: string }[];
    validFrom: string | null;
    validUntil: string | null;
  },
  now: number,
): Promise<TemplateSummary> {
  await requireProvider(db, input.providerId);
  await requireLocation(db, input.locationId);
  const breaks = [...input.breaks].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < breaks.length; i += 1) {
    const previous = breaks[i - 1];
    const current = breaks[i];
    if (previous && current && current.start < previous.end) throw fieldError(`breaks.${i}`, 'overlaps another break');
  }
  const row: AvailabilityTemplateRow = {
    id: newId(),
    provider_id: input.providerId,
    location_id: input.locationId,
    weekday: input.weekday,
    start_time: input.start,
    end_time: input.end,
    breaks: JSON.stringify(breaks.map((b) => ({ start: b.start, end: b.end }))),
    valid_from: input.validFrom,
    valid_until: input.validUntil,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertTemplate(db, row);
  return toTemplate(row);
}

export async function listTemplates(db: ReadDb, providerId?: string): Promise<TemplateSummary[]> {
  return (await liveTemplates(db, providerId)).map(toTemplate);
}

async function requireTemplate(db: ReadDb, templateId: string) {
  const row = await findTemplate(db, templateId);
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
  await updateTemplateRow(db, before.id, {
    start_time: start,
    end_time: end,
    breaks: JSON.stringify(breaks.map((b) => ({ start: b.start, end: b.end }))),
    valid_from: validFrom,
    valid_until: validUntil,
    updated_at: Math.max(now, before.updated_at + 1),
  });
  const updated = (await listTemplates(db, before.provider_id)).find((t) => t.id === before.id);
  if (!updated) throw new Error('the template vanished while being updated');
  return updated;
}

/** Templates are rules, not records: removing one ends it (soft), whatever was booked under it. */
export async function removeTemplate(db: Db, templateId: string, now: number): Promise<RemoveResult> {
  const before = await requireTemplate(db, templateId);
  await updateTemplateRow(db, before.id, { deleted_at: now, updated_at: Math.max(now, before.updated_at + 1) });
  return { outcome: 'deactivated', message: 'The hours are removed; appointments already booked in them stay.' };
}
