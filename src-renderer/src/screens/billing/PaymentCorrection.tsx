import { useState, type SyntheticEvent } from 'react';
import type { AccountPayment, PaymentMethodView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { amountText, readAmount } from './money-field';
import { useTranslation } from '../../i18n';

export type Correction = 'reverse' | 'refund';

interface PaymentCorrectionProps {
  payment: AccountPayment;
  kind: Correction;
  money: MoneyFormat;
  methods: readonly PaymentMethodView[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * A manager's correction of a payment, never an edit: a reversal (entered by mistake, its allocations
 * taken back) or a refund (money handed back, by the same method unless another is chosen). Both need a reason.
 */
export function PaymentCorrection({ payment, kind, money, methods, onDone, onCancel }: PaymentCorrectionProps) {
  const { t } = useTranslation('billing');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(amountText(payment.refundableMinor, money));
  const [methodId, setMethodId] = useState(payment.methodId);
  const [busy, setBusy] = useState(false);
  const typed = readAmount(amount, money);
  const refund = (): Input<'payments.refund'> => ({
    paymentId: payment.id,
    amountMinor: typed.minor ?? 0,
    ...(methodId !== payment.methodId && { methodId }),
    reason,
  });
  /** What is wrong as typed: a refund's amount as the clinic writes money, then main's rules for the draft. */
  const problems = (): Record<string, string> => {
    if (kind === 'reverse') return draftProblems('payments.reverse', { paymentId: payment.id, reason });
    return {
      ...draftProblems('payments.refund', refund()),
      ...(typed.problem && { amountMinor: t('PaymentCorrection.amount', { problem: typed.problem }) }),
    };
  };
  const { errors, show, showProblems, clear } = useFormErrors({ reason, amountMinor: amount, methodId }, problems);
  const what = t('PaymentCorrection.paymentOf', {
    amountMinor: formatMoney(payment.amountMinor, money),
    methodName: payment.methodName,
    countsFor: payment.countsFor,
  });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['reason', 'amountMinor', 'methodId']);
    if (kind === 'reverse') {
      setBusy(true);
      const result = await call('payments.reverse', { paymentId: payment.id, reason });
      setBusy(false);
      if (!result.ok) return show(result.error, ['reason']);
      return onDone(t('PaymentCorrection.reversedThe', { what }));
    }
    setBusy(true);
    const result = await call('payments.refund', refund());
    setBusy(false);
    if (!result.ok) return show(result.error, ['reason', 'amountMinor', 'methodId']);
    onDone(
      t('PaymentCorrection.refundedBy', {
        amountMinor: formatMoney(result.value.amountMinor, money),
        methodName: result.value.methodName,
      }),
    );
  }

  const title = kind === 'reverse' ? t('PaymentCorrection.reversePayment') : t('PaymentCorrection.refundPayment');
  return (
    <form className="billing-correction" aria-label={title} onSubmit={(event) => void submit(event)} noValidate>
      <p>
        {kind === 'reverse' ? t('PaymentCorrection.reverse') : t('PaymentCorrection.refundFrom')}{' '}
        {t('PaymentCorrection.the')} {what}.
        {kind === 'refund' &&
          t('PaymentCorrection.upToCanBeRefunded', { refundableMinor: formatMoney(payment.refundableMinor, money) })}
      </p>
      <div className="billing-fields">
        {kind === 'refund' && (
          <>
            <Field
              label={t('PaymentCorrection.refundAmount', { currency: money.currency })}
              inputMode="decimal"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              error={errors.fields.amountMinor}
            />
            <SelectField
              label={t('PaymentCorrection.refundBy')}
              value={methodId}
              options={methods
                .filter((method) => method.active || method.id === payment.methodId)
                .map((method) => ({ value: method.id, label: method.name }))}
              onChange={(event) => setMethodId(event.target.value)}
              error={errors.fields.methodId}
            />
          </>
        )}
        <Field
          label={t('PaymentCorrection.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.fields.reason}
          maxLength={500}
          autoFocus
          hint={t('PaymentCorrection.requiredItStaysOnThe')}
        />
      </div>
      <FormMessage error={errors.form} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {title}
        </button>
        <button type="button" onClick={onCancel}>
          {t('PaymentCorrection.cancel')}
        </button>
      </div>
    </form>
  );
}
