import type { Kysely } from 'kysely';
import type { BackupRun } from '../../../src-shared/api/areas/backups';
import { localParts, parseLocalTime } from '../../../src-shared/scheduling/time';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { readSettings } from '../settings/repository';
import { lastScheduledRunOn, readSchedule } from './repository';
import type { BackupKeeper } from './service';

/** Hosts call the sweep every minute; a backup is due from its time of day until one succeeds that clinic day. */
export const BACKUP_SWEEP_MS = 60_000;
/** A failed scheduled backup (drive not plugged in) is tried again an hour later, not every minute. */
const RETRY_AFTER_MS = 60 * 60_000;

export const SCHEDULER_ACTOR = { userId: null, username: 'system:backup-schedule' } as const;

/** Runs the day's scheduled backup when it is due; null when nothing was due. */
export async function sweepScheduledBackup(
  db: Kysely<Database>,
  keeper: BackupKeeper,
  clock: Clock,
): Promise<BackupRun | null> {
  const schedule = await readSchedule(db);
  if (!schedule?.enabled) return null;
  const zone = (await readSettings(db))?.timeZone ?? 'UTC';
  const now = clock();
  const wall = localParts(zone, now);
  const at = parseLocalTime(schedule.timeOfDay);
  if (at === null || wall.minutes < at) return null;
  const last = await lastScheduledRunOn(db, wall.date);
  if (last && (last.verified || now - last.finishedAt < RETRY_AFTER_MS)) return null;
  return keeper.run({ kind: 'scheduled', folder: schedule.folder, actor: SCHEDULER_ACTOR, keep: schedule.keep });
}
