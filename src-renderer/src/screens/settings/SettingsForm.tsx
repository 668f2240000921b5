import { useState, type SyntheticEvent } from 'react';
import type { ClinicSettings } from '../../../../src-shared/api/areas/settings';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { LocaleFields, localeForCountry, type LocaleDraft } from '../../components/LocaleFields';
import { TimeZoneField } from '../../components/TimeZoneField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';

export function SettingsForm({ initial }: { initial: ClinicSettings }) {
  const [form, setForm] = useState({
    clinicName: initial.clinicName,
    timeZone: initial.timeZone,
    currency: initial.currency,
    lockTimeoutMinutes: String(initial.lockTimeoutMinutes),
    noShowGraceMinutes: String(initial.noShowGraceMinutes),
    providerStep: initial.providerStep,
  });
  const [locale, setLocale] = useState<LocaleDraft>({
    country: initial.country ?? '',
    dateFormat: initial.dateFormat,
    timeFormat: initial.timeFormat,
    weekStart: initial.weekStart,
    phoneRegion: initial.phoneRegion ?? '',
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, show, clear } = useFormErrors({ ...form, ...locale });
  const update =
    (key: 'clinicName' | 'timeZone' | 'currency' | 'lockTimeoutMinutes' | 'noShowGraceMinutes') =>
    (event: { target: { value: string } }) => {
      setForm({ ...form, [key]: event.target.value });
    };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    setBusy(true);
    const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
    const result = await call('settings.update', {
      ...form,
      lockTimeoutMinutes: number(form.lockTimeoutMinutes),
      noShowGraceMinutes: number(form.noShowGraceMinutes),
      dateFormat: locale.dateFormat,
      timeFormat: locale.timeFormat,
      weekStart: locale.weekStart,
      ...(locale.country !== '' && { country: locale.country }),
      ...(locale.phoneRegion !== '' && { phoneRegion: locale.phoneRegion }),
    });
    setBusy(false);
    if (!result.ok) {
      show(result.error);
      return;
    }
    useSession.getState().settingsChanged(result.value);
    useClinicSettings.getState().set(result.value);
    setForm({
      ...result.value,
      lockTimeoutMinutes: String(result.value.lockTimeoutMinutes),
      noShowGraceMinutes: String(result.value.noShowGraceMinutes),
    });
    setSaved('Settings saved.');
  }

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
      <LocaleFields
        value={locale}
        timeZone={initial.timeZone}
        errors={errors.fields}
        onChange={setLocale}
        onCountry={(country) => setLocale(localeForCountry(country).locale)}
      />
      <Field
        label="No-show after (minutes past the start)"
        type="number"
        inputMode="numeric"
        min={0}
        max={240}
        value={form.noShowGraceMinutes}
        onChange={update('noShowGraceMinutes')}
        error={errors.fields.noShowGraceMinutes}
        hint="A no-show can be recorded only this long after the appointment's start, on its day."
      />
      <label className="check">
        <input
          type="checkbox"
          checked={form.providerStep}
          onChange={(event) => setForm({ ...form, providerStep: event.target.checked })}
        />{' '}
        The flow board has a “With provider” step (off: a patient in a room can be checked out at once)
      </label>
      <FormMessage error={errors.form} success={saved} />
      <button type="submit" className="primary" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}
