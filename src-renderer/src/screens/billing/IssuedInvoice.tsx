import type { InvoiceView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { InvoiceTotals } from './InvoiceTotals';
import { savePdf } from './pdf';

/** An issued invoice as it will always read: its lines, totals, what paid it, and its PDF. */
export function IssuedInvoice({ invoice, money }: { invoice: InvoiceView; money: MoneyFormat }) {
  async function pdf() {
    const result = await call('invoices.pdf', { invoiceId: invoice.id });
    if (result.ok) savePdf(result.value);
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
      <button type="button" onClick={() => void pdf()}>
        Save invoice (PDF)
      </button>
    </div>
  );
}
