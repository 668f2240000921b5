// The English of the screens behind sign-in, before anything of this chunk renders.
import '../../i18n/screens';
import { useState, type SyntheticEvent } from 'react';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { LocaleFields, localeForCountry, type LocaleDraft } from '../../components/LocaleFields';
import { FormMessage } from '../../components/FormMessage';
import { TimeZoneField } from '../../components/TimeZoneField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import type { RecoverySheet } from '../../../../src-shared/api/areas/backups';
import { RecoverySheetStep } from '../backups/RecoverySheetStep';
import { JoinClinicForm } from './JoinClinicForm';
import { TryDemoPanel } from './TryDemoPanel';
import { useTranslation } from '../../i18n';

export function SetupScreen() {
  const { t } = useTranslation('setup');
  const checkAgain = useSession((state) => state.checkAgain);
  const [busy, setBusy] = useState(false);
  const [start, setStart] = useState<'new' | 'join' | 'demo'>('new');
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
  const input = (): Input<'system.setup'> => ({
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
  /** What is wrong as typed: main's rules for the clinic and its first user, then the password typed twice alike. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('system.setup', input()),
    ...(form.password !== form.confirm && { confirm: t('SetupScreen.doesNotMatchThePassword') }),
  });
  const { errors, show, showProblems, clear } = useFormErrors(
    {
      ...form,
      ...locale,
      'admin.displayName': form.displayName,
      'admin.username': form.username,
      'admin.password': form.password,
    },
    problems,
  );
  const update = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local);
    setBusy(true);
    const result = await call('system.setup', input());
    setBusy(false);
    if (!result.ok) return show(result.error);
    // The recovery key is shown once, before anything else; signing in comes after.
    setSheet(result.value.recoverySheet);
  }

  if (sheet) {
    return (
      <main className="centered">
        <section className="card wide">
          <h1 className="no-print">{t('SetupScreen.yourRecoveryKey')}</h1>
          <RecoverySheetStep sheet={sheet} doneLabel={t('SetupScreen.continueToSignIn')} onDone={checkAgain} />
        </section>
      </main>
    );
  }

  const choice = (
    <div role="group" aria-label={t('SetupScreen.howToStart')} className="row-actions setup-choice">
      <button type="button" aria-pressed={start === 'new'} onClick={() => setStart('new')}>
        {t('SetupScreen.newClinic')}
      </button>
      <button type="button" aria-pressed={start === 'join'} onClick={() => setStart('join')}>
        {t('SetupScreen.joinClinic')}
      </button>
      <button type="button" aria-pressed={start === 'demo'} onClick={() => setStart('demo')}>
        {t('SetupScreen.tryDemo')}
      </button>
    </div>
  );

  if (start !== 'new') {
    return (
      <main className="centered">
        <section className="card wide">
          <h1>{t('SetupScreen.setUpFrontDesk')}</h1>
          {choice}
          {start === 'join' ? <JoinClinicForm /> : <TryDemoPanel />}
        </section>
      </main>
    );
  }

  return (
    <main className="centered">
      <form className="card wide" onSubmit={(event) => void submit(event)} noValidate>
        <h1>{t('SetupScreen.setUpFrontDesk')}</h1>
        {choice}
        <p className="lead">{t('SetupScreen.theClinicThenTheFirst')}</p>
        <fieldset>
          <legend>{t('SetupScreen.clinic')}</legend>
          <Field
            label={t('SetupScreen.clinicName')}
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
            hint={t('SetupScreen.appointmentsAndOpeningHoursFollow')}
          />
          <Field
            label={t('SetupScreen.currency')}
            value={form.currency}
            onChange={update('currency')}
            error={errors.fields.currency}
            maxLength={3}
            hint={t('SetupScreen.isoCodeSuchAsUsd')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('SetupScreen.firstAdministrator')}</legend>
          <Field
            label={t('SetupScreen.fullName')}
            value={form.displayName}
            onChange={update('displayName')}
            error={errors.fields['admin.displayName']}
            autoComplete="name"
          />
          <Field
            label={t('SetupScreen.username')}
            value={form.username}
            onChange={update('username')}
            error={errors.fields['admin.username']}
            autoComplete="username"
          />
          <Field
            label={t('SetupScreen.password')}
            type="password"
            value={form.password}
            onChange={update('password')}
            error={errors.fields['admin.password']}
            autoComplete="new-password"
            hint={t('SetupScreen.atLeast10Characters')}
          />
          <Field
            label={t('SetupScreen.confirmPassword')}
            type="password"
            value={form.confirm}
            onChange={update('confirm')}
            error={errors.fields.confirm}
            autoComplete="new-password"
          />
        </fieldset>
        <FormMessage error={errors.form} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('SetupScreen.creating') : t('SetupScreen.createClinic')}
        </button>
      </form>
    </main>
  );
}
