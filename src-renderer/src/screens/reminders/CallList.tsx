import { Fragment, useState } from 'react';
import type { CallListEntry, CallReason } from '../../../../src-shared/api/areas/reminders';
import { useSession } from '../../stores/session';
import { LogContactForm } from '../tasks/LogContactForm';
import { useClinicClock } from '../../stores/clinic-settings';
import { clinicDateTime } from './OutboxTable';
import { i18next, useTranslation } from '../../i18n';
import { phoneKindLabel } from '../../i18n/labels';
import { usePhoneFormat } from '../../format/phone';

const REASON_LABELS: Record<CallReason, string> = {
  get no_contact() {
    return i18next.t('reminders:CallList.noReminderPossible');
  },
  get no_consent() {
    return i18next.t('reminders:CallList.noConsentForReminders');
  },
  get reminder_failed() {
    return i18next.t('reminders:CallList.reminderFailed');
  },
};

/** Today's and tomorrow's patients no reminder reaches: the desk phones them. */
export function CallList({ calls }: { calls: readonly CallListEntry[] }) {
  const { t } = useTranslation('reminders');
  const formatPhone = usePhoneFormat();
  const clock = useClinicClock();
  const canLog = useSession((state) => state.can('comms:write'));
  // The row whose "Log a call" form is open (one at a time).
  const [logging, setLogging] = useState<string | null>(null);
  if (calls.length === 0) return <p className="muted">{t('CallList.nobodyToCallEveryAppointment')}</p>;
  return (
    <table className="call-list">
      <caption className="visually-hidden">{t('CallList.patientsToCallSoonestAppointment')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('CallList.appointment')}</th>
          <th scope="col">{t('CallList.patient')}</th>
          <th scope="col">{t('CallList.phone')}</th>
          <th scope="col">{t('CallList.why')}</th>
          {canLog && <th scope="col">{t('CallList.log')}</th>}
        </tr>
      </thead>
      <tbody>
        {calls.map((entry) => (
          <Fragment key={entry.appointmentId}>
            <tr>
              <td className="nowrap">
                {clinicDateTime(entry.startAt, clock)}
                <div className="muted small">{entry.providerName}</div>
              </td>
              <th scope="row">
                <a href={`#/patients/${entry.patientId}`}>{entry.patientName}</a>
              </th>
              <td>
                {entry.phones.length === 0 ? (
                  <span className="muted">{t('CallList.noPhoneOnRecord')}</span>
                ) : (
                  <ul className="plain compact">
                    {entry.phones.map((phone) => (
                      <li key={`${phone.kind}-${phone.number}`} className="nowrap">
                        <span className="nowrap">{formatPhone(phone.number)}</span>{' '}
                        <span className="muted small">{phoneKindLabel(phone.kind)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <span className={`badge ${entry.reason === 'reminder_failed' ? 'badge-failed' : 'badge-pending'}`}>
                  {REASON_LABELS[entry.reason]}
                </span>
                <div className="small">{entry.detail}</div>
              </td>
              {canLog && (
                <td>
                  <button
                    type="button"
                    aria-expanded={logging === entry.appointmentId}
                    onClick={() => setLogging(logging === entry.appointmentId ? null : entry.appointmentId)}
                  >
                    {t('CallList.logCallTo', { patientName: entry.patientName })}
                  </button>
                </td>
              )}
            </tr>
            {logging === entry.appointmentId && (
              <tr>
                <td colSpan={5}>
                  <LogContactForm
                    patientId={entry.patientId}
                    initial={{ direction: 'out', appointmentId: entry.appointmentId }}
                    onLogged={() => undefined}
                  />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
