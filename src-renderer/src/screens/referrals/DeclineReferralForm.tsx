import { useState, type SyntheticEvent } from 'react';
import type { ReferralView } from '../../../../src-shared/referrals/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';

/** Declining a referral says why (main refuses it without a reason). */
export function DeclineReferralForm({
  referral,
  onDeclined,
}: {
  referral: ReferralView;
  onDeclined: (said: string) => void;
}) {
  const { t } = useTranslation('referrals');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = () => ({
    ...draftProblems('referrals.move', { referralId: referral.id, to: 'declined', reason }),
    ...(!reason.trim() && { reason: t('DeclineReferralForm.sayWhy') }),
  });
  const errors = useFormErrors({ reason }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['reason']);
    setBusy(true);
    const result = await call('referrals.move', { referralId: referral.id, to: 'declined', reason });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['reason']);
    onDeclined(t('DeclineReferralForm.declined', { patientName: referral.patientName }));
  }

  return (
    <form noValidate aria-label={t('DeclineReferralForm.heading')} onSubmit={(event) => void submit(event)}>
      <Field
        label={t('DeclineReferralForm.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.errors.fields.reason}
      />
      <FormMessage error={errors.errors.form} />
      <button type="submit" disabled={busy}>
        {t('DeclineReferralForm.decline')}
      </button>
    </form>
  );
}
