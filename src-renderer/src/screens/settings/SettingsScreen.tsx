import { useEffect, useState } from 'react';
import type { ClinicSettings } from '../../../../src-shared/api/areas/settings';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SettingsForm } from './SettingsForm';

export function SettingsScreen() {
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);

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
    </section>
  );
}
