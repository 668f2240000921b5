import { useEffect, useState } from 'react';
import type { ReminderSettings } from '../../../../src-shared/api/areas/reminders';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReminderSettingsForm } from './ReminderSettingsForm';

/** The reminder settings, for those who may change them (admin and manager). */
export function ReminderSettingsCard() {
  const [settings, setSettings] = useState<ReminderSettings | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);

  useEffect(() => {
    let live = true;
    void call('reminders.getSettings', {}).then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <h2 id="reminder-settings">Reminder settings</h2>
      <ErrorMessage error={error} area="Reminder settings" />
      {settings ? (
        <ReminderSettingsForm initial={settings} onSaved={setSettings} />
      ) : (
        !error && <p>Loading reminder settings…</p>
      )}
    </>
  );
}
