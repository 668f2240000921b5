import { useEffect, useState, type SyntheticEvent } from 'react';
import type { ClinicSettings } from '../../../../src-shared/api/areas/settings';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';

const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;

export function SettingsScreen() {
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [lockMinutes, setLockMinutes] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors();

  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (!result.ok) return show(result.error);
      setSettings(result.value);
      setLockMinutes(String(result.value.lockTimeoutMinutes));
    });
  }, []);

  if (!settings) return <p>Loading settings…</p>;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!settings) return;
    clear();
    setSaved(null);
    const result = await call('settings.update', {
      clinicName: settings.clinicName,
      timeZone: settings.timeZone,
      currency: settings.currency,
      dateFormat: settings.dateFormat,
      lockTimeoutMinutes: Number(lockMinutes),
    });
    if (!result.ok) return show(result.error);
    setSettings(result.value);
    setSaved('Settings saved.');
  }

  const update = (key: 'clinicName' | 'timeZone' | 'currency') => (event: { target: { value: string } }) =>
    setSettings({ ...settings, [key]: event.target.value });

  return (
    <section>
      <h1>Settings</h1>
      <form className="card wide" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Clinic name" value={settings.clinicName} onChange={update('clinicName')} error={errors.fields.clinicName} />
        <Field label="Time zone" value={settings.timeZone} onChange={update('timeZone')} error={errors.fields.timeZone} hint="IANA name, such as Europe/London." />
        <Field label="Currency" value={settings.currency} onChange={update('currency')} error={errors.fields.currency} maxLength={3} />
        <Field
          label="Lock after (minutes idle)"
          type="number"
          min={1}
          max={240}
          value={lockMinutes}
          onChange={(event) => setLockMinutes(event.target.value)}
          error={errors.fields.lockTimeoutMinutes}
        />
        <SelectField
          label="Date format"
          value={settings.dateFormat}
          options={DATE_FORMATS.map((format) => ({ value: format, label: format }))}
          onChange={(event) => setSettings({ ...settings, dateFormat: event.target.value as ClinicSettings['dateFormat'] })}
          error={errors.fields.dateFormat}
        />
        <FormMessage error={errors.form} success={saved} />
        <button type="submit" className="primary">
          Save settings
        </button>
      </form>
    </section>
  );
}
