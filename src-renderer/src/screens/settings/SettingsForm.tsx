import { useState, type SyntheticEvent } from 'react';
import type { ClinicSettings, DateFormat } from '../../../../src-shared/api/areas/settings';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { TimeZoneField } from '../../components/TimeZoneField';
import { formatDate } from '../../format/datetime';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';

const DATE_FORMATS: readonly DateFormat[] = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'];
const isDateFormat = (value: string): value is DateFormat => (DATE_FORMATS as readonly string[]).includes(value);

export function SettingsForm({ initial }: { initial: ClinicSettings }) {
  const [form, setForm] = useState({
    clinicName: initial.clinicName,
    timeZone: initial.timeZone,
    currency: initial.currency,
    lockTimeoutMinutes: String(initial.lockTimeoutMinutes),
    dateFormat: initial.dateFormat,
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, show, clear } = useFormErrors();
  const update =
    (key: 'clinicName' | 'timeZone' | 'currency' | 'lockTimeoutMinutes') => (event: { target: { value: string } }) => {
      setForm({ ...form, [key]: event.target.value });
    };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    setBusy(true);
    const minutes = form.lockTimeoutMinutes.trim() === '' ? Number.NaN : Number(form.lockTimeoutMinutes);
    const result = await call('settings.update', { ...form, lockTimeoutMinutes: minutes });
    setBusy(false);
    if (!result.ok) {
      show(result.error);
      return;
    }
    useSession.getState().settingsChanged(result.value);
    useClinicSettings.getState().set(result.value);
    setForm({ ...result.value, lockTimeoutMinutes: String(result.value.lockTimeoutMinutes) });
    setSaved('Settings saved.');
  }

  const today = Date.now();
  return (
    <form className="card wide" onSubmit={(event) => void submit(event)} noValidate aria-label="Clinic settings">
      <Field
        label="Clinic name"
        value={form.clinicName}
        onChange={update('clinicName')}
        error={errors.fields.clinicName}
      />
      <TimeZoneField
        value={form.timeZone}
        onChange={update('timeZone')}
        error={errors.fields.timeZone}
        hint="IANA name, such as Europe/London."
      />
      <Field
        label="Currency"
        value={form.currency}
        onChange={update('currency')}
        error={errors.fields.currency}
        maxLength={3}
        hint="ISO code, such as USD, EUR or GBP."
      />
      <Field
        label="Lock after (minutes idle)"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        value={form.lockTimeoutMinutes}
        onChange={update('lockTimeoutMinutes')}
        error={errors.fields.lockTimeoutMinutes}
        hint="The screen locks after this long without keyboard or mouse use."
      />
      <SelectField
        label="Date format"
        value={form.dateFormat}
        options={DATE_FORMATS.map((format) => ({
          value: format,
          label: `${format} (today: ${formatDate(today, { timeZone: initial.timeZone, dateFormat: format })})`,
        }))}
        onChange={(event) => {
          if (isDateFormat(event.target.value)) setForm({ ...form, dateFormat: event.target.value });
        }}
        error={errors.fields.dateFormat}
      />
      <FormMessage error={errors.form} success={saved} />
      <button type="submit" className="primary" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}
