import { useEffect, useState } from 'react';
import type { WaitlistEntryView } from '../../../../src-shared/api/areas/waitlist';
import { WEEKDAY_NAMES } from '../../../../src-shared/scheduling/time';
import { bridge, call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { useWaitlist } from '../../stores/waitlist';
import { AddWaitlistEntryForm, PART_LABELS, PRIORITY_LABELS } from './AddWaitlistEntryForm';
import { useCalendarDate } from '../../format/calendar-date';

function preferences(entry: WaitlistEntryView): string {
  const days =
    entry.weekdays.length > 0
      ? entry.weekdays.map((d) => WEEKDAY_NAMES[d - 1]?.slice(0, 3) ?? '').join(', ')
      : 'any day';
  const times =
    entry.partsOfDay.length > 0
      ? entry.partsOfDay.map((p) => PART_LABELS[p].split(' ')[0]?.toLowerCase() ?? p).join(', ')
      : 'any time';
  return `${days}; ${times}`;
}

/** `#/waitlist`: who is waiting for what, most urgent first; add and remove entries. */
export function WaitlistScreen() {
  const showDate = useCalendarDate();
  const clock = useClinicClock();
  const { entries, error, loaded, load } = useWaitlist();
  const canWrite = useSession((state) => state.can('appointments:write'));
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void load();
    // Entries added, removed or booked from an offer here or at another desk.
    return bridge.on('waitlist.changed', () => void load());
  }, [load]);

  async function remove(entry: WaitlistEntryView) {
    setStatus(null);
    setFailure(null);
    const result = await call('waitlist.remove', { entryId: entry.id, reason: null });
    if (!result.ok) return setFailure(result.error.message);
    setStatus(`Removed ${entry.patientName} from the waitlist.`);
    void load();
  }

  return (
    <section className="waitlist">
      <h1>Waitlist</h1>
      <p className="hint">
        When an appointment is cancelled or moved, the calendar offers its time to the patients below who fit it, most
        urgent first.
      </p>
      <ErrorMessage error={error} area="Waitlist" />
      <FormMessage error={failure} success={status} />
      {loaded && entries.length === 0 && <p>No one is waiting.</p>}
      {entries.length > 0 && (
        <table>
          <caption className="visually-hidden">Patients waiting for an appointment</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Patient</th>
              <th scope="col">Type</th>
              <th scope="col">Provider</th>
              <th scope="col">Dates</th>
              <th scope="col">Suits</th>
              <th scope="col">Note</th>
              <th scope="col">Waiting since</th>
              {canWrite && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <span className={`tag priority-${entry.priority}`}>{PRIORITY_LABELS[entry.priority]}</span>
                </td>
                <td>
                  <a href={`#/patients/${entry.patientId}`}>{entry.patientName}</a>{' '}
                  <small className="muted">MRN {entry.patientMrn}</small>
                </td>
                <td>
                  {entry.typeName} <small className="muted">({entry.durationMinutes} min)</small>
                </td>
                <td>{entry.providerNames.length > 0 ? entry.providerNames.join(', ') : 'Any'}</td>
                <td>
                  {showDate(entry.earliestDate)} – {entry.latestDate ? showDate(entry.latestDate) : 'open'}
                </td>
                <td>{preferences(entry)}</td>
                <td>{entry.note ?? ''}</td>
                <td>{formatDate(entry.createdAt, clock)}</td>
                {canWrite && (
                  <td>
                    <button
                      type="button"
                      onClick={() => void remove(entry)}
                      aria-label={`Remove ${entry.patientName} from the waitlist`}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && <AddWaitlistEntryForm />}
    </section>
  );
}
