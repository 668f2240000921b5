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

const FILTERS: readonly { value: OutboxFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Due' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
  { value: 'skipped', label: 'Skipped' },
];
const isFilter = (value: string): value is OutboxFilter =>
  value === 'all' || (REMINDER_STATUSES as readonly string[]).includes(value);

/** `#/reminders`: the outbox with Retry, the desk's call list, and (for managers) the settings. */
export function RemindersScreen() {
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
    setNote(due === 0 ? 'Nothing is due right now.' : `Sending ${due} reminder${due === 1 ? '' : 's'}…`);
    await load();
  }

  return (
    <section className="reminders">
      <div className="section-head">
        <h1>Reminders</h1>
        {can('appointments:write') && (
          <div className="verify">
            <button type="button" className="primary" onClick={() => void sendNow()} disabled={sending}>
              Send due reminders now
            </button>
            <FormMessage error={sendError} success={note} />
          </div>
        )}
      </div>
      <FormMessage error={error} />

      <h2>Call list</h2>
      <p className="lead">Today&apos;s and tomorrow&apos;s appointments that no email or SMS reminder reaches.</p>
      <CallList calls={calls} />

      <div className="section-head">
        <h2>Outbox</h2>
        <SelectField
          label="Show"
          value={filter}
          options={FILTERS}
          onChange={(event) => {
            if (isFilter(event.target.value)) void load(event.target.value);
          }}
        />
      </div>
      {loading && entries.length === 0 ? <p>Loading reminders…</p> : <OutboxTable entries={entries} />}

      {can('reminders:manage') && <ReminderSettingsCard />}
    </section>
  );
}
