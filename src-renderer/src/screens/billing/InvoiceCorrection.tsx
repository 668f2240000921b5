import { useState, type SyntheticEvent } from 'react';
import type { InvoiceSummary } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../../../../src-shared/billing/reason-codes';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { amountText, readAmount } from './money-field';
import { useTranslation } from '../../i18n';
import { adjustmentReasonLabel } from '../../i18n/labels';

export type InvoiceFix = 'writeOff' | 'creditNote';

interface InvoiceCorrectionProps {
  invoice: InvoiceSummary;
  kind: InvoiceFix;
  money: MoneyFormat;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const isReason = (value: string): value is AdjustmentReason =>
  (ADJUSTMENT_REASONS as readonly string[]).includes(value);

/**
 * A manager's correction of an issued invoice: a write-off of what will not be collected (a reason
 * code), or a credit note taking the whole invoice back (a reason); the invoice itself never changes.
 */
export function InvoiceCorrection({ invoice, kind, money, onDone, onCancel }: InvoiceCorrectionProps) {
  const { t } = useTranslation('billing');
  const [amount, setAmount] = useState(amountText(invoice.patientOpenMinor, money));
  const [reasonCode, setReasonCode] = useState<AdjustmentReason>('small_balance');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const typed = readAmount(amount, money);
  const writeOff = (): Input<'accounts.adjust'> => ({
    invoiceId: invoice.id,
    amountMinor: typed.minor ?? 0,
    reasonCode,
    note: text.trim() || null,
  });
  /** What is wrong as typed: a write-off's amount as the clinic writes money, then main's rules for the draft. */
  const problems = (): Record<string, string> => {
    if (kind === 'creditNote') return draftProblems('invoices.creditNote', { invoiceId: invoice.id, reason: text });
    return {
      ...draftProblems('accounts.adjust', writeOff()),
      ...(typed.problem && { amountMinor: t('InvoiceCorrection.amount', { problem: typed.problem }) }),
    };
  };
  const { errors, show, showProblems, clear } = useFormErrors(
    { amountMinor: amount, reasonCode, note: text, reason: text },
    problems,
  );
  const title = kind === 'writeOff' ? t('InvoiceCorrection.writeOff') : t('InvoiceCorrection.issueCreditNote');

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['amountMinor', 'reasonCode', 'note', 'reason']);
    if (kind === 'creditNote') {
      setBusy(true);
      const result = await call('invoices.creditNote', { invoiceId: invoice.id, reason: text });
      setBusy(false);
      if (!result.ok) return show(result.error, ['reason']);
      return onDone(
        t('InvoiceCorrection.creditNoteIssuedFor', {
          creditNoteNumber: result.value.number ?? '',
          invoiceNumber: invoice.number ?? t('InvoiceCorrection.theInvoice'),
        }),
      );
    }
    setBusy(true);
    const result = await call('accounts.adjust', writeOff());
    setBusy(false);
    if (!result.ok) return show(result.error, ['amountMinor', 'reasonCode', 'note']);
    onDone(
      t('InvoiceCorrection.wroteOffOn', {
        typedMinor: formatMoney(typed.minor ?? 0, money),
        invoiceNumber: invoice.number ?? t('InvoiceCorrection.theInvoice'),
      }),
    );
  }

  return (
    <form aria-label={title} className="billing-correction" onSubmit={(event) => void submit(event)} noValidate>
      <div className="billing-fields">
        {kind === 'writeOff' && (
          <>
            <Field
              label={t('InvoiceCorrection.writeOffAmount', { currency: money.currency })}
              inputMode="decimal"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              error={errors.fields.amountMinor}
            />
            <SelectField
              label={t('InvoiceCorrection.reasonCode')}
              value={reasonCode}
              options={ADJUSTMENT_REASONS.map((value) => ({ value, label: adjustmentReasonLabel(value) }))}
              onChange={(event) => isReason(event.target.value) && setReasonCode(event.target.value)}
              error={errors.fields.reasonCode}
            />
          </>
        )}
        <Field
          label={kind === 'writeOff' ? t('InvoiceCorrection.note') : t('InvoiceCorrection.reason')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={kind === 'writeOff' ? errors.fields.note : errors.fields.reason}
          maxLength={kind === 'writeOff' ? 300 : 500}
          hint={
            kind === 'writeOff'
              ? t('InvoiceCorrection.neededWhenTheCodeIs')
              : t('InvoiceCorrection.requiredPrintedOnTheCredit')
          }
          autoFocus
        />
      </div>
      <FormMessage error={errors.form} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {title}
        </button>
        <button type="button" onClick={onCancel}>
          {t('InvoiceCorrection.cancel')}
        </button>
      </div>
    </form>
  );
}
