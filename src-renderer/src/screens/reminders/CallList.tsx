import type { CallListEntry, CallReason } from '../../../../src-shared/api/areas/reminders';
import { useClinicClock } from '../../stores/clinic-settings';
import { clinicDateTime } from './OutboxTable';

const REASON_LABELS: Record<CallReason, string> = {
  no_contact: 'No reminder possible',
  no_consent: 'No consent for reminders',
  reminder_failed: 'Reminder failed',
};

/** Today's and tomorrow's patients no reminder reaches: the desk phones them. */
export function CallList({ calls }: { calls: readonly CallListEntry[] }) {
  const clock = useClinicClock();
  if (calls.length === 0)
    return <p className="muted">Nobody to call: every appointment today and tomorrow has a reminder on its way.</p>;
  return (
    <table className="call-list">
      <caption className="visually-hidden">Patients to call, soonest appointment first</caption>
      <thead>
        <tr>
          <th scope="col">Appointment</th>
          <th scope="col">Patient</th>
          <th scope="col">Phone</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((entry) => (
          <tr key={entry.appointmentId}>
            <td className="nowrap">
              {clinicDateTime(entry.startAt, clock)}
              <div className="muted small">{entry.providerName}</div>
            </td>
            <th scope="row">
              <a href={`#/patients/${entry.patientId}`}>{entry.patientName}</a>
            </th>
            <td>
              {entry.phones.length === 0 ? (
                <span className="muted">No phone on record</span>
              ) : (
                <ul className="plain compact">
                  {entry.phones.map((phone) => (
                    <li key={`${phone.kind}-${phone.number}`} className="nowrap">
                      <span className="mono">{phone.number}</span> <span className="muted small">{phone.kind}</span>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
