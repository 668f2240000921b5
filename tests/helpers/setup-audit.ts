import type { EventMap } from '../../src-shared/api/events';
import type { Result } from '../../src-shared/api/errors';
import type { TestClinic } from './temp-core';

/** The newest audit entry, details parsed. */
export async function lastAudit(clinic: TestClinic) {
  const row = await clinic.core.database.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null };
}

/** The error of a call that must have been refused. */
export function refused<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

export interface SeenChange {
  payload: EventMap['schedule.changed'];
  /**
   * Read synchronously when the event arrived: no transaction was open and the newest audit entry (written
   * in the write's own transaction) was the write's. False would mean it was sent before its commit.
   */
  committed: boolean;
}

/** Every `schedule.changed` a signed-in client receives from now on (a client has one listener). */
export function watchScheduleChanges(clinic: TestClinic, clientId: string): SeenChange[] {
  const seen: SeenChange[] = [];
  const { handle } = clinic.core.database;
  clinic.core.subscribe(clientId, (topic, payload) => {
    if (topic !== 'schedule.changed') return;
    const change = payload as EventMap['schedule.changed'];
    const newest = handle.prepare('SELECT target_id FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get();
    seen.push({ payload: change, committed: !handle.inTransaction && newest === change.ids[0] });
  });
  return seen;
}
