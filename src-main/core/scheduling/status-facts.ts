import { todayIn } from '../../../src-shared/patients/dates';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../../src-shared/scheduling/status';
import type { StatusFacts } from '../../../src-shared/scheduling/status-rules';
import { localDateOf } from '../../../src-shared/scheduling/time';
import type { AppointmentRow } from '../db/schema';
import { readSettings } from '../settings/repository';
import type { ReadDb } from '../db/handles';
import { newestStatusChange } from './appointment-repository';

/** What the status rules need to know about an appointment now: its day, the clinic's today and grace, and its newest change. */
export async function statusFacts(
  db: ReadDb,
  row: Pick<AppointmentRow, 'id' | 'status' | 'start_at'>,
  now: number,
  /** `previous: false` when only the day's rules ask (they never read it): one history read fewer. */
  options: { previous: boolean } = { previous: true },
): Promise<StatusFacts> {
  const settings = await readSettings(db);
  const zone = settings?.timeZone ?? 'UTC';
  return {
    status: row.status,
    date: localDateOf(zone, row.start_at),
    today: todayIn(zone, now),
    startAt: row.start_at,
    now,
    noShowGraceMinutes: settings?.noShowGraceMinutes ?? 10,
    previous: options.previous ? await previousStatus(db, row.id, row.status) : null,
    dateFormat: settings?.dateFormat ?? 'YYYY-MM-DD',
  };
}

function isStatus(value: unknown): value is AppointmentStatus {
  return typeof value === 'string' && (APPOINTMENT_STATUSES as readonly string[]).includes(value);
}

/** The status the newest status change came from, if that change is what made the appointment what it is now. */
async function previousStatus(
  db: ReadDb,
  appointmentId: string,
  current: AppointmentStatus,
): Promise<AppointmentStatus | null> {
  const newest = await newestStatusChange(db, appointmentId);
  if (newest === undefined) return null;
  const change = (JSON.parse(newest) as { status?: { from?: unknown; to?: unknown } }).status;
  return change && change.to === current && isStatus(change.from) ? change.from : null;
}
