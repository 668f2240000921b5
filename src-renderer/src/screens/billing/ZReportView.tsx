import type { ZReport } from '../../../../src-shared/billing/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { MethodTotalsTable } from './MethodTotalsTable';
import { savePdf } from './pdf';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';

/** A closed drawer's Z-report: expected against counted, the over/short and its reason, takings by method. */
export function ZReportView({ report }: { report: ZReport }) {
  const { t } = useTranslation('billing');
  const showDate = useCalendarDate();
  const { drawer, money } = report;
  async function pdf() {
    const result = await call('drawers.zReportPdf', { drawerId: drawer.id });
    if (result.ok) savePdf(result.value);
  }
  const overShort = drawer.overShortMinor ?? 0;
  return (
    <section className="card billing-card wide-card" aria-labelledby="z-title">
      <h2 id="z-title">
        {t('ZReportView.zReport', { deskName: drawer.deskName, businessDate: showDate(drawer.businessDate) })}
      </h2>
      <dl className="invoice-totals" aria-label={t('ZReportView.drawerCount')}>
        <div>
          <dt>{t('ZReportView.float')}</dt>
          <dd>{formatMoney(drawer.floatMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('ZReportView.expectedCash')}</dt>
          <dd>{formatMoney(drawer.expectedCashMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('ZReportView.countedCash')}</dt>
          <dd>{formatMoney(drawer.countedCashMinor ?? 0, money)}</dd>
        </div>
        <div>
          <dt>
            {overShort < 0
              ? t('ZReportView.short')
              : overShort > 0
                ? t('ZReportView.over')
                : t('ZReportView.overShort')}
          </dt>
          {/* The label says which way: "Short $5.00", not "Short -$5.00". */}
          <dd>{formatMoney(Math.abs(overShort), money)}</dd>
        </div>
      </dl>
      {drawer.overShortReason && <p>{t('ZReportView.reason', { overShortReason: drawer.overShortReason })}</p>}
      <MethodTotalsTable rows={drawer.byMethod} money={money} label={t('ZReportView.takingsByMethod')} />
      <p className="muted">
        {t('ZReportView.openedByClosedByEntries', {
          openedBy: drawer.openedBy ?? '—',
          closedBy: drawer.closedBy ?? '—',
          rowsLength: report.rows.length,
        })}
      </p>
      <button type="button" onClick={() => void pdf()}>
        {t('ZReportView.saveZReportPdf')}
      </button>
    </section>
  );
}
