import type { AppointmentHistoryEntry } from '../../../../src-shared/scheduling/model';
import { STATUS_LABELS, type AppointmentStatus } from '../../../../src-shared/scheduling/status';

/** How the history's changed columns read to the desk. */
const FIELD_LABELS: Record<string, string> = {
  start_at: 'start',
  end_at: 'end',
  provider_id: 'provider',
  location_id: 'location',
  room_id: 'room',
  type_id: 'type',
  reason: 'reason',
  notes: 'notes',
  meeting_link: 'meeting link',
};

function statusLabel(value: unknown): string {
  return typeof value === 'string' && value in STATUS_LABELS
    ? STATUS_LABELS[value as AppointmentStatus]
    : String(value);
}

/** ' (start, provider)': which fields an entry changed, as the desk names them. */
function changedFields(entry: AppointmentHistoryEntry): string {
  const fields = Object.keys(entry.changes).flatMap((key) => (FIELD_LABELS[key] ? [FIELD_LABELS[key]] : []));
  return fields.length > 0 ? ` (${[...new Set(fields)].join(', ')})` : '';
}

/** One line of an appointment's history: what happened, without who and when (shown beside it). */
export function historyLine(entry: AppointmentHistoryEntry): string {
  const override = entry.overrideReason ? ` (overridden: ${entry.overrideReason})` : '';
  switch (entry.action) {
    case 'booked':
      return `Booked${override}`;
    case 'cancelled': {
      const reason = (entry.changes.cancel_reason as { to?: unknown } | undefined)?.to;
      return `Cancelled${typeof reason === 'string' ? `: ${reason}` : ''}`;
    }
    case 'status': {
      const change = entry.changes.status as { from?: unknown; to?: unknown } | undefined;
      return change ? `${statusLabel(change.from)} → ${statusLabel(change.to)}` : 'Status changed';
    }
    case 'moved':
      return `Moved${changedFields(entry)}${override}`;
    case 'details':
      return `Details changed${changedFields(entry)}`;
  }
}
