import { useEffect, useState } from 'react';
import type { ReminderSettings } from '../../../../src-shared/api/areas/reminders';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { useTranslation } from '../../i18n';

/** The reminder settings, for those who may change them (admin and manager). */
export function ReminderSettingsCard() {
  const { t } = useTranslation('reminders');
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
      <h2 id="reminder-settings">{t('ReminderSettingsCard.reminderSettings')}</h2>
      <ErrorMessage error={error} area={t('ReminderSettingsCard.reminderSettings')} />
      {settings ? (
        <ReminderSettingsForm initial={settings} onSaved={setSettings} />
      ) : (
        !error && <p>{t('ReminderSettingsCard.loadingReminderSettings')}</p>
      )}
    </>
  );
}
