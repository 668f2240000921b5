import { useEffect, useState } from 'react';
import type { ClinicSettings } from '../../../../src-shared/api/areas/settings';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../stores/session';
import { SettingsForm } from './SettingsForm';
import { SyncSettings } from '../sync/SyncSettings';
import { Trans, useTranslation } from '../../i18n';

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const canBackUp = useSession((state) => state.can('backups:manage'));
  const canConnect = useSession((state) => state.can('settings:manage'));

  useEffect(() => {
    let live = true;
    void call('settings.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section>
      <h1>{t('SettingsScreen.settings')}</h1>
      <ErrorMessage error={error} area={t('SettingsScreen.settings')} />
      {settings ? <SettingsForm initial={settings} /> : !error && <p>{t('SettingsScreen.loadingSettings')}</p>}
      {canBackUp && (
        <p>
          <Trans t={t} i18nKey="SettingsScreen.backupsTheDailyBackupAnd" components={{ a: <a href="#/backup" /> }} />
        </p>
      )}
      {canConnect && <SyncSettings />}
    </section>
  );
}
