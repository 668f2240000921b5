import { useState } from 'react';
import { REMINDER_STATUSES } from '../../../../src-shared/api/areas/reminders';
import type { ReminderStatus } from '../../../../src-shared/api/areas/reminders';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { CallList } from './CallList';
import { OutboxTable } from './OutboxTable';
import { ReminderSettingsCard } from './ReminderSettingsCard';
import { i18next, useTranslation } from '../../i18n';

type OutboxFilter = ReminderStatus | 'all';

const FILTERS: readonly { value: OutboxFilter; label: string }[] = [
  {
    value: 'all',
    get label() {
      return i18next.t('reminders:RemindersScreen.all');
    },
  },
  {
    value: 'pending',
    get label() {
      return i18next.t('reminders:RemindersScreen.due');
    },
  },
  {
    value: 'sent',
    get label() {
      return i18next.t('reminders:RemindersScreen.sent');
    },
  },
  {
    value: 'failed',
    get label() {
      return i18next.t('reminders:RemindersScreen.failed');
    },
  },
  {
    value: 'skipped',
    get label() {
      return i18next.t('reminders:RemindersScreen.skipped');
    },
  },
];
const isFilter = (value: string): value is OutboxFilter =>
  value === 'all' || (REMINDER_STATUSES as readonly string[]).includes(value);

/** `#/reminders`: the outbox with Retry, the desk's call list, and (for managers) the settings. */
export function RemindersScreen() {
  const { t } = useTranslation('reminders');
  const can = useSession((state) => state.can);
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);

  // Sweeps (every minute in main), other desks' retries and bookings arrive as events.
  const refreshOn = {
    'reminders.changed': () => {
      setNote(null); // "Sending…" is over: the lists now say what happened.
      return true;
    },
    'appointments.changed': true,
  } as const;
  const outbox = useProcedure('reminders.due', { status: filter }, { refreshOn });
  const callList = useProcedure('reminders.callList', {}, { refreshOn });
  const entries = outbox.value ?? [];
  const error = (outbox.error ?? callList.error)?.message ?? null;

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
    const { due, channelsOn } = result.value;
    setNote(
      !channelsOn
        ? t('RemindersScreen.bothChannelsOff')
        : due === 0
          ? t('RemindersScreen.nothingIsDueRightNow')
          : t('RemindersScreen.sendingReminder', { count: due }),
    );
    outbox.reload();
    callList.reload();
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
      <CallList calls={callList.value ?? []} />

      <div className="section-head">
        <h2>{t('RemindersScreen.outbox')}</h2>
        <SelectField
          label={t('RemindersScreen.show')}
          value={filter}
          options={FILTERS}
          onChange={(event) => {
            if (isFilter(event.target.value)) setFilter(event.target.value);
          }}
        />
      </div>
      {outbox.loading && entries.length === 0 ? (
        <p>{t('RemindersScreen.loadingReminders')}</p>
      ) : (
        <OutboxTable entries={entries} onRetried={outbox.reload} />
      )}

      {can('reminders:manage') && <ReminderSettingsCard />}
    </section>
  );
}
