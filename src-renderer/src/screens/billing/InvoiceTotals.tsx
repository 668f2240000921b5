import type { InvoiceView } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { useTranslation } from '../../i18n';

/** Subtotal, tax, total, the insurer's part and the patient's, as main worked them out. */
export function InvoiceTotals({ invoice, money }: { invoice: InvoiceView; money: MoneyFormat }) {
  const { t } = useTranslation('billing');
  const rows: [string, number][] = [
    [t('InvoiceTotals.subtotal'), invoice.subtotalMinor],
    [t('InvoiceTotals.tax'), invoice.taxMinor],
    [t('InvoiceTotals.total'), invoice.totalMinor],
  ];
  if (invoice.insurerMinor > 0)
    rows.push(
      [t('InvoiceTotals.insurerPays'), invoice.insurerMinor],
      [t('InvoiceTotals.patientPays'), invoice.patientMinor],
    );
  const named = invoice.copayMinor + invoice.deductibleMinor + invoice.coinsuranceMinor;
  if (named > 0) {
    // The patient's part named, so the desk can say what the patient pays and why.
    if (invoice.copayMinor > 0) rows.push([t('InvoiceTotals.ofWhichCopay'), invoice.copayMinor]);
    if (invoice.deductibleMinor > 0) rows.push([t('InvoiceTotals.ofWhichDeductible'), invoice.deductibleMinor]);
    if (invoice.coinsuranceMinor > 0) rows.push([t('InvoiceTotals.ofWhichCoinsurance'), invoice.coinsuranceMinor]);
    if (invoice.patientMinor > named) rows.push([t('InvoiceTotals.ofWhichNotCovered'), invoice.patientMinor - named]);
  }
  if (invoice.status === 'issued') rows.push([t('InvoiceTotals.patientStillOwes'), invoice.patientOpenMinor]);
  return (
    <dl className="invoice-totals" aria-label={t('InvoiceTotals.invoiceTotals')}>
      {rows.map(([label, minor]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatMoney(minor, money)}</dd>
        </div>
      ))}
    </dl>
  );
}
