import type { ScheduleChangeKind } from '../../../../src-shared/api/events';
import type { HandlerContext } from '../context';

/** The audit log's target type for each part of the set-up (the names it has always used). */
const TARGET_TYPES: Record<ScheduleChangeKind, string> = {
  location: 'location',
  room: 'room',
  provider: 'provider',
  type: 'appointmentType',
  template: 'availabilityTemplate',
  exception: 'availabilityException',
  holiday: 'holiday',
};

/**
 * Every write to the scheduling set-up ends here: it notes the audit entry and queues `schedule.changed`,
 * which the router delivers only once the transaction has committed (so an open calendar reads the
 * change, and a refused write tells no one).
 */
export function setupChanged<T>(
  ctx: HandlerContext,
  kind: ScheduleChangeKind,
  id: string,
  value: T,
  details?: Record<string, unknown>,
): T {
  ctx.audit.targetType = TARGET_TYPES[kind];
  ctx.audit.targetId = id;
  if (details) ctx.audit.details = details;
  ctx.broadcast('schedule.changed', { kind, ids: [id] });
  return value;
}
