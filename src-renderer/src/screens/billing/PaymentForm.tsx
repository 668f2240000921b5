import { useState, type SyntheticEvent } from 'react';
import type { Input } from '../../../../src-shared/api/contract';
import type { PaymentMethodView, PaymentView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { amountText, readAmount } from './money-field';
import { savePdf } from './pdf';
import { Trans, useTranslation, variant } from '../../i18n';

interface PaymentFormProps {
  patientId: string;
  money: MoneyFormat;
  methods: readonly PaymentMethodView[];
  /** What the amount starts at (what is owed), when anything. */
  suggestedMinor: number;
  /** Taken at check-in or check-out: the visit it is for. */
  visitId?: string;
  /** The form's accessible name, e.g. "Take payment". */
  title: string;
  onTaken: (payment: PaymentView) => void;
  /** Check-out moves straight from "Issue" to the amount. */
  autoFocus?: boolean;
}

const FIELDS = ['amountMinor', 'methodId', 'reference', 'tenderedMinor'] as const;

/**
 * Takes one payment: method, amount as the clinic writes money, the cash tendered (change worked out
 * as typed) or the card terminal's reference. Main allocates it oldest invoice first; the rest is credit.
 */
export function PaymentForm({
  patientId,
  money,
  methods,
  suggestedMinor,
  visitId,
  title,
  onTaken,
  autoFocus = false,
}: PaymentFormProps) {
  const { t } = useTranslation('billing');
  const active = methods.filter((method) => method.active && method.kind !== 'insurance');
  const [methodId, setMethodId] = useState(active[0]?.id ?? '');
  const [amount, setAmount] = useState(suggestedMinor > 0 ? amountText(suggestedMinor, money) : '');
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<PaymentView | null>(null);
  const method = active.find((candidate) => candidate.id === methodId);
  const isCash = method?.kind === 'cash';

  const typedAmount = readAmount(amount, money);
  const typedTendered = readAmount(tendered, money, { optional: true });
  const change =
    isCash && typedAmount.minor !== undefined && typedTendered.minor !== undefined
      ? typedTendered.minor - typedAmount.minor
      : null;

  const input = (): Input<'payments.take'> => ({
    patientId,
    amountMinor: typedAmount.minor ?? 0,
    methodId,
    reference: isCash ? null : reference.trim() || null,
    ...(isCash && typedTendered.minor !== undefined && { tenderedMinor: typedTendered.minor }),
    ...(visitId && { visitId }),
    note: null,
  });

  /** What is wrong as typed: the amounts as the clinic writes money, then main's own rules for the draft. */
  function problems(): Record<string, string> {
    const typing: Record<string, string> = {};
    if (typedAmount.problem) typing.amountMinor = t('PaymentForm.amount', { problem: typedAmount.problem });
    if (isCash && typedTendered.problem)
      typing.tenderedMinor = t('PaymentForm.tendered', { problem: typedTendered.problem });
    else if (change !== null && change < 0) typing.tenderedMinor = t('PaymentForm.isLessThanTheAmount');
    return { ...draftProblems('payments.take', input()), ...typing };
  }

  const { errors, show, showProblems, clear } = useFormErrors(
    { methodId, amountMinor: amount, tenderedMinor: tendered, reference },
    problems,
  );

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, FIELDS);
    setBusy(true);
    const result = await call('payments.take', input());
    setBusy(false);
    if (!result.ok) return show(result.error, FIELDS);
    setTaken(result.value);
    onTaken(result.value);
  }

  async function receipt() {
    if (!taken) return;
    const result = await call('payments.receipt', { paymentId: taken.id });
    if (result.ok) savePdf(result.value);
    else show(result.error);
  }

  if (taken) {
    return (
      <section className="billing-paid" aria-label={title}>
        <p role="status" className="form-success">
          {t('PaymentForm.tookBy', {
            amountMinor: formatMoney(taken.amountMinor, money),
            methodName: taken.methodName,
            changeMinor: formatMoney(taken.changeMinor ?? 0, money),
            unallocatedMinor: formatMoney(taken.unallocatedMinor, money),
            context: variant(Boolean(taken.changeMinor) && 'change', taken.unallocatedMinor > 0 && 'credit'),
          })}
        </p>
        <FormMessage error={errors.form} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => void receipt()} autoFocus>
            {t('PaymentForm.saveReceiptPdf')}
          </button>
          <button
            type="button"
            onClick={() => {
              setTaken(null);
              setAmount('');
              setTendered('');
              setReference('');
            }}
          >
            {t('PaymentForm.takeAnotherPayment')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="billing-payment" aria-label={title} onSubmit={(event) => void submit(event)} noValidate>
      <div className="billing-fields">
        <SelectField
          label={t('PaymentForm.method')}
          value={methodId}
          options={active.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          onChange={(event) => setMethodId(event.target.value)}
          error={errors.fields.methodId}
        />
        <Field
          label={t('PaymentForm.amount2', { currency: money.currency })}
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errors.fields.amountMinor}
          autoFocus={autoFocus}
          hint={t('PaymentForm.asWrittenHereEG', { amountText: amountText(2000, money) })}
        />
        {isCash ? (
          <Field
            label={t('PaymentForm.cashTendered')}
            inputMode="decimal"
            value={tendered}
            onChange={(event) => setTendered(event.target.value)}
            error={errors.fields.tenderedMinor}
            hint={t('PaymentForm.whatThePatientHandsOver')}
          />
        ) : (
          <Field
            label={method?.kind === 'card' ? t('PaymentForm.terminalReference') : t('PaymentForm.reference')}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            error={errors.fields.reference}
            hint={
              method?.kind === 'card' ? t('PaymentForm.fromTheCardSlipNever') : t('PaymentForm.chequeOrTransferNumber')
            }
            maxLength={60}
          />
        )}
      </div>
      {change !== null && change > 0 && (
        <p className="billing-change" aria-live="polite">
          <Trans
            t={t}
            i18nKey="PaymentForm.changeToGive"
            values={{ change: formatMoney(change, money) }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {suggestedMinor > 0 && typedAmount.minor !== undefined && typedAmount.minor > suggestedMinor && (
        <p className="billing-change" aria-live="polite">
          {t('PaymentForm.overOwed', { extra: formatMoney(typedAmount.minor - suggestedMinor, money) })}
        </p>
      )}
      <FormMessage error={errors.form} />
      <button type="submit" className="primary" disabled={busy}>
        {title}
      </button>
    </form>
  );
}
