import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import { lastErrorText } from '../sync/describe-sync';
import { useTranslation } from '../../i18n';

const FIELDS = ['serverUrl', 'fingerprint', 'code', 'deviceName'];

/**
 * A new Front Desk joins a clinic that already syncs (procedure `sync.join`): it takes the whole clinic
 * from the server, whose staff then sign in here with their own passwords.
 */
export function JoinClinicForm() {
  const { t } = useTranslation('setup');
  const checkAgain = useSession((state) => state.checkAgain);
  const [draft, setDraft] = useState({ serverUrl: '', fingerprint: '', code: '', deviceName: '' });
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const problems = () => draftProblems('sync.join', draft);
  const { errors, show, showProblems, clear } = useFormErrors(draft, problems);
  const update = (key: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setPending(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, FIELDS);
    setBusy(true);
    const result = await call('sync.join', draft);
    setBusy(false);
    if (!result.ok) return show(result.error, FIELDS);
    // Joined; the first round normally brought the clinic with it. If it did not, the desk keeps trying.
    const lastError = lastErrorText(result.value);
    if (lastError) return setPending(lastError);
    checkAgain();
  }

  if (pending !== null) {
    return (
      <div className="join-pending">
        <p role="alert" className="form-error">
          {t('JoinClinicForm.joinedNoDataYet', { error: pending })}
        </p>
        <button type="button" className="primary" onClick={checkAgain}>
          {t('JoinClinicForm.checkAgain')}
        </button>
      </div>
    );
  }

  return (
    <form aria-label={t('JoinClinicForm.joinAClinic')} onSubmit={(event) => void submit(event)} noValidate>
      <p className="lead">{t('JoinClinicForm.lead')}</p>
      <Field
        label={t('JoinClinicForm.serverAddress')}
        value={draft.serverUrl}
        onChange={update('serverUrl')}
        error={errors.fields.serverUrl}
        hint={t('JoinClinicForm.serverAddressHint')}
        autoFocus
      />
      <Field
        label={t('JoinClinicForm.certificateFingerprint')}
        value={draft.fingerprint}
        onChange={update('fingerprint')}
        error={errors.fields.fingerprint}
        hint={t('JoinClinicForm.fingerprintHint')}
      />
      <Field
        label={t('JoinClinicForm.oneTimeCode')}
        value={draft.code}
        onChange={update('code')}
        error={errors.fields.code}
        hint={t('JoinClinicForm.codeHint')}
        autoComplete="off"
      />
      <Field
        label={t('JoinClinicForm.deskName')}
        value={draft.deviceName}
        onChange={update('deviceName')}
        error={errors.fields.deviceName}
        hint={t('JoinClinicForm.deskNameHint')}
      />
      <FormMessage error={errors.form} />
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {busy ? t('JoinClinicForm.joining') : t('JoinClinicForm.joinClinic')}
      </button>
    </form>
  );
}
