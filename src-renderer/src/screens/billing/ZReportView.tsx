import type { ZReport } from '../../../../src-shared/billing/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { MethodTotalsTable } from './MethodTotalsTable';
import { savePdf } from './pdf';
import { useCalendarDate } from '../../format/calendar-date';

/** A closed drawer's Z-report: expected against counted, the over/short and its reason, takings by method. */
export function ZReportView({ report }: { report: ZReport }) {
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
        Z-report · {drawer.deskName} · {showDate(drawer.businessDate)}
      </h2>
      <dl className="invoice-totals" aria-label="Drawer count">
        <div>
          <dt>Float</dt>
          <dd>{formatMoney(drawer.floatMinor, money)}</dd>
        </div>
        <div>
          <dt>Expected cash</dt>
          <dd>{formatMoney(drawer.expectedCashMinor, money)}</dd>
        </div>
        <div>
          <dt>Counted cash</dt>
          <dd>{formatMoney(drawer.countedCashMinor ?? 0, money)}</dd>
        </div>
        <div>
          <dt>{overShort < 0 ? 'Short' : overShort > 0 ? 'Over' : 'Over/short'}</dt>
          <dd>{formatMoney(overShort, money)}</dd>
        </div>
      </dl>
      {drawer.overShortReason && <p>Reason: {drawer.overShortReason}</p>}
      <MethodTotalsTable rows={drawer.byMethod} money={money} label="Takings by method" />
      <p className="muted">
        Opened by {drawer.openedBy ?? '—'} · closed by {drawer.closedBy ?? '—'} · {report.rows.length} entries
      </p>
      <button type="button" onClick={() => void pdf()}>
        Save Z-report (PDF)
      </button>
    </section>
  );
}
