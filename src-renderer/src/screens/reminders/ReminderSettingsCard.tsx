import { useState } from 'react';
import type { ReminderSettings } from '../../../../src-shared/api/areas/reminders';
import { useProcedure } from '../../hooks/useProcedure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { useTranslation } from '../../i18n';

/** The reminder settings, for those who may change them (admin and manager). */
export function ReminderSettingsCard() {
  const { t } = useTranslation('reminders');
  const read = useProcedure('reminders.getSettings', {});
  // What a save answered is shown as is, without reading the settings again.
  const [saved, setSaved] = useState<ReminderSettings | null>(null);
  const settings = saved ?? read.value;
  const error = read.error;

  return (
    <>
      <h2 id="reminder-settings">{t('ReminderSettingsCard.reminderSettings')}</h2>
      <ErrorMessage error={error} area={t('ReminderSettingsCard.reminderSettings')} />
      {settings ? (
        <ReminderSettingsForm initial={settings} onSaved={setSaved} />
      ) : (
        !error && <p>{t('ReminderSettingsCard.loadingReminderSettings')}</p>
      )}
    </>
  );
}
