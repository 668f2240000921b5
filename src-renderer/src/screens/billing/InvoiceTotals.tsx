import type { InvoiceView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';

/** Subtotal, tax, total, the insurer's part and the patient's, as main worked them out. */
export function InvoiceTotals({ invoice, money }: { invoice: InvoiceView; money: MoneyFormat }) {
  const rows: [string, number][] = [
    ['Subtotal', invoice.subtotalMinor],
    ['Tax', invoice.taxMinor],
    ['Total', invoice.totalMinor],
  ];
  if (invoice.insurerMinor > 0)
    rows.push(['Insurer pays', invoice.insurerMinor], ['Patient pays', invoice.patientMinor]);
  if (invoice.status === 'issued') rows.push(['Patient still owes', invoice.patientOpenMinor]);
  return (
    <dl className="invoice-totals" aria-label="Invoice totals">
      {rows.map(([label, minor]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatMoney(minor, money)}</dd>
        </div>
      ))}
    </dl>
  );
}
