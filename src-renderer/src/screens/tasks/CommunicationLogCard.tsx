import { useState } from 'react';
import type { CommunicationView } from '../../../../src-shared/tasks/model';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';
import { directionLabel, kindLabel, outcomeLabel, useShortDateTime } from './task-labels';
import { LogContactForm } from './LogContactForm';
import './tasks.css';

/** What a line of the log was: "Phone call · In · Spoke", or a reminder's channel and how it went. */
function What({ entry }: { entry: CommunicationView }) {
  const { t } = useTranslation('tasks');
  if (entry.source === 'reminder') {
    const failed = entry.reminderStatus === 'failed';
    return (
      <>
        {kindLabel(entry.kind)} · {t('CommunicationLog.reminder')}
        <div className={failed ? 'field-error' : 'muted'}>
          {!failed && t('CommunicationLog.reminderSent')}
          {failed &&
            (entry.note
              ? t('CommunicationLog.reminderFailed', { reason: entry.note })
              : t('CommunicationLog.reminderFailedNoReason'))}
        </div>
      </>
    );
  }
  return (
    <>
      {kindLabel(entry.kind)} · {directionLabel(entry.direction)}
      {entry.outcome && ` · ${outcomeLabel(entry.outcome)}`}
    </>
  );
}

/**
 * The patient's communication log on their page: logged contacts and the reminders the outbox sent,
 * newest first, with "Log a call". Self-contained (reads, events, form) so the page mounts it in one line.
 */
export function CommunicationLogCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation('tasks');
  const when = useShortDateTime();
  const canLog = useSession((state) => state.can('comms:write'));
  const [logging, setLogging] = useState(false);
  const forThisPatient = (event: { patientIds: string[] }) => event.patientIds.includes(patientId);
  const read = useProcedure(
    'communications.list',
    { patientId },
    // Its own patient's contacts only: each read is an audited read of the patient. Reminders the outbox sends
    // meanwhile carry no patient id, so they show on the next read (opening the page, a contact logged).
    { refreshOn: { 'communications.changed': forThisPatient } },
  );
  const entries = read.value ?? [];

  return (
    <section className="card comm-log" aria-labelledby="comm-log-heading">
      <h2 id="comm-log-heading">{t('CommunicationLog.heading')}</h2>
      {canLog && (
        <button type="button" aria-expanded={logging} onClick={() => setLogging(!logging)}>
          {logging ? t('CommunicationLog.close') : t('CommunicationLog.logCall')}
        </button>
      )}
      {logging && <LogContactForm patientId={patientId} onLogged={read.reload} />}
      <ErrorMessage error={read.error} area={t('CommunicationLog.heading')} />
      {read.value && entries.length === 0 && <p className="muted">{t('CommunicationLog.nothing')}</p>}
      {entries.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('CommunicationLog.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('CommunicationLog.when')}</th>
              <th scope="col">{t('CommunicationLog.what')}</th>
              <th scope="col">{t('CommunicationLog.about')}</th>
              <th scope="col">{t('CommunicationLog.withWhom')}</th>
              <th scope="col">{t('CommunicationLog.by')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={`${entry.source}-${entry.id}`}>
                <td>{when(entry.at)}</td>
                <td>
                  <What entry={entry} />
                </td>
                <td>
                  {entry.source === 'reminder' ? t('CommunicationLog.reminder') : entry.subject}
                  {entry.source === 'logged' && entry.note && <div className="muted">{entry.note}</div>}
                  {entry.appointmentStart !== null && (
                    <div className="muted">
                      {t('CommunicationLog.appointmentAt', { when: when(entry.appointmentStart) })}
                    </div>
                  )}
                  {entry.followUpTaskId && (
                    <div>
                      <a href="#/tasks">{t('CommunicationLog.followUpTask')}</a>
                    </div>
                  )}
                </td>
                <td>{entry.withWhom ?? t('CommunicationLog.patient')}</td>
                <td>{entry.byName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
