import { useState, type SyntheticEvent } from 'react';
import type { EnrolmentCode } from '../../../../src-shared/api/areas/devices';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { formatDateTime } from '../../format/datetime';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useClinicClock } from '../../stores/clinic-settings';
import { useTranslation } from '../../i18n';

const FIELDS = ['hours'];

/** A one-time code for a new desk, shown once with the server's address and pin to type beside it. */
export function EnrolCodeForm() {
  const { t } = useTranslation('sync');
  const clock = useClinicClock();
  const [hours, setHours] = useState('24');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<EnrolmentCode | null>(null);
  const input = () => ({ hours: hours.trim() === '' ? Number.NaN : Number(hours) });
  const problems = () =>
    Number.isNaN(input().hours)
      ? { hours: t('EnrolCodeForm.aNumberOfHours') }
      : draftProblems('devices.enrolCode', input());
  const { errors, show, showProblems, clear } = useFormErrors({ hours }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, FIELDS);
    setBusy(true);
    setMade(null);
    const answer = await call('devices.enrolCode', input());
    setBusy(false);
    if (!answer.ok) return show(answer.error, FIELDS);
    setMade(answer.value);
  }

  return (
    <form aria-label={t('EnrolCodeForm.makeACode')} onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('EnrolCodeForm.connectAnotherDesk')}</h2>
      <p>{t('EnrolCodeForm.explain')}</p>
      <div className="hours-field">
        <Field
          label={t('EnrolCodeForm.validForHours')}
          inputMode="numeric"
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          error={errors.fields.hours}
          hint={t('EnrolCodeForm.hoursHint')}
        />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('EnrolCodeForm.making') : t('EnrolCodeForm.makeACode')}
      </button>
      <FormMessage error={errors.form} />
      {made && (
        <div role="status" className="card enrolment-card" aria-label={t('EnrolCodeForm.newCode')}>
          <p>{t('EnrolCodeForm.typeAtNewDesk', { clinicName: made.clinicName })}</p>
          <dl>
            <div>
              <dt>{t('EnrolCodeForm.oneTimeCode')}</dt>
              <dd className="mono enrolment-code" data-testid="enrolment-code">
                {made.code}
              </dd>
            </div>
            <div>
              <dt>{t('EnrolCodeForm.serverAddress')}</dt>
              <dd className="mono">{made.serverUrl}</dd>
            </div>
            <div>
              <dt>{t('EnrolCodeForm.fingerprint')}</dt>
              <dd className="mono">{made.fingerprint ?? t('EnrolCodeForm.noFingerprint')}</dd>
            </div>
            <div>
              <dt>{t('EnrolCodeForm.validUntil')}</dt>
              <dd>{formatDateTime(made.expiresAt, clock)}</dd>
            </div>
          </dl>
        </div>
      )}
    </form>
  );
}
