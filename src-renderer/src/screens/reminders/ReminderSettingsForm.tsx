import { useState, type SyntheticEvent } from 'react';
import type { ReminderSettings } from '../../../../src-shared/api/areas/reminders';
import { TEMPLATE_PLACEHOLDERS } from '../../../../src-shared/reminders/templates';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field, TextAreaField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useCheckedSave } from '../../hooks/useCheckedSave';
import { draftProblems } from '../../hooks/useFormErrors';
import { Trans, useTranslation } from '../../i18n';

type Text =
  | 'smtpHost'
  | 'smtpPort'
  | 'smtpUser'
  | 'smtpPassword'
  | 'fromName'
  | 'fromAddress'
  | 'smsWebhookUrl'
  | 'smsAuthHeader';
type Template = 'emailSubject' | 'emailBody' | 'smsBody';

function formFrom(settings: ReminderSettings) {
  return {
    emailEnabled: settings.emailEnabled,
    smsEnabled: settings.smsEnabled,
    offsets: settings.offsetsMinutes.map((minutes) => String(Math.round((minutes / 60) * 100) / 100)).join(', '),
    maxAttempts: String(settings.maxAttempts),
    retryMinutes: String(settings.retryMinutes),
    smtpHost: settings.smtpHost ?? '',
    smtpPort: String(settings.smtpPort),
    smtpSecure: settings.smtpSecure,
    smtpUser: settings.smtpUser ?? '',
    smtpPassword: '',
    fromName: settings.fromName ?? '',
    fromAddress: settings.fromAddress ?? '',
    smsWebhookUrl: settings.smsWebhookUrl ?? '',
    smsAuthHeader: '',
    emailSubject: settings.emailSubject,
    emailBody: settings.emailBody,
    smsBody: settings.smsBody,
    requireConsent: settings.requireConsent,
  };
}

/** "48, 2" (hours) → [2880, 120]; a word that is not a number becomes NaN and main names the field. */
function offsetsFrom(text: string): number[] {
  return text
    .split(/[,;\s]+/)
    .filter((part) => part !== '')
    .map((part) => Math.round(Number(part) * 60));
}

const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The offsets travel as minutes but are typed as hours in one box: a problem with any of them points at that box. */
function onTheOffsetsBox(fields: Record<string, string>): Record<string, string> {
  const offsets = Object.entries(fields).find(([name]) => name.startsWith('offsetsMinutes'))?.[1];
  return offsets === undefined ? fields : { ...fields, offsets };
}

