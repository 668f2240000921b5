import { useState, type SyntheticEvent } from 'react';
import type { ClaimView } from '../../../../src-shared/billing/model';
import { needsReason, type ClaimStatus } from '../../../../src-shared/billing/claim-status';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';
import { claimStatusLabel } from '../../i18n/labels';

/** The moves main allows from here, one button each; a reason is asked where the move needs one. */
export function ClaimMoves({ claim, onMoved }: { claim: ClaimView; onMoved: (claim: ClaimView) => void }) {
  const { t } = useTranslation('billing');
  const [reason, setReason] = useState('');
  const [payerReference, setPayerReference] = useState(claim.payerReference ?? '');
  const [to, setTo] = useState<ClaimStatus | null>(null);
  const input = (target: ClaimStatus): Input<'claims.move'> => ({
    claimId: claim.id,
    to: target,
    reason: reason.trim() || null,
    payerReference: payerReference.trim() || null,
  });
  // As typed, the fields are judged for the move under way, else as they would go with any move.
  const problems = () => draftProblems('claims.move', input(to ?? claim.moves[0] ?? claim.status));
  const { errors, show, showProblems, clear } = useFormErrors({ reason, payerReference }, problems);

  async function move(target: ClaimStatus) {
    clear();
    const local = draftProblems('claims.move', input(target));
    if (Object.keys(local).length > 0) return showProblems(local, ['reason', 'payerReference']);
    setTo(target);
    const result = await call('claims.move', input(target));
    if (!result.ok) return show(result.error, ['reason', 'payerReference']);
    setReason('');
    setTo(null);
    onMoved(result.value);
  }

  if (claim.moves.length === 0) return null;
  const reasonNeeded = claim.moves.some((target) => needsReason(claim.status, target));
  return (
    <form
      aria-label={t('ClaimMoves.moveClaim')}
      noValidate
      onSubmit={(event: SyntheticEvent) => event.preventDefault()}
      className="claim-moves"
    >
      <div className="billing-fields">
        <Field
          label={t('ClaimMoves.payerReference')}
          value={payerReference}
          onChange={(event) => setPayerReference(event.target.value)}
          error={errors.fields.payerReference}
          maxLength={60}
        />
        <Field
          label={t('ClaimMoves.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.fields.reason}
          maxLength={500}
          hint={reasonNeeded ? t('ClaimMoves.neededToRejectDenyAppeal') : t('ClaimMoves.optional')}
        />
      </div>
      <FormMessage error={errors.form} />
      <div className="actions">
        {claim.moves.map((target) => (
          <button key={target} type="button" disabled={to !== null && to !== target} onClick={() => void move(target)}>
            {target === 'draft'
              ? t('ClaimMoves.backToDraftCorrected')
              : t('ClaimMoves.mark', { toLowerCase: claimStatusLabel(target).toLowerCase() })}
          </button>
        ))}
      </div>
    </form>
  );
}
