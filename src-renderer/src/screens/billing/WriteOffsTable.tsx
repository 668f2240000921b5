import { useState, type SyntheticEvent } from 'react';
import type { AccountView } from '../../../../src-shared/billing/model';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../../../../src-shared/billing/reason-codes';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';
import { adjustmentReasonLabel } from '../../i18n/labels';

const isReason = (code: string): code is AdjustmentReason => (ADJUSTMENT_REASONS as readonly string[]).includes(code);
const reasonLabel = (code: string) => (isReason(code) ? adjustmentReasonLabel(code) : code);

/** The account's write-offs; a manager reverses one with a reason (a new entry: the write-off stays on record). */
export function WriteOffsTable({ view, onChanged }: { view: AccountView; onChanged: (message: string) => void }) {
  const { t } = useTranslation('billing');
  const canAdjust = useSession((state) => state.can('billing:adjust'));
  const [reversing, setReversing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const problems = () =>
    reversing === null ? {} : draftProblems('accounts.reverseAdjustment', { adjustmentId: reversing, reason });
  const { errors, show, showProblems, clear } = useFormErrors({ reason }, problems);
  if (view.adjustments.length === 0) return null;
  const invoiceNumber = (id: string) =>
    view.invoices.find((invoice) => invoice.id === id)?.number ?? t('WriteOffsTable.anInvoice');

  async function reverse(event: SyntheticEvent, adjustmentId: string) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['reason']);
    const result = await call('accounts.reverseAdjustment', { adjustmentId, reason });
    if (!result.ok) return show(result.error, ['reason']);
    setReversing(null);
    setReason('');
    onChanged(t('WriteOffsTable.writeOffReversed'));
  }

  return (
    <>
      <h2>{t('WriteOffsTable.writeOffs')}</h2>
      <table className="ledger" aria-label={t('WriteOffsTable.writeOffs')}>
        <thead>
          <tr>
            <th scope="col">{t('WriteOffsTable.countsFor')}</th>
            <th scope="col">{t('WriteOffsTable.invoice')}</th>
            <th scope="col">{t('WriteOffsTable.reason')}</th>
            <th scope="col" className="num">
              {t('WriteOffsTable.amount')}
            </th>
            <th scope="col">{t('WriteOffsTable.state')}</th>
            {canAdjust && <th scope="col">{t('WriteOffsTable.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {view.adjustments.map((adjustment) => [
            <tr key={adjustment.id}>
              <td>{adjustment.countsFor}</td>
              <td>{invoiceNumber(adjustment.invoiceId)}</td>
              <td>
                {reasonLabel(adjustment.reasonCode)}
                {adjustment.note && <span className="sub">{adjustment.note}</span>}
              </td>
              <td className="num">{formatMoney(adjustment.amountMinor, view.money)}</td>
              <td>{adjustment.reversed ? t('WriteOffsTable.reversed') : t('WriteOffsTable.writtenOff')}</td>
              {canAdjust && (
                <td>
                  {!adjustment.reversed && (
                    <button type="button" onClick={() => setReversing(adjustment.id)}>
                      {t('WriteOffsTable.reverseWriteOff')}
                    </button>
                  )}
                </td>
              )}
            </tr>,
            reversing === adjustment.id && (
              <tr key={`${adjustment.id}-reverse`} className="subrow">
                <td colSpan={6}>
                  <form
                    aria-label={t('WriteOffsTable.reverseWriteOff')}
                    onSubmit={(event) => void reverse(event, adjustment.id)}
                    noValidate
                  >
                    <Field
                      label={t('WriteOffsTable.reason')}
                      value={reason}
                      onChange={(event) => setReason(event.target.value)}
                      error={errors.fields.reason}
                      maxLength={500}
                      autoFocus
                    />
                    <FormMessage error={errors.form} />
                    <div className="actions">
                      <button type="submit" className="primary">
                        {t('WriteOffsTable.reverseWriteOff')}
                      </button>
                      <button type="button" onClick={() => setReversing(null)}>
                        {t('WriteOffsTable.cancel')}
                      </button>
                    </div>
                  </form>
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </>
  );
}
