import { useState, type SyntheticEvent } from 'react';
import type { ClinicSettings, Language } from '../../../../src-shared/api/areas/settings';
import { LANGUAGES } from '../../../../src-shared/validation';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { FormMessage } from '../../components/FormMessage';
import { LocaleFields, localeForCountry, type LocaleDraft } from '../../components/LocaleFields';
import { TimeZoneField } from '../../components/TimeZoneField';
import { useCheckedSave } from '../../hooks/useCheckedSave';
import { draftProblems } from '../../hooks/useFormErrors';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { i18next, loadLanguage, Trans, useTranslation } from '../../i18n';
import { applyLanguage, chosenLanguage } from '../../hooks/useFollowLanguage';
import { languageLabel } from '../../i18n/labels';

export function SettingsForm({ initial }: { initial: ClinicSettings }) {
  const { t } = useTranslation('settings');
  const [form, setForm] = useState({
    clinicName: initial.clinicName,
    timeZone: initial.timeZone,
    currency: initial.currency,
    lockTimeoutMinutes: String(initial.lockTimeoutMinutes),
    noShowGraceMinutes: String(initial.noShowGraceMinutes),
    providerStep: initial.providerStep,
    language: initial.language,
  });
  const [locale, setLocale] = useState<LocaleDraft>({
    country: initial.country ?? '',
    dateFormat: initial.dateFormat,
    timeFormat: initial.timeFormat,
    weekStart: initial.weekStart,
    phoneRegion: initial.phoneRegion ?? '',
  });
  // Minutes as typed: "" or "ten" goes as NaN, which main's schema refuses in its own words.
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const input = () => ({
    ...form,
    lockTimeoutMinutes: number(form.lockTimeoutMinutes),
    noShowGraceMinutes: number(form.noShowGraceMinutes),
    dateFormat: locale.dateFormat,
    timeFormat: locale.timeFormat,
    weekStart: locale.weekStart,
    ...(locale.country !== '' && { country: locale.country }),
    ...(locale.phoneRegion !== '' && { phoneRegion: locale.phoneRegion }),
  });
  const problems = () => draftProblems('settings.update', input());
  const { errors, saved, busy, save } = useCheckedSave({ ...form, ...locale }, problems);
  const update =
    (key: 'clinicName' | 'timeZone' | 'currency' | 'lockTimeoutMinutes' | 'noShowGraceMinutes') =>
    (event: { target: { value: string } }) => {
      setForm({ ...form, [key]: event.target.value });
    };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    // The chosen language's catalogue is in before the answer (usually since it was picked): the
    // confirmation below is worded in it. A failed load leaves the words in English, the save still goes.
    await loadLanguage(form.language).catch(() => undefined);
    await save(
      () => call('settings.update', input()),
      (settings) => {
        useSession.getState().settingsChanged(settings);
        useClinicSettings.getState().set(settings);
        // Switched now rather than on the next render, so the confirmation is already in the new language.
        applyLanguage(chosenLanguage());
        setForm({
          ...settings,
          lockTimeoutMinutes: String(settings.lockTimeoutMinutes),
          noShowGraceMinutes: String(settings.noShowGraceMinutes),
        });
        return i18next.t('settings:SettingsForm.settingsSaved', { lng: chosenLanguage() });
      },
    );
  }

  return (
    <form
      className="card wide"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('SettingsForm.clinicSettings')}
    >
      <Field
        label={t('SettingsForm.clinicName')}
        value={form.clinicName}
        onChange={update('clinicName')}
        error={errors.fields.clinicName}
      />
      <TimeZoneField
        value={form.timeZone}
        onChange={update('timeZone')}
        error={errors.fields.timeZone}
        hint={t('SettingsForm.timeZoneHint')}
      />
      <Field
        label={t('SettingsForm.currency')}
        value={form.currency}
        onChange={update('currency')}
        error={errors.fields.currency}
        maxLength={3}
        hint={t('SettingsForm.isoCodeSuchAsUsd')}
      />
      <Field
        label={t('SettingsForm.lockAfterMinutesIdle')}
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        value={form.lockTimeoutMinutes}
        onChange={update('lockTimeoutMinutes')}
        error={errors.fields.lockTimeoutMinutes}
        hint={t('SettingsForm.theScreenLocksAfterThis')}
      />
      <LocaleFields
        value={locale}
        timeZone={initial.timeZone}
        errors={errors.fields}
        onChange={setLocale}
        onCountry={(country) => setLocale(localeForCountry(country).locale)}
      />
      <Field
        label={t('SettingsForm.noShowAfterMinutesPast')}
        type="number"
        inputMode="numeric"
        min={0}
        max={240}
        value={form.noShowGraceMinutes}
        onChange={update('noShowGraceMinutes')}
        error={errors.fields.noShowGraceMinutes}
        hint={t('SettingsForm.aNoShowCanBe')}
      />
      <label className="check">
        <Trans
          t={t}
          i18nKey="SettingsForm.theFlowBoardHasA"
          components={{
            input: (
              <input
                type="checkbox"
                checked={form.providerStep}
                onChange={(event) => setForm({ ...form, providerStep: event.target.checked })}
              />
            ),
          }}
        />
      </label>
      <SelectField
        label={t('SettingsForm.language')}
        value={form.language}
        onChange={(event) => {
          const language = event.target.value as Language;
          setForm({ ...form, language });
          // Fetched while the rest of the form is filled in, so saving switches at once.
          void loadLanguage(language).catch(() => undefined);
        }}
        options={LANGUAGES.map((language) => ({ value: language, label: languageLabel(language) }))}
        error={errors.fields.language}
      />
      <p className="hint">{t('SettingsForm.languageHint')}</p>
      <FormMessage error={errors.form} success={saved} />
      <button type="submit" className="primary" disabled={busy}>
        {t('SettingsForm.saveSettings')}
      </button>
    </form>
  );
}
