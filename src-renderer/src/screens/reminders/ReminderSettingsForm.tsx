import { useState, type SyntheticEvent } from 'react';
import type { ReminderSettings } from '../../../../src-shared/api/areas/reminders';
import { TEMPLATE_PLACEHOLDERS } from '../../../../src-shared/reminders/templates';
import { call } from '../../api';
import { Field, TextAreaField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';

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

export function ReminderSettingsForm({
  initial,
  onSaved,
}: {
  initial: ReminderSettings;
  onSaved: (settings: ReminderSettings) => void;
}) {
  const [form, setForm] = useState(() => formFrom(initial));
  const [passwordSet, setPasswordSet] = useState(initial.smtpPasswordSet);
  const [authSet, setAuthSet] = useState(initial.smsAuthHeaderSet);
  const [removeSecrets, setRemoveSecrets] = useState({ smtpPassword: false, smsAuthHeader: false });
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, show, clear } = useFormErrors(form);
  const text = (key: Text | Template) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const tick =
    (key: 'emailEnabled' | 'smsEnabled' | 'smtpSecure' | 'requireConsent') =>
    (event: { target: { checked: boolean } }) =>
      setForm({ ...form, [key]: event.target.checked });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    setBusy(true);
    const result = await call('reminders.updateSettings', {
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
    setBusy(false);
    if (!result.ok) {
      const fields = result.error.details?.fields;
      // The offsets travel as minutes but are typed as hours in one box: point at that box.
      const mapped = fields && Object.keys(fields).some((name) => name.startsWith('offsetsMinutes'));
      show(
        mapped
          ? {
              ...result.error,
              details: {
                ...result.error.details,
                fields: {
                  ...fields,
                  offsets: Object.entries(fields).find(([name]) => name.startsWith('offsetsMinutes'))?.[1] ?? '',
                },
              },
            }
          : result.error,
      );
      return;
    }
    setForm(formFrom(result.value));
    setPasswordSet(result.value.smtpPasswordSet);
    setAuthSet(result.value.smsAuthHeaderSet);
    setRemoveSecrets({ smtpPassword: false, smsAuthHeader: false });
    onSaved(result.value);
    setSaved('Reminder settings saved.');
  }

  const fieldError = (name: string) => errors.fields[name];
  return (
    <form className="card wide" onSubmit={(event) => void submit(event)} noValidate aria-label="Reminder settings">
      <fieldset>
        <legend>When</legend>
        <Field
          label="Remind this many hours before"
          value={form.offsets}
          onChange={(event) => setForm({ ...form, offsets: event.target.value })}
          error={fieldError('offsets')}
          hint="Separate with commas, e.g. 48, 2. Up to five."
        />
        <div className="row">
          <Field
            label="Tries before giving up"
            type="number"
            min={1}
            max={10}
            value={form.maxAttempts}
            onChange={(event) => setForm({ ...form, maxAttempts: event.target.value })}
            error={fieldError('maxAttempts')}
          />
          <Field
            label="First retry after (minutes)"
            type="number"
            min={1}
            max={240}
            value={form.retryMinutes}
            onChange={(event) => setForm({ ...form, retryMinutes: event.target.value })}
            error={fieldError('retryMinutes')}
            hint="Each further retry waits twice as long."
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Consent</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.requireConsent}
            onChange={tick('requireConsent')}
            aria-describedby="require-consent-hint"
          />{' '}
          Send reminders only to patients with a recorded consent for that channel
        </label>
        <p className="hint" id="require-consent-hint">
          SMS needs an &ldquo;SMS reminders&rdquo; consent and email an &ldquo;Email reminders&rdquo; consent on the
          patient&apos;s record, given on or before today, not expired and not revoked; a treatment or privacy consent
          does not count. Patients without one are on the call list instead.
        </p>
      </fieldset>

      <fieldset>
        <legend>Email</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.emailEnabled} onChange={tick('emailEnabled')} /> Send reminders by email
        </label>
        <div className="row">
          <Field
            label="SMTP server"
            value={form.smtpHost}
            onChange={text('smtpHost')}
            error={fieldError('smtpHost')}
            placeholder="smtp.example.org"
          />
          <Field
            label="SMTP port"
            type="number"
            min={1}
            max={65535}
            value={form.smtpPort}
            onChange={text('smtpPort')}
            error={fieldError('smtpPort')}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={form.smtpSecure} onChange={tick('smtpSecure')} /> Connect with TLS from the
          start (usually port 465)
        </label>
        <div className="row">
          <Field
            label="SMTP user name"
            value={form.smtpUser}
            onChange={text('smtpUser')}
            error={fieldError('smtpUser')}
            autoComplete="off"
          />
          <Field
            label="SMTP password"
            type="password"
            value={form.smtpPassword}
            onChange={text('smtpPassword')}
            error={fieldError('smtpPassword')}
            autoComplete="new-password"
            hint={passwordSet ? 'A password is saved. Type a new one to replace it.' : 'No password saved.'}
          />
        </div>
        {passwordSet && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={removeSecrets.smtpPassword}
              onChange={(event) => setRemoveSecrets({ ...removeSecrets, smtpPassword: event.target.checked })}
            />{' '}
            Remove the saved password
          </label>
        )}
        <div className="row">
          <Field label="From name" value={form.fromName} onChange={text('fromName')} error={fieldError('fromName')} />
          <Field
            label="From address"
            type="email"
            value={form.fromAddress}
            onChange={text('fromAddress')}
            error={fieldError('fromAddress')}
          />
        </div>
        <Field
          label="Email subject"
          value={form.emailSubject}
          onChange={text('emailSubject')}
          error={fieldError('emailSubject')}
        />
        <TextAreaField
          label="Email text"
          rows={7}
          value={form.emailBody}
          onChange={text('emailBody')}
          error={fieldError('emailBody')}
        />
      </fieldset>

      <fieldset>
        <legend>SMS</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.smsEnabled} onChange={tick('smsEnabled')} /> Send reminders by SMS
        </label>
        <Field
          label="SMS webhook address"
          value={form.smsWebhookUrl}
          onChange={text('smsWebhookUrl')}
          error={fieldError('smsWebhookUrl')}
          placeholder="https://sms-gateway.example/send"
          hint="Front Desk POSTs JSON {to, message, reminderId, appointmentId} to it."
        />
        <Field
          label="Webhook Authorization header"
          type="password"
          value={form.smsAuthHeader}
          onChange={text('smsAuthHeader')}
          error={fieldError('smsAuthHeader')}
          autoComplete="off"
          hint={authSet ? 'A value is saved. Type a new one to replace it.' : 'Optional, e.g. Bearer and a token.'}
        />
        {authSet && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={removeSecrets.smsAuthHeader}
              onChange={(event) => setRemoveSecrets({ ...removeSecrets, smsAuthHeader: event.target.checked })}
            />{' '}
            Remove the saved Authorization value
          </label>
        )}
        <TextAreaField
          label="SMS text"
          rows={3}
          value={form.smsBody}
          onChange={text('smsBody')}
          error={fieldError('smsBody')}
        />
      </fieldset>
      <p className="hint">Placeholders: {TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(' ')}</p>

      <FormMessage error={errors.form} success={saved} />
      <button type="submit" className="primary" disabled={busy}>
        Save reminder settings
      </button>
    </form>
  );
}
