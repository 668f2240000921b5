import type { Kysely } from 'kysely';
import type { Input } from '../../../src-shared/api/contract';
import type { VisitSettings } from '../../../src-shared/visits/model';
import { ApiError } from '../../../src-shared/api/errors';
import type { VisitSettingsTable } from '../db/schema-visits';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { findVisitSettings, updateVisitSettingsRow } from './settings-repository';

type Db = Kysely<Database>;

function toSettings(row: VisitSettingsTable): VisitSettings {
  return {
    thresholds: {
      arrived: row.threshold_arrived_minutes,
      roomed: row.threshold_roomed_minutes,
      with_provider: row.threshold_with_provider_minutes,
      ready_for_checkout: row.threshold_ready_minutes,
    },
    temperatureUnit: row.temperature_unit,
    measurementSystem: row.measurement_system,
    ticketStyle: row.ticket_style,
    updatedAt: row.updated_at,
  };
}

export async function readVisitSettings(db: ReadDb): Promise<VisitSettings> {
  const row = await findVisitSettings(db);
  if (!row) throw new ApiError('SETUP_REQUIRED', 'The flow board settings are missing.');
  return toSettings(row);
}

export async function updateVisitSettings(
  db: Db,
  input: Input<'visits.updateSettings'>,
  now: number,
): Promise<VisitSettings> {
  const t = input.thresholds ?? {};
  await updateVisitSettingsRow(db, {
    ...(t.arrived !== undefined && { threshold_arrived_minutes: t.arrived }),
    ...(t.roomed !== undefined && { threshold_roomed_minutes: t.roomed }),
    ...(t.with_provider !== undefined && { threshold_with_provider_minutes: t.with_provider }),
    ...(t.ready_for_checkout !== undefined && { threshold_ready_minutes: t.ready_for_checkout }),
    ...(input.temperatureUnit !== undefined && { temperature_unit: input.temperatureUnit }),
    ...(input.measurementSystem !== undefined && { measurement_system: input.measurementSystem }),
    ...(input.ticketStyle !== undefined && { ticket_style: input.ticketStyle }),
    updated_at: now,
  });
  return readVisitSettings(db);
}
