import { useEffect } from 'react';
import { useProcedure } from '../../hooks/useProcedure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../stores/session';
import { SettingsForm } from './SettingsForm';
import { SyncSettings } from '../sync/SyncSettings';
import { Trans, useTranslation } from '../../i18n';
import { focusSyncSection, takeSyncSectionRequest } from './sync-section';

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const { value: settings, error } = useProcedure('settings.get', {});
  const canBackUp = useSession((state) => state.can('backups:manage'));
  const canConnect = useSession((state) => state.can('settings:manage'));
  // Opened from the header's sync status: the Sync section once the form above it has drawn, so it stays put.
  useEffect(() => {
    if (settings && takeSyncSectionRequest()) focusSyncSection();
  }, [settings]);

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
