import { AGEING_BUCKETS, type AgeingAmounts } from '../../../../src-shared/billing/ageing';
import { formatMoney } from '../../../../src-shared/billing/money';
import { SELF_PAY } from '../../../../src-shared/reports/model';
import {
  RECEIVABLES_DEFINITIONS,
  type AgeingReport as Ageing,
  type ClaimsReport as Claims,
} from '../../../../src-shared/reports/receivables';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';
import { claimStatusLabel } from '../../i18n/labels';

/** The age buckets' column heads, in days since issue (or submission): the captions say days. */
function BucketHeads() {
  const { t } = useTranslation('reports');
  return (
    <>
      {AGEING_BUCKETS.map((bucket) => (
        <th key={bucket} scope="col" className="num">
          {t(`Receivables.bucket.${bucket}`)}
        </th>
      ))}
    </>
  );
}

/**
 * A/R ageing as of today (billing's own figures): what insurers are still expected to pay by payer, and
 * what patients owe, the largest balances first, each a link to the patient.
 */
export function AgeingReport({ report, onExport, onPdf }: { report: Ageing; onExport: () => void; onPdf: () => void }) {
  const { t } = useTranslation('reports');
  const showDate = useCalendarDate();
  const { ageing } = report;
  const money = (minor: number) => formatMoney(minor, ageing.money);
  const cells = (amounts: AgeingAmounts, total: number) => (
    <>
      {AGEING_BUCKETS.map((bucket) => (
        <td key={bucket} className="num">
          {money(amounts[bucket])}
        </td>
      ))}
      <td className="num">{money(total)}</td>
    </>
  );
  return (
    <section aria-labelledby="ageing-title" className="card report-card">
      <h2 id="ageing-title">{t('Receivables.ageing')}</h2>
      <p className="hint">{t('Receivables.asOf', { date: showDate(ageing.asOf) })}</p>
      <table className="ledger">
        <caption>{t('Receivables.byPayer')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Receivables.payer')}</th>
            <BucketHeads />
            <th scope="col" className="num">
              {t('Receivables.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('Receivables.allPayers')}</th>
            {cells(ageing.byPayer.totals, ageing.byPayer.totalMinor)}
          </tr>
          {ageing.byPayer.rows.map((row) => (
            <tr key={row.payer}>
              <th scope="row">{row.payer}</th>
              {cells(row.buckets, row.totalMinor)}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="ledger">
        <caption>
          {ageing.byPatient.patientCount === 0
            ? t('Receivables.byPatientNone')
            : t('Receivables.byPatient', { shown: ageing.byPatient.rows.length, n: ageing.byPatient.patientCount })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('Receivables.patient')}</th>
            <BucketHeads />
            <th scope="col" className="num">
              {t('Receivables.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('Receivables.allPatients')}</th>
            {cells(ageing.byPatient.totals, ageing.byPatient.totalMinor)}
          </tr>
          {ageing.byPatient.rows.map((row) => (
            <tr key={row.patientId}>
              <th scope="row">
                <a href={`#/patients/${row.patientId}`}>{row.name}</a> {t('Receivables.mrn', { mrn: row.mrn })}
              </th>
              {cells(row.buckets, row.totalMinor)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{RECEIVABLES_DEFINITIONS.ageing}</p>
      <p className="hint">{RECEIVABLES_DEFINITIONS.ageingFilters}</p>
      <div className="actions">
        <button type="button" onClick={onExport}>
          {t('Receivables.exportAgeingCsv')}
        </button>
        <button type="button" onClick={onPdf}>
          {t('Receivables.exportAgeingPdf')}
        </button>
      </div>
    </section>
  );
}

/**
 * Claims as of today by status and age: how many in each age bucket, what they billed and what is still
 * outstanding; one payer's with the payer filter (the revenue report's, kept in the address).
 */
export function ClaimsReport({
  report,
  payer,
  onPayer,
  onExport,
  onPdf,
}: {
  report: Claims;
  payer: string | null;
  onPayer: (payer: string | null) => void;
  onExport: () => void;
  onPdf: () => void;
}) {
  const { t } = useTranslation('reports');
  const showDate = useCalendarDate();
  const money = (minor: number) => formatMoney(minor, report.money);
  const payers =
    payer === null || payer === SELF_PAY || report.payers.includes(payer) ? report.payers : [...report.payers, payer];
  const rows = [{ key: 'all', name: t('Receivables.allStatuses'), figures: report.totals }].concat(
    report.byStatus.map((row) => ({ key: row.status, name: claimStatusLabel(row.status), figures: row })),
  );
  return (
    <section aria-labelledby="claims-title" className="card report-card">
      <h2 id="claims-title">{t('Receivables.claims')}</h2>
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
      <p className="hint">{t('Receivables.asOfShared', { date: showDate(report.today) })}</p>
      <table className="ledger">
        <caption>
          {payer === null
            ? t('Receivables.claimsByStatus')
            : t('Receivables.claimsForPayer', { payer: payer === SELF_PAY ? t('RevenueReport.selfPay') : payer })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('Receivables.status')}</th>
            <th scope="col" className="num">
              {t('Receivables.claimCount')}
            </th>
            <BucketHeads />
            <th scope="col" className="num">
              {t('Receivables.billed')}
            </th>
            <th scope="col" className="num">
              {t('Receivables.outstanding')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, figures }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              <td className="num">{figures.claims}</td>
              {AGEING_BUCKETS.map((bucket) => (
                <td key={bucket} className="num">
                  {figures.byAge[bucket].claims}
                </td>
              ))}
              <td className="num">{money(figures.billedMinor)}</td>
              <td className="num">{money(figures.outstandingMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{RECEIVABLES_DEFINITIONS.claims}</p>
      <p className="hint">{RECEIVABLES_DEFINITIONS.claimAmounts}</p>
      {payer !== null && <p className="hint">{RECEIVABLES_DEFINITIONS.claimsPayer}</p>}
      <div className="actions">
        <button type="button" onClick={onExport}>
          {t('Receivables.exportClaimsCsv')}
        </button>
        <button type="button" onClick={onPdf}>
          {t('Receivables.exportClaimsPdf')}
        </button>
      </div>
    </section>
  );
}