export function ReminderSettingsForm({
  initial,
  onSaved,
}: {
  initial: ReminderSettings;
  onSaved: (settings: ReminderSettings) => void;
}) {
  const { t } = useTranslation('reminders');
  const [form, setForm] = useState(() => formFrom(initial));
  const [passwordSet, setPasswordSet] = useState(initial.smtpPasswordSet);
  const [authSet, setAuthSet] = useState(initial.smsAuthHeaderSet);
  const [removeSecrets, setRemoveSecrets] = useState({ smtpPassword: false, smsAuthHeader: false });
  const input = (): Input<'reminders.updateSettings'> => ({
    emailEnabled: form.emailEnabled,
    smsEnabled: form.smsEnabled,
    offsetsMinutes: offsetsFrom(form.offsets),
    maxAttempts: asNumber(form.maxAttempts),
    retryMinutes: asNumber(form.retryMinutes),
    smtpHost: form.smtpHost,
    smtpPort: asNumber(form.smtpPort),
    smtpSecure: form.smtpSecure,
    smtpUser: form.smtpUser,
    fromName: form.fromName,
    fromAddress: form.fromAddress,
    smsWebhookUrl: form.smsWebhookUrl,
    emailSubject: form.emailSubject,
    emailBody: form.emailBody,
    smsBody: form.smsBody,
    requireConsent: form.requireConsent,
    // Secrets are write-only: sent only when typed (or removed), never read back.
    ...(form.smtpPassword !== ''
      ? { smtpPassword: form.smtpPassword }
      : removeSecrets.smtpPassword
        ? { smtpPassword: null }
        : {}),
    ...(form.smsAuthHeader !== ''
      ? { smsAuthHeader: form.smsAuthHeader }
      : removeSecrets.smsAuthHeader
        ? { smsAuthHeader: null }
        : {}),
  });
  const problems = () => onTheOffsetsBox(draftProblems('reminders.updateSettings', input()));
  const { errors, saved, busy, save } = useCheckedSave(form, problems);
  const text = (key: Text | Template) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const tick =
    (key: 'emailEnabled' | 'smsEnabled' | 'smtpSecure' | 'requireConsent') =>
    (event: { target: { checked: boolean } }) =>
      setForm({ ...form, [key]: event.target.checked });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    await save(
      () => call('reminders.updateSettings', input()),
      (settings) => {
        setForm(formFrom(settings));
        setPasswordSet(settings.smtpPasswordSet);
        setAuthSet(settings.smsAuthHeaderSet);
        setRemoveSecrets({ smtpPassword: false, smsAuthHeader: false });
        onSaved(settings);
        return t('ReminderSettingsForm.reminderSettingsSaved');
      },
      {
        refused: (error) => {
          const fields = error.details?.fields;
          return fields ? { ...error, details: { ...error.details, fields: onTheOffsetsBox(fields) } } : error;
        },
      },
    );
  }

  const fieldError = (name: string) => errors.fields[name];
  return (
    <form
      className="card wide"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('ReminderSettingsForm.reminderSettings')}
    >
      <fieldset>
        <legend>{t('ReminderSettingsForm.when')}</legend>
        <Field
          label={t('ReminderSettingsForm.remindThisManyHoursBefore')}
          value={form.offsets}
          onChange={(event) => setForm({ ...form, offsets: event.target.value })}
          error={fieldError('offsets')}
          hint={t('ReminderSettingsForm.separateWithCommasEG')}
        />
        <div className="row">
          <Field
            label={t('ReminderSettingsForm.triesBeforeGivingUp')}
            type="number"
            min={1}
            max={10}
            value={form.maxAttempts}
            onChange={(event) => setForm({ ...form, maxAttempts: event.target.value })}
            error={fieldError('maxAttempts')}
          />
          <Field
            label={t('ReminderSettingsForm.firstRetryAfterMinutes')}
            type="number"
            min={1}
            max={240}
            value={form.retryMinutes}
            onChange={(event) => setForm({ ...form, retryMinutes: event.target.value })}
            error={fieldError('retryMinutes')}
            hint={t('ReminderSettingsForm.eachFurtherRetryWaitsTwice')}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('ReminderSettingsForm.consent')}</legend>
        <label className="checkbox">
          <Trans
            t={t}
            i18nKey="ReminderSettingsForm.sendRemindersOnlyToPatients"
            components={{
              input: (
                <input
                  type="checkbox"
                  checked={form.requireConsent}
                  onChange={tick('requireConsent')}
                  aria-describedby="require-consent-hint"
                />
              ),
            }}
          />
        </label>
        <p className="hint" id="require-consent-hint">
          {t('ReminderSettingsForm.smsNeedsAnSmsReminders')}
        </p>
      </fieldset>

      <fieldset>
        <legend>{t('ReminderSettingsForm.email')}</legend>
        <label className="checkbox">
          <Trans
            t={t}
            i18nKey="ReminderSettingsForm.sendRemindersByEmail"
            components={{
              input: <input type="checkbox" checked={form.emailEnabled} onChange={tick('emailEnabled')} />,
            }}
          />
        </label>
        <div className="row">
          <Field
            label={t('ReminderSettingsForm.smtpServer')}
            value={form.smtpHost}
            onChange={text('smtpHost')}
            error={fieldError('smtpHost')}
            placeholder="smtp.example.org"
          />
          <Field
            label={t('ReminderSettingsForm.smtpPort')}
            type="number"
            min={1}
            max={65535}
            value={form.smtpPort}
            onChange={text('smtpPort')}
            error={fieldError('smtpPort')}
          />
        </div>
        <label className="checkbox">
          <Trans
            t={t}
            i18nKey="ReminderSettingsForm.connectWithTlsFromThe"
            components={{ input: <input type="checkbox" checked={form.smtpSecure} onChange={tick('smtpSecure')} /> }}
          />
        </label>
        <div className="row">
          <Field
            label={t('ReminderSettingsForm.smtpUserName')}
            value={form.smtpUser}
            onChange={text('smtpUser')}
            error={fieldError('smtpUser')}
            autoComplete="off"
          />
          <Field
            label={t('ReminderSettingsForm.smtpPassword')}
            type="password"
            value={form.smtpPassword}
            onChange={text('smtpPassword')}
            error={fieldError('smtpPassword')}
            autoComplete="new-password"
            hint={
              passwordSet ? t('ReminderSettingsForm.aPasswordIsSavedType') : t('ReminderSettingsForm.noPasswordSaved')
            }
          />
        </div>
        {passwordSet && (
          <label className="checkbox">
            <Trans
              t={t}
              i18nKey="ReminderSettingsForm.removeTheSavedPassword"
              components={{
                input: (
                  <input
                    type="checkbox"
                    checked={removeSecrets.smtpPassword}
                    onChange={(event) => setRemoveSecrets({ ...removeSecrets, smtpPassword: event.target.checked })}
                  />
                ),
              }}
            />
          </label>
        )}
        <div className="row">
          <Field
            label={t('ReminderSettingsForm.fromName')}
            value={form.fromName}
            onChange={text('fromName')}
            error={fieldError('fromName')}
          />
          <Field
            label={t('ReminderSettingsForm.fromAddress')}
            type="email"
            value={form.fromAddress}
            onChange={text('fromAddress')}
            error={fieldError('fromAddress')}
          />
        </div>
        <Field
          label={t('ReminderSettingsForm.emailSubject')}
          value={form.emailSubject}
          onChange={text('emailSubject')}
          error={fieldError('emailSubject')}
        />
        <TextAreaField
          label={t('ReminderSettingsForm.emailText')}
          rows={7}
          value={form.emailBody}
          onChange={text('emailBody')}
          error={fieldError('emailBody')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('ReminderSettingsForm.sms')}</legend>
        <label className="checkbox">
          <Trans
            t={t}
            i18nKey="ReminderSettingsForm.sendRemindersBySms"
            components={{ input: <input type="checkbox" checked={form.smsEnabled} onChange={tick('smsEnabled')} /> }}
          />
        </label>
        <Field
          label={t('ReminderSettingsForm.smsWebhookAddress')}
          value={form.smsWebhookUrl}
          onChange={text('smsWebhookUrl')}
          error={fieldError('smsWebhookUrl')}
          placeholder="https://sms-gateway.example/send"
          hint={t('ReminderSettingsForm.frontDeskPostsJsonTo')}
        />
        <Field
          label={t('ReminderSettingsForm.webhookAuthorizationHeader')}
          type="password"
          value={form.smsAuthHeader}
          onChange={text('smsAuthHeader')}
          error={fieldError('smsAuthHeader')}
          autoComplete="off"
          hint={authSet ? t('ReminderSettingsForm.aValueIsSavedType') : t('ReminderSettingsForm.optionalEGBearerAnd')}
        />
        {authSet && (
          <label className="checkbox">
            <Trans
              t={t}
              i18nKey="ReminderSettingsForm.removeTheSavedAuthorizationValue"
              components={{
                input: (
                  <input
                    type="checkbox"
                    checked={removeSecrets.smsAuthHeader}
                    onChange={(event) => setRemoveSecrets({ ...removeSecrets, smsAuthHeader: event.target.checked })}
                  />
                ),
              }}
            />
          </label>
        )}
        <TextAreaField
          label={t('ReminderSettingsForm.smsText')}
          rows={3}
          value={form.smsBody}
          onChange={text('smsBody')}
          error={fieldError('smsBody')}
        />
      </fieldset>
      <p className="hint">
        {t('ReminderSettingsForm.placeholders', { join: TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(' ') })}
      </p>

      <FormMessage error={errors.form} success={saved} />
      <button type="submit" className="primary" disabled={busy}>
        {t('ReminderSettingsForm.saveReminderSettings')}
      </button>
    </form>
  );
}
