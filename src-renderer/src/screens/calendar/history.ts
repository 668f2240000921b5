import type { AppointmentHistoryEntry } from '../../../../src-shared/scheduling/model';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../../../src-shared/scheduling/status';
import { i18next, variant } from '../../i18n';
import { appointmentStatusLabel } from '../../i18n/labels';

/** The history's changed columns the desk names; others are not shown. */
const NAMED_FIELDS = [
  'start_at',
  'end_at',
  'provider_id',
  'location_id',
  'room_id',
  'type_id',
  'reason',
  'notes',
  'meeting_link',
] as const;
type NamedField = (typeof NAMED_FIELDS)[number];
const isNamed = (field: string): field is NamedField => (NAMED_FIELDS as readonly string[]).includes(field);

function statusLabel(value: unknown): string {
  return typeof value === 'string' && (APPOINTMENT_STATUSES as readonly string[]).includes(value)
    ? appointmentStatusLabel(value as AppointmentStatus)
    : String(value);
}

/** ' (start, provider)': which fields an entry changed, as the desk names them. */
function changedFields(entry: AppointmentHistoryEntry): string {
  const fields = Object.keys(entry.changes).flatMap((key) =>
    isNamed(key) ? [i18next.t(`calendar:history.field.${key}`)] : [],
  );
  return fields.length > 0 ? ` (${[...new Set(fields)].join(', ')})` : '';
}

/** One line of an appointment's history: what happened, without who and when (shown beside it). */
export function historyLine(entry: AppointmentHistoryEntry): string {
  const override = entry.overrideReason ? ` (overridden: ${entry.overrideReason})` : '';
  switch (entry.action) {
    case 'booked':
      return i18next.t('calendar:history.booked', { override });
    case 'cancelled': {
      const reason = (entry.changes.cancel_reason as { to?: unknown } | undefined)?.to;
      return i18next.t('calendar:history.cancelled', {
        reason: typeof reason === 'string' ? reason : '',
        context: variant(typeof reason === 'string' && reason !== '' && 'reason'),
      });
    }
    case 'status': {
      const change = entry.changes.status as { from?: unknown; to?: unknown } | undefined;
      return change
        ? `${statusLabel(change.from)} → ${statusLabel(change.to)}`
        : i18next.t('calendar:history.statusChanged');
    }
    case 'moved':
      return i18next.t('calendar:history.moved', { entry: changedFields(entry), override });
    case 'details':
      return i18next.t('calendar:history.detailsChanged', { entry: changedFields(entry) });
  }
}
