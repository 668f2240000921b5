import { formatMoney } from '../../../../src-shared/billing/money';
import {
  DAY_SHEET_DEFINITIONS,
  DAY_SHEET_PROVIDER,
  type DaySheet as Sheet,
} from '../../../../src-shared/reports/day-sheet';
import { APPOINTMENT_STATUSES } from '../../../../src-shared/scheduling/status';
import { localTimeOf } from '../../../../src-shared/scheduling/time';
import { DateField } from '../../components/DateField';
import { useTranslation } from '../../i18n';
import { appointmentStatusTitle } from '../../i18n/labels';

/**
 * The whole clinic's day on one sheet (`reports.daySheet`): appointments by provider and status, visits,
 * invoices, every payment, refund and reversal with totals by method, and the drawers' close. Whether the
 * day is closed is said in words, not by a colour. The page's provider filter narrows its appointments,
 * visits and invoices (the money stays the clinic's, and the sheet says so).
 */
export function DaySheet({
  sheet,
  day,
  zone,
  error,
  onDay,
  onExport,
  onPdf,
}: {
  sheet: Sheet | null;
  day: string;
  zone: string;
  error: string | undefined;
  onDay: (day: string) => void;
  onExport: () => void;
  onPdf: () => void;
}) {
  const { t } = useTranslation('reports');
  const money = (minor: number | null) => (minor === null || sheet === null ? '—' : formatMoney(minor, sheet.money));
  const time = (at: number | null) => (at === null ? '—' : localTimeOf(zone, at));
  return (
    <section aria-labelledby="day-sheet-title" className="card report-card">
      <h2 id="day-sheet-title">{t('DaySheet.daySheet')}</h2>
      <div className="report-range">
        <DateField label={t('DaySheet.day')} value={day} onChange={onDay} error={error} />
      </div>
      {sheet && (
        <>
          <p className="hint" role="status">
            {sheet.closed ? t('DaySheet.closed') : t('DaySheet.notClosed')}
          </p>
          {sheet.providerName !== null && (
            <p className="hint">{t('DaySheet.forProvider', { provider: sheet.providerName })}</p>
          )}
          <table className="ledger">
            <caption>
              {sheet.providerName === null
                ? t('DaySheet.theDay')
                : t('DaySheet.theDayFor', { provider: sheet.providerName })}
            </caption>
            <tbody>
              <tr>
                <th scope="row">{t('DaySheet.appointments')}</th>
                <td className="num">{sheet.appointments.total}</td>
              </tr>
              <tr>
                <th scope="row">{t('DaySheet.checkedInOut')}</th>
                <td className="num">
                  {sheet.visits.checkedIn} / {sheet.visits.checkedOut}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('DaySheet.invoicesIssued', { n: sheet.invoices.issued })}</th>
                <td className="num">{money(sheet.invoices.issuedMinor)}</td>
              </tr>
              <tr>
                <th scope="row">{t('DaySheet.creditNotes', { n: sheet.invoices.creditNotes })}</th>
                <td className="num">{money(sheet.invoices.creditedMinor)}</td>
              </tr>
              <tr>
                <th scope="row">{t('DaySheet.net')}</th>
                <td className="num">{money(sheet.netMinor)}</td>
              </tr>
            </tbody>
          </table>
          <table className="ledger">
            <caption>{t('DaySheet.appointmentsByProvider')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('DaySheet.provider')}</th>
                <th scope="col" className="num">
                  {t('DaySheet.all')}
                </th>
                {APPOINTMENT_STATUSES.map((status) => (
                  <th key={status} scope="col" className="num">
                    {appointmentStatusTitle(status)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.appointments.byProvider.map((p) => (
                <tr key={p.providerId}>
                  <th scope="row">{p.providerName}</th>
                  <td className="num">{p.total}</td>
                  {APPOINTMENT_STATUSES.map((status) => (
                    <td key={status} className="num">
                      {p.byStatus[status]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <table className="ledger">
            <caption>{t('DaySheet.byMethod')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('DaySheet.method')}</th>
                <th scope="col" className="num">
                  {t('DaySheet.payments')}
                </th>
                <th scope="col" className="num">
                  {t('DaySheet.refunds')}
                </th>
                <th scope="col" className="num">
                  {t('DaySheet.reversals')}
                </th>
                <th scope="col" className="num">
                  {t('DaySheet.netColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sheet.byMethod.map((m) => (
                <tr key={`${m.methodKind}|${m.methodName}`}>
                  <th scope="row">{t('DaySheet.methodCount', { method: m.methodName, n: m.count })}</th>
                  <td className="num">{money(m.paymentsMinor)}</td>
                  <td className="num">{money(m.refundsMinor)}</td>
                  <td className="num">{money(m.reversalsMinor)}</td>
                  <td className="num">{money(m.netMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="ledger">
            <caption>{t('DaySheet.moneyTaken', { n: sheet.payments.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('DaySheet.time')}</th>
                <th scope="col">{t('DaySheet.kind')}</th>
                <th scope="col">{t('DaySheet.patient')}</th>
                <th scope="col">{t('DaySheet.method')}</th>
                <th scope="col" className="num">
                  {t('DaySheet.amount')}
                </th>
                <th scope="col">{t('DaySheet.desk')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.payments.map((row) => (
                <tr key={row.id}>
                  <td>{time(row.enteredAt)}</td>
                  <td>{t(`DaySheet.entry.${row.kind}`)}</td>
                  <th scope="row">{row.patientName}</th>
                  <td>{row.methodName ?? '—'}</td>
                  <td className="num">{money(row.amountMinor)}</td>
                  <td>{row.deskName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="ledger">
            <caption>{t('DaySheet.drawers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('DaySheet.desk')}</th>
                <th scope="col" className="num">
                  {t('DaySheet.float')}
                </th>
                <th scope="col">{t('DaySheet.closedAt')}</th>
                <th scope="col" className="num">
                  {t('DaySheet.expected')}
                </th>
                <th scope="col" className="num">
                  {t('DaySheet.counted')}
                </th>
                <th scope="col" className="num">
                  {t('DaySheet.overShort')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sheet.drawers.map((d, index) => (
                <tr key={index}>
                  <th scope="row">{d.deskName}</th>
                  <td className="num">{money(d.floatMinor)}</td>
                  <td>{d.closedAt === null ? t('DaySheet.open') : `${time(d.closedAt)} ${d.closedBy ?? ''}`}</td>
                  <td className="num">{money(d.expectedCashMinor)}</td>
                  <td className="num">{money(d.countedCashMinor)}</td>
                  <td className="num">
                    {money(d.overShortMinor)}
                    {d.overShortReason ? ` (${d.overShortReason})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {[...Object.values(DAY_SHEET_DEFINITIONS), ...(sheet.providerId === null ? [] : [DAY_SHEET_PROVIDER])].map(
            (text) => (
              <p key={text} className="hint">
                {text}
              </p>
            ),
          )}
          <div className="actions">
            <button type="button" onClick={onExport}>
              {t('DaySheet.exportCsv')}
            </button>
            <button type="button" onClick={onPdf}>
              {t('DaySheet.exportPdf')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
