import { formatMoney } from '../../../../src-shared/billing/money';
import {
  DEFINITIONS,
  narrowedByLocationOrType,
  SELF_PAY,
  type RevenueReport as Report,
} from '../../../../src-shared/reports/model';
import { SelectField } from '../../components/SelectField';
import { RevenueChart } from './ReportCharts';
import { useTranslation } from '../../i18n';

/**
 * Invoiced (accrual) and collected (cash), with write-offs and refunds, for all payers or one: self-pay
 * or an insurer the clinic has invoiced. The payer is kept in the address with the other filters.
 */
export function RevenueReport({
  report,
  payer,
  onPayer,
  onExport,
  onPdf,
}: {
  report: Report;
  payer: string | null;
  onPayer: (payer: string | null) => void;
  onExport: () => void;
  onPdf: () => void;
}) {
  const { t } = useTranslation('reports');
  const rows = [
    [t('ReportsScreen.invoicedAccrualNetOfCredit'), report.totals.netInvoicedMinor],
    [t('ReportsScreen.collectedCash'), report.totals.collectedMinor],
    [t('ReportsScreen.refunds'), report.totals.refundsMinor],
    [t('ReportsScreen.writeOffs'), report.totals.writeOffsMinor],
  ] as const;
  const payers =
    payer === null || payer === SELF_PAY || report.payers.includes(payer) ? report.payers : [...report.payers, payer];
  return (
    <section aria-labelledby="revenue-title" className="card report-card">
      <h2 id="revenue-title">{t('ReportsScreen.revenue')}</h2>
      <div className="report-range">
        <SelectField
          label={t('RevenueReport.payer')}
          value={payer ?? ''}
          options={[
            { value: '', label: t('RevenueReport.allPayers') },
            { value: SELF_PAY, label: t('RevenueReport.selfPay') },
            ...payers.map((name) => ({ value: name, label: name })),
          ]}
          onChange={(event) => onPayer(event.target.value === '' ? null : event.target.value)}
        />
      </div>
      <table className="ledger">
        <caption>
          {payer === null
            ? t('ReportsScreen.invoicedAndCollected')
            : t('RevenueReport.forPayer', { payer: payer === SELF_PAY ? t('RevenueReport.selfPay') : payer })}
        </caption>
        <tbody>
          {rows.map(([label, minor]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{formatMoney(minor, report.money)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <RevenueChart report={report} />
      <p className="hint">{DEFINITIONS.accrual}</p>
      <p className="hint">{DEFINITIONS.cash}</p>
      <p className="hint">{DEFINITIONS.writeOffs}</p>
      {payer !== null && <p className="hint">{DEFINITIONS.payer}</p>}
      {narrowedByLocationOrType(report.filters) && <p className="hint">{DEFINITIONS.revenueNarrowed}</p>}
      <div className="actions">
        <button type="button" onClick={onExport}>
          {t('ReportsScreen.exportRevenueCsv')}
        </button>
        <button type="button" onClick={onPdf}>
          {t('ReportsScreen.exportRevenuePdf')}
        </button>
      </div>
    </section>
  );
}
