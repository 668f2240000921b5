import { useState } from 'react';
import type { CheckOutView, InvoiceView } from '../../../../src-shared/billing/model';
import { call } from '../../api';
import { useTranslation } from '../../i18n';

/** Who pays a draft: self-pay or one of the patient's policies; main prices the service lines again from that payer's schedule. */
export function PayerPicker({ view, onChanged }: { view: CheckOutView; onChanged: (invoice: InvoiceView) => void }) {
  const { t } = useTranslation('billing');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (view.policies.length === 0) return null;

  async function choose(policyId: string) {
    setError(null);
    setBusy(true);
    const result = await call('invoices.setPayer', { invoiceId: view.invoice.id, policyId: policyId || null });
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else setError(result.error.message);
  }

  return (
    <div className="field payer-picker">
      <label htmlFor="invoice-payer">{t('PayerPicker.whoPays')}</label>
      <select
        id="invoice-payer"
        value={view.invoice.policyId ?? ''}
        disabled={busy}
        onChange={(event) => void choose(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'invoice-payer-error' : undefined}
      >
        <option value="">{t('PayerPicker.selfPay')}</option>
        {view.policies.map((policy) => (
          <option key={policy.id} value={policy.id}>
            {t('PayerPicker.member', { payer: policy.payer, priority: policy.priority, memberId: policy.memberId })}
          </option>
        ))}
      </select>
      {error && (
        <small id="invoice-payer-error" className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
