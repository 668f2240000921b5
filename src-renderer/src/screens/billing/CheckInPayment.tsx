import { useState } from 'react';
import type { ReviewAccount } from '../../../../src-shared/visits/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { useSession } from '../../stores/session';
import { PaymentForm } from './PaymentForm';
import { billingHref } from './route';
import { useBillingSetup } from './useBillingSetup';
import { useTranslation, variant } from '../../i18n';

interface CheckInPaymentProps {
  patientId: string;
  /** The visit just checked in (or already open): the copay is taken for it. */
  visitId: string | null;
  account: ReviewAccount | null;
}

/**
 * The check-in review's billing part: what the patient owes, and "Take payment" for a copay or
 * deposit. No invoice exists yet, so the money waits on the account as credit until one is issued.
 */
export function CheckInPayment({ patientId, visitId, account }: CheckInPaymentProps) {
  // The review carries the account only for those who may see billing.
  if (!account) return null;
  return <AccountLine patientId={patientId} visitId={visitId} account={account} />;
}

function AccountLine({ patientId, visitId, account }: CheckInPaymentProps & { account: ReviewAccount }) {
  const { t } = useTranslation('billing');
  const canTake = useSession((state) => state.can('billing:write'));
  const { setup, error } = useBillingSetup();
  const [open, setOpen] = useState(false);
  const money = setup?.settings.money;
  return (
    <div className="checkin-account">
      <p>
        {account.owingMinor > 0 && money ? (
          <strong>
            {t('CheckInPayment.owes', {
              owingMinor: formatMoney(account.owingMinor, money),
              owingSince: account.owingSince ?? '',
              context: variant(account.owingSince && 'since'),
            })}
          </strong>
        ) : account.creditMinor > 0 && money ? (
          t('CheckInPayment.creditOnAccount', { creditMinor: formatMoney(account.creditMinor, money) })
        ) : (
          t('CheckInPayment.nothingOwed')
        )}{' '}
        <a href={billingHref.account(patientId)}>{t('CheckInPayment.account')}</a>
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {canTake && setup && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          {t('CheckInPayment.takePayment')}
        </button>
      )}
      {canTake && setup && open && (
        <PaymentForm
          patientId={patientId}
          money={setup.settings.money}
          methods={setup.methods}
          suggestedMinor={0}
          {...(visitId && { visitId })}
          title={t('CheckInPayment.takeCopay')}
          onTaken={() => undefined}
        />
      )}
    </div>
  );
}
