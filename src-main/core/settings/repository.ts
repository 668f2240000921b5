import type { Kysely } from 'kysely';
import { ApiError } from '../../../src-shared/api/errors';
import type { ClinicSettings, DateFormat } from '../../../src-shared/api/areas/settings';
import type { ClinicSettingsRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';

/**
 * The one refusal for a clinic not set up yet. Callers read what they need in their own one statement
 * (settings alone, or joined with a domain's settings) and pass the row here.
 */
export function requireSetUp<T>(row: T | null | undefined): T {
  if (row === null || row === undefined) throw new ApiError('SETUP_REQUIRED', 'The clinic has not been set up yet.');
  return row;
}

/** The clinic's settings, or SETUP_REQUIRED. */
export async function requireSettings(db: ReadDb): Promise<ClinicSettings> {
  return requireSetUp(await readSettings(db));
}

export async function readSettings(db: ReadDb): Promise<ClinicSettings | null> {
  const row = await db.selectFrom('clinic_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? toSettings(row) : null;
}

export async function createSettings(
  db: Kysely<Database>,
  values: { clinicName: string; timeZone: string; currency: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('clinic_settings')
    .values({
      id: 1,
      clinic_name: values.clinicName,
      time_zone: values.timeZone,
      currency: values.currency,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateSettings(
  db: Kysely<Database>,
  changes: Partial<Omit<ClinicSettings, 'updatedAt'>>,
  now: number,
): Promise<void> {
  await db
    .updateTable('clinic_settings')
    .set({
      ...(changes.clinicName !== undefined && { clinic_name: changes.clinicName }),
      ...(changes.timeZone !== undefined && { time_zone: changes.timeZone }),
      ...(changes.currency !== undefined && { currency: changes.currency }),
      ...(changes.lockTimeoutMinutes !== undefined && { lock_timeout_minutes: changes.lockTimeoutMinutes }),
      ...(changes.dateFormat !== undefined && { date_format: changes.dateFormat }),
      updated_at: now,
    })
    .where('id', '=', 1)
    .execute();
}

function toSettings(row: ClinicSettingsRow): ClinicSettings {
  return {
    clinicName: row.clinic_name,
    timeZone: row.time_zone,
    currency: row.currency,
    lockTimeoutMinutes: row.lock_timeout_minutes,
    dateFormat: row.date_format as DateFormat,
    updatedAt: row.updated_at,
  };
}
