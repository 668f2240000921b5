import type { InvoiceView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { useState } from 'react';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { navigate } from '../../hooks/navigation';
import { useSession } from '../../stores/session';
import { InvoiceTotals } from './InvoiceTotals';
import { savePdf } from './pdf';
import { billingHref } from './route';
import { useTranslation } from '../../i18n';

/** An issued invoice as it will always read: its lines, totals, what paid it, and its PDF. */
export function IssuedInvoice({ invoice, money }: { invoice: InvoiceView; money: MoneyFormat }) {
  const { t } = useTranslation('billing');
  const canClaim = useSession((state) => state.can('billing:claims'));
  const [error, setError] = useState<string | null>(null);
  async function pdf() {
    const result = await call('invoices.pdf', { invoiceId: invoice.id });
    if (result.ok) savePdf(result.value);
    else setError(result.error.message);
  }
  async function claim() {
    setError(null);
    const result = await call('claims.create', { invoiceId: invoice.id });
    if (result.ok) navigate(billingHref.claim(result.value.id));
    else setError(result.error.message);
  }
  return (
    <div className="issued-invoice">
      <table
        className="invoice-lines"
        aria-label={t('IssuedInvoice.invoiceLines', { invoiceNumber: invoice.number ?? '' })}
      >
        <thead>
          <tr>
            <th scope="col">{t('IssuedInvoice.service')}</th>
            <th scope="col" className="num">
              {t('IssuedInvoice.qty')}
            </th>
            <th scope="col" className="num">
              {t('IssuedInvoice.price')}
            </th>
            <th scope="col" className="num">
              {t('IssuedInvoice.discount')}
            </th>
            <th scope="col">{t('IssuedInvoice.tax')}</th>
            <th scope="col" className="num">
              {t('IssuedInvoice.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.code ? `${line.code} · ` : ''}
                {line.description}
                {line.discountReason && (
                  <span className="sub">{t('IssuedInvoice.discount2', { discountReason: line.discountReason })}</span>
                )}
              </td>
              <td className="num">{line.quantity}</td>
              <td className="num">{formatMoney(line.unitPriceMinor, money)}</td>
              <td className="num">{line.discountMinor > 0 ? formatMoney(line.discountMinor, money) : '—'}</td>
              <td>{line.taxName ?? t('IssuedInvoice.noTax')}</td>
              <td className="num">{formatMoney(line.totalMinor, money)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <InvoiceTotals invoice={invoice} money={money} />
      {invoice.allocations.length > 0 && (
        <ul className="invoice-paid" aria-label={t('IssuedInvoice.paidTowardsThisInvoice')}>
          {invoice.allocations.map((allocation) => (
            <li key={`${allocation.paymentId}-${allocation.at}`}>
              {t('IssuedInvoice.by', {
                amountMinor: formatMoney(allocation.amountMinor, money),
                methodName: allocation.methodName,
              })}
            </li>
          ))}
        </ul>
      )}
      <FormMessage error={error} />
      <div className="actions">
        <button type="button" onClick={() => void pdf()}>
          {t('IssuedInvoice.saveInvoicePdf')}
        </button>
        {canClaim && invoice.insurerMinor > 0 && (
          <button type="button" onClick={() => void claim()}>
            {t('IssuedInvoice.createClaimTo', { payer: invoice.payer ?? t('IssuedInvoice.theInsurer') })}
          </button>
        )}
      </div>
    </div>
  );
}
