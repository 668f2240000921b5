import { useState } from 'react';
import type { ReminderEntry, ReminderStatus } from '../../../../src-shared/api/areas/reminders';
import { call } from '../../api';
import { formatOffset } from '../../../../src-shared/reminders/templates';
import { formatDate, type ClinicClock } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { formatClockTime } from '../../../../src-shared/locale/time-format';
import { i18next, useTranslation } from '../../i18n';

const STATUS_LABELS: Record<ReminderStatus, string> = {
  get pending() {
    return i18next.t('reminders:OutboxTable.due');
  },
  get sent() {
    return i18next.t('reminders:OutboxTable.sent');
  },
  get failed() {
    return i18next.t('reminders:OutboxTable.failed');
  },
  get skipped() {
    return i18next.t('reminders:OutboxTable.skipped');
  },
};
const STATUS_BADGES: Record<ReminderStatus, string> = {
  pending: 'badge-pending',
  sent: 'badge-ok',
  failed: 'badge-failed',
  skipped: 'badge-skipped',
};

/** "25/11/2026 10:00" (or "11/25/2026 10:00 AM") on the clinic's wall clock, in its formats. */
export function clinicDateTime(ms: number, clock: ClinicClock): string {
  const [hour = 0, minute = 0] = new Intl.DateTimeFormat('en-GB', {
    timeZone: clock.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(ms)
    .split(':')
    .map(Number);
  return `${formatDate(ms, clock)} ${formatClockTime(hour * 60 + minute, clock.timeFormat ?? '24h')}`;
}

function stateNote(entry: ReminderEntry, clock: ClinicClock): string {
  if (entry.status === 'sent' && entry.sentAt !== null)
    return i18next.t('reminders:OutboxTable.sent2', { sentAt: clinicDateTime(entry.sentAt, clock) });
  if (entry.status === 'pending' && entry.attempts > 0)
    return i18next.t('reminders:OutboxTable.tryAt', {
      attempts: entry.attempts + 1,
      nextAttemptAt: clinicDateTime(entry.nextAttemptAt, clock),
    });
  if (entry.status === 'failed')
    return i18next.t('reminders:OutboxTable.after', {
      count: entry.attempts,
    });
  return '';
}

export function OutboxTable({
  entries,
  onRetried,
}: {
  entries: readonly ReminderEntry[];
  /** The outbox is read again after a retry here. */
  onRetried: () => void;
}) {
  const { t } = useTranslation('reminders');
  const clock = useClinicClock();
  /** A reminder's own problem (Retry refused), shown on its row. */
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const canWrite = useSession((state) => state.can)('appointments:write');

  async function retry(id: string) {
    const result = await call('reminders.retry', { id });
    if (!result.ok) {
      setRowErrors((errors) => ({ ...errors, [id]: result.error.message }));
      return;
    }
    setRowErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([key]) => key !== id)));
    onRetried();
  }

  if (entries.length === 0) return <p className="muted">{t('OutboxTable.noRemindersInThisList')}</p>;
  return (
    <table className="reminders-table">
      <caption className="visually-hidden">{t('OutboxTable.remindersEarliestDueFirst')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('OutboxTable.due')}</th>
          <th scope="col">{t('OutboxTable.patient')}</th>
          <th scope="col">{t('OutboxTable.appointment')}</th>
          <th scope="col">{t('OutboxTable.by')}</th>
          <th scope="col">{t('OutboxTable.status')}</th>
          <th scope="col">{t('OutboxTable.details')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('OutboxTable.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} className={entry.status === 'failed' ? 'outcome-failed' : undefined}>
            <td className="nowrap">
              {clinicDateTime(entry.dueAt, clock)}
              <div className="muted small">
                {t('OutboxTable.before', { offsetMinutes: formatOffset(entry.offsetMinutes) })}
              </div>
            </td>
            <th scope="row">{entry.patientName}</th>
            <td className="nowrap">
              {clinicDateTime(entry.appointmentStartAt, clock)}
              <div className="muted small">{entry.providerName}</div>
            </td>
            <td>
              {entry.channel === 'email' ? t('OutboxTable.email') : 'SMS'}
              {entry.recipient && <div className="muted small">{entry.recipient}</div>}
            </td>
            <td>
              <span className={`badge ${STATUS_BADGES[entry.status]}`}>{STATUS_LABELS[entry.status]}</span>
            </td>
            <td>
              {stateNote(entry, clock)}
              {entry.lastError && (
                <div className={entry.status === 'skipped' ? 'muted small' : 'field-error small'}>
                  {entry.lastError}
                </div>
              )}
              {rowErrors[entry.id] && (
                <p role="alert" className="form-error row-message">
                  {rowErrors[entry.id]}
                </p>
              )}
            </td>
            <td>
              {entry.status === 'failed' && canWrite && (
                <button
                  type="button"
                  aria-label={t(
                    entry.channel === 'email' ? 'OutboxTable.retryTheEmailTo' : 'OutboxTable.retryTheSmsTo',
                    {
                      patientName: entry.patientName,
                    },
                  )}
                  onClick={() => void retry(entry.id)}
                >
                  {t('OutboxTable.retry')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
