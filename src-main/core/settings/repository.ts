import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { ApiError } from '../../../src-shared/api/errors';
import type {
  ClinicSettings,
  DateFormat,
  Language,
  TimeFormat,
  WeekStart,
} from '../../../src-shared/api/areas/settings';
import type { ClinicSettingsRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

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

/** What set-up takes from the country: each may be changed later under Settings. */
export type ClinicLocale = Pick<ClinicSettings, 'country' | 'dateFormat' | 'timeFormat' | 'weekStart' | 'phoneRegion'>;

const settingsRow = preparedRead((db) => db.selectFrom('clinic_settings').selectAll().where('id', '=', 1));

/**
 * Settings read once per transaction: a check-in asked for them five times (its own clock, the
 * appointment's status change, the views), each a statement through Kysely. Inside a transaction they
 * are remembered for that transaction only, and forgotten as soon as any write to `clinic_settings` on
 * a watched connection bumps `settingsWrites` (the temporary triggers below, which see every writer:
 * a procedure, the calendar feeds' switch, a synced change applied), so a transaction that changes
 * them reads the new row. Outside a transaction every call reads the table.
 */
let settingsWrites = 0;
const readInTransaction = new WeakMap<object, { writes: number; settings: ClinicSettings | null }>();

/**
 * On a connection that writes, after migrating: triggers (TEMP: this connection's own, never in the
 * file) that tell this process each time `clinic_settings` changes.
 */
export function watchSettingsWrites(handle: BetterSqlite3.Database): void {
  handle.function('clinic_settings_written', { deterministic: false }, () => {
    settingsWrites += 1;
    return null;
  });
  for (const event of ['INSERT', 'UPDATE', 'DELETE'])
    handle.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS clinic_settings_${event.toLowerCase()}_seen AFTER ${event} ON main.clinic_settings BEGIN SELECT clinic_settings_written(); END`,
    );
}

export async function readSettings(db: ReadDb): Promise<ClinicSettings | null> {
  const inTransaction = (db as { isTransaction?: boolean }).isTransaction === true;
  const memo = inTransaction ? readInTransaction.get(db) : undefined;
  if (memo && memo.writes === settingsWrites) return memo.settings;
  const writes = settingsWrites;
  const [row] = await settingsRow(db, {});
  const settings = row ? toSettings(row) : null;
  if (inTransaction) readInTransaction.set(db, { writes, settings });
  return settings;
}

export async function createSettings(
  db: Kysely<Database>,
  values: { clinicName: string; timeZone: string; currency: string } & Partial<ClinicLocale>,
  now: number,
): Promise<void> {
  await db
    .insertInto('clinic_settings')
    .values({
      id: 1,
      clinic_name: values.clinicName,
      time_zone: values.timeZone,
      currency: values.currency,
      country: values.country ?? null,
      phone_region: values.phoneRegion ?? null,
      ...(values.dateFormat !== undefined && { date_format: values.dateFormat }),
      ...(values.timeFormat !== undefined && { time_format: values.timeFormat }),
      ...(values.weekStart !== undefined && { week_start: values.weekStart }),
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
      ...(changes.country !== undefined && { country: changes.country }),
      ...(changes.timeFormat !== undefined && { time_format: changes.timeFormat }),
      ...(changes.weekStart !== undefined && { week_start: changes.weekStart }),
      ...(changes.phoneRegion !== undefined && { phone_region: changes.phoneRegion }),
      ...(changes.noShowGraceMinutes !== undefined && { no_show_grace_minutes: changes.noShowGraceMinutes }),
      ...(changes.providerStep !== undefined && { provider_step: changes.providerStep ? 1 : 0 }),
      ...(changes.language !== undefined && { language: changes.language }),
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
    country: row.country,
    timeFormat: row.time_format as TimeFormat,
    weekStart: row.week_start as WeekStart,
    phoneRegion: row.phone_region,
    noShowGraceMinutes: row.no_show_grace_minutes,
    providerStep: row.provider_step === 1,
    language: row.language as Language,
    updatedAt: row.updated_at,
  };
}

/**
 * The clinic's language for a refusal's words (src-shared/refusals/translate.ts): English before set-up, and when the
 * database cannot answer (the refusal may be about the disk failing).
 */
export async function clinicLanguage(db: ReadDb): Promise<Language> {
  try {
    const row = await db.selectFrom('clinic_settings').select('language').where('id', '=', 1).executeTakeFirst();
    return row?.language === 'es' ? 'es' : 'en';
  } catch {
    return 'en';
  }
}
