import { useEffect, useState } from 'react';
import type { ClinicSettings } from '../../../../src-shared/api/areas/settings';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../stores/session';
import { SettingsForm } from './SettingsForm';
import { SyncSettings } from '../sync/SyncSettings';

export function SettingsScreen() {
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
      <h1>Settings</h1>
      <ErrorMessage error={error} area="Settings" />
      {settings ? <SettingsForm initial={settings} /> : !error && <p>Loading settings…</p>}
      {canBackUp && (
        <p>
          Backups, the daily backup and the recovery key are under <a href="#/backup">Backup</a>.
        </p>
      )}
      {canConnect && <SyncSettings />}
    </section>
  );
}
