import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { BackupRun, BackupSchedule } from '../../../src-shared/api/areas/backups';
import type { Database } from '../db/schema';
import type { BackupRunsTable } from '../db/schema-backups';
import type { ReadDb } from '../db/handles';

export async function readSchedule(db: ReadDb): Promise<BackupSchedule | null> {
  const row = await db.selectFrom('backup_schedule').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  return { enabled: row.enabled === 1, folder: row.folder, timeOfDay: row.time_of_day, keep: row.keep };
}

export async function saveSchedule(db: Kysely<Database>, schedule: BackupSchedule, now: number): Promise<void> {
  const values = {
    enabled: schedule.enabled ? 1 : 0,
    folder: schedule.folder,
    time_of_day: schedule.timeOfDay,
    keep: schedule.keep,
    updated_at: now,
  };
  await db
    .insertInto('backup_schedule')
    .values({ id: 1, ...values })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute();
}

export type BackupRunRow = BackupRunsTable;

function toRun(row: BackupRunRow): BackupRun {
  return {
    id: row.id,
    kind: row.kind,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    folder: row.folder,
    file: row.file,
    sizeBytes: row.size_bytes,
    verified: row.verified === 1,
    withRecoveryEnvelope: row.with_recovery_envelope === 1,
    patients: row.patients,
    appointments: row.appointments,
    error: row.error,
  };
}

export async function insertRun(db: Kysely<Database>, row: BackupRunRow): Promise<BackupRun> {
  await db.insertInto('backup_runs').values(row).execute();
  return toRun(row);
}

export async function recentRuns(db: ReadDb, limit: number): Promise<BackupRun[]> {
  const rows = await db
    .selectFrom('backup_runs')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

/** The newest scheduled run on a clinic date: the scheduler runs once a date (and retries a failure after an hour). */
export async function lastScheduledRunOn(
  db: Kysely<Database>,
  localDate: string,
): Promise<{ verified: boolean; finishedAt: number } | null> {
  const row = await db
    .selectFrom('backup_runs')
    .select(['verified', 'finished_at'])
    .where('kind', '=', 'scheduled')
    .where('local_date', '=', localDate)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { verified: row.verified === 1, finishedAt: row.finished_at } : null;
}

/** Rows a person would miss, counted in a backup copy opened on its own. */
export function countPatientsAndAppointments(handle: BetterSqlite3.Database): {
  patients: number;
  appointments: number;
} {
  return {
    patients: handle.prepare('SELECT count(*) FROM patients').pluck().get() as number,
    appointments: handle.prepare('SELECT count(*) FROM appointments').pluck().get() as number,
  };
}
