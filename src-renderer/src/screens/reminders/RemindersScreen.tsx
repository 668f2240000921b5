import { useEffect, useState } from 'react';
import { REMINDER_STATUSES } from '../../../../src-shared/api/areas/reminders';
import { bridge, call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useReminders, type OutboxFilter } from '../../stores/reminders';
import { useSession } from '../../stores/session';
import { CallList } from './CallList';
import { OutboxTable } from './OutboxTable';
import { ReminderSettingsCard } from './ReminderSettingsCard';
import { i18next, useTranslation } from '../../i18n';

const FILTERS: readonly { value: OutboxFilter; label: string }[] = [
  { value: 'all', label: i18next.t('reminders:RemindersScreen.all') },
  { value: 'pending', label: i18next.t('reminders:RemindersScreen.due') },
  { value: 'sent', label: i18next.t('reminders:RemindersScreen.sent') },
  { value: 'failed', label: i18next.t('reminders:RemindersScreen.failed') },
  { value: 'skipped', label: i18next.t('reminders:RemindersScreen.skipped') },
];
const isFilter = (value: string): value is OutboxFilter =>
  value === 'all' || (REMINDER_STATUSES as readonly string[]).includes(value);

/** `#/reminders`: the outbox with Retry, the desk's call list, and (for managers) the settings. */
export function RemindersScreen() {
  const { t } = useTranslation('reminders');
  const { entries, calls, filter, error, loading, load } = useReminders();
  const can = useSession((state) => state.can);
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // Sweeps (every minute in main), other desks' retries and bookings arrive as events.
  useEffect(() => {
    const refresh = () => void useReminders.getState().load();
    const offReminders = bridge.on('reminders.changed', () => {
      setNote(null); // "Sending…" is over: the lists now say what happened.
      refresh();
    });
    const offAppointments = bridge.on('appointments.changed', refresh);
    return () => {
      offReminders();
      offAppointments();
    };
  }, []);

  async function sendNow() {
    setSending(true);
    setNote(null);
    setSendError(null);
    const result = await call('reminders.sendNow', {});
    setSending(false);
    if (!result.ok) {
      setSendError(result.error.message);
      return;
    }
    const { due } = result.value;
    setNote(
      due === 0
        ? t('RemindersScreen.nothingIsDueRightNow')
        : t('RemindersScreen.sendingReminder', { due, value: due === 1 ? '' : 's' }),
    );
    await load();
  }

  return (
    <section className="reminders">
      <div className="section-head">
        <h1>{t('RemindersScreen.reminders')}</h1>
        {can('appointments:write') && (
          <div className="verify">
            <button type="button" className="primary" onClick={() => void sendNow()} disabled={sending}>
              {t('RemindersScreen.sendDueRemindersNow')}
            </button>
            <FormMessage error={sendError} success={note} />
          </div>
        )}
      </div>
      <FormMessage error={error} />

      <h2>{t('RemindersScreen.callList')}</h2>
      <p className="lead">{t('RemindersScreen.todaySAndTomorrowS')}</p>
      <CallList calls={calls} />

      <div className="section-head">
        <h2>{t('RemindersScreen.outbox')}</h2>
        <SelectField
          label={t('RemindersScreen.show')}
          value={filter}
          options={FILTERS}
          onChange={(event) => {
            if (isFilter(event.target.value)) void load(event.target.value);
          }}
        />
      </div>
      {loading && entries.length === 0 ? (
        <p>{t('RemindersScreen.loadingReminders')}</p>
      ) : (
        <OutboxTable entries={entries} />
      )}

      {can('reminders:manage') && <ReminderSettingsCard />}
    </section>
  );
}
