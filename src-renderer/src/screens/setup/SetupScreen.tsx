import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { LocaleFields, localeForCountry, type LocaleDraft } from '../../components/LocaleFields';
import { FormMessage } from '../../components/FormMessage';
import { TimeZoneField } from '../../components/TimeZoneField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { RecoverySheetStep } from '../backups/RecoverySheetStep';

export function SetupScreen() {
  const refresh = useSession((state) => state.refresh);
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<RecoverySheet | null>(null);
  const [form, setForm] = useState({
    clinicName: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    currency: 'USD',
    displayName: '',
    username: '',
    password: '',
    confirm: '',
  });
  // Until a country is chosen: unambiguous forms (a US clinic then gets MM/DD/YYYY, 12-hour times, Sunday).
  const [locale, setLocale] = useState<LocaleDraft>({
    country: '',
    dateFormat: 'YYYY-MM-DD',
    timeFormat: '24h',
    weekStart: 1,
    phoneRegion: '',
  });
  const { errors, show, clear, setField } = useFormErrors({
    ...form,
    ...locale,
    'admin.displayName': form.displayName,
    'admin.username': form.username,
    'admin.password': form.password,
  });
  const update = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    if (form.password !== form.confirm) {
      setField('confirm', 'does not match the password');
      return;
    }
    setBusy(true);
    const result = await call('system.setup', {
      clinicName: form.clinicName,
      timeZone: form.timeZone,
      currency: form.currency,
      ...(locale.country !== '' && { country: locale.country }),
      dateFormat: locale.dateFormat,
      timeFormat: locale.timeFormat,
      weekStart: locale.weekStart,
      ...(locale.phoneRegion !== '' && { phoneRegion: locale.phoneRegion }),
      admin: { username: form.username, displayName: form.displayName, password: form.password },
    });
    setBusy(false);
    if (!result.ok) return show(result.error);
    // The recovery key is shown once, before anything else; signing in comes after.
    setSheet(result.value.recoverySheet);
  }

  if (sheet) {
    return (
      <main className="centered">
        <section className="card wide">
          <h1 className="no-print">Your recovery key</h1>
          <RecoverySheetStep sheet={sheet} doneLabel="Continue to sign in" onDone={() => void refresh()} />
        </section>
      </main>
    );
  }

  return (
    <main className="centered">
      <form className="card wide" onSubmit={(event) => void submit(event)} noValidate>
        <h1>Set up Front Desk</h1>
        <p className="lead">
          The clinic, then the first administrator. Everything can be changed later under Settings.
        </p>
        <fieldset>
          <legend>Clinic</legend>
          <Field
            label="Clinic name"
            value={form.clinicName}
            onChange={update('clinicName')}
            error={errors.fields.clinicName}
            autoFocus
            required
          />
          <LocaleFields
            value={locale}
            timeZone={form.timeZone}
            errors={errors.fields}
            onChange={setLocale}
            onCountry={(country) => {
              const suggested = localeForCountry(country);
              setLocale(suggested.locale);
              setForm({ ...form, currency: suggested.currency });
            }}
          />
          <TimeZoneField
            value={form.timeZone}
            onChange={update('timeZone')}
            error={errors.fields.timeZone}
            hint="Appointments and opening hours follow this zone."
          />
          <Field
            label="Currency"
            value={form.currency}
            onChange={update('currency')}
            error={errors.fields.currency}
            maxLength={3}
            hint="ISO code, such as USD, EUR or GBP."
          />
        </fieldset>
        <fieldset>
          <legend>First administrator</legend>
          <Field
            label="Full name"
            value={form.displayName}
            onChange={update('displayName')}
            error={errors.fields['admin.displayName']}
            autoComplete="name"
          />
          <Field
            label="Username"
            value={form.username}
            onChange={update('username')}
            error={errors.fields['admin.username']}
            autoComplete="username"
          />
          <Field
            label="Password"
            type="password"
            value={form.password}
            onChange={update('password')}
            error={errors.fields['admin.password']}
            autoComplete="new-password"
            hint="At least 10 characters."
          />
          <Field
            label="Confirm password"
            type="password"
            value={form.confirm}
            onChange={update('confirm')}
            error={errors.fields.confirm}
            autoComplete="new-password"
          />
        </fieldset>
        <FormMessage error={errors.form} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create clinic'}
        </button>
      </form>
    </main>
  );
}
