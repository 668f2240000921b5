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

/** An issued invoice as it will always read: its lines, totals, what paid it, and its PDF. */
export function IssuedInvoice({ invoice, money }: { invoice: InvoiceView; money: MoneyFormat }) {
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
      <table className="invoice-lines" aria-label={`Invoice ${invoice.number ?? ''} lines`}>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Discount
            </th>
            <th scope="col">Tax</th>
            <th scope="col" className="num">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.code ? `${line.code} · ` : ''}
                {line.description}
                {line.discountReason && <span className="sub">Discount: {line.discountReason}</span>}
              </td>
              <td className="num">{line.quantity}</td>
              <td className="num">{formatMoney(line.unitPriceMinor, money)}</td>
              <td className="num">{line.discountMinor > 0 ? formatMoney(line.discountMinor, money) : '—'}</td>
              <td>{line.taxName ?? 'No tax'}</td>
              <td className="num">{formatMoney(line.totalMinor, money)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <InvoiceTotals invoice={invoice} money={money} />
      {invoice.allocations.length > 0 && (
        <ul className="invoice-paid" aria-label="Paid towards this invoice">
          {invoice.allocations.map((allocation) => (
            <li key={`${allocation.paymentId}-${allocation.at}`}>
              {formatMoney(allocation.amountMinor, money)} by {allocation.methodName}
            </li>
          ))}
        </ul>
      )}
      <FormMessage error={error} />
      <div className="actions">
        <button type="button" onClick={() => void pdf()}>
          Save invoice (PDF)
        </button>
        {canClaim && invoice.insurerMinor > 0 && (
          <button type="button" onClick={() => void claim()}>
            Create claim to {invoice.payer ?? 'the insurer'}
          </button>
        )}
      </div>
    </div>
  );
}
