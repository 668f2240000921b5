import { formatMoney } from '../../../../src-shared/billing/money';
import { DEFINITIONS, type StockReport as Report } from '../../../../src-shared/reports/model';
import { SelectField } from '../../components/SelectField';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';
import { MOVEMENT_LABELS } from '../stock/movement-labels';
import { EXPIRING_DAYS } from './filters';

/**
 * The stock room for managers: valuation, lots expiring within the days chosen (the address keeps them),
 * items below their reorder level, and what moved in the range by kind.
 */
export function StockReport({
  report,
  onDays,
  onExport,
}: {
  report: Report;
  onDays: (days: number) => void;
  onExport: () => void;
}) {
  const { t } = useTranslation('reports');
  const showDate = useCalendarDate();
  const money = (minor: number) => formatMoney(minor, report.money);
  return (
    <section aria-labelledby="stock-title" className="card report-card">
      <h2 id="stock-title">{t('StockReport.stock')}</h2>
      <table className="ledger">
        <caption>{t('StockReport.valuation', { total: money(report.valuation.totalMinor) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('StockReport.item')}</th>
            <th scope="col" className="num">
              {t('StockReport.onHand')}
            </th>
            <th scope="col" className="num">
              {t('StockReport.unitCost')}
            </th>
            <th scope="col" className="num">
              {t('StockReport.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.valuation.items.map((item) => (
            <tr key={item.itemId}>
              <th scope="row">{t('StockReport.itemName', { code: item.code, name: item.name })}</th>
              <td className="num">{item.onHand}</td>
              <td className="num">{money(item.unitCostMinor)}</td>
              <td className="num">{money(item.valueMinor)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('StockReport.total')}</th>
            <td colSpan={2} />
            <td className="num">{money(report.valuation.totalMinor)}</td>
          </tr>
        </tbody>
      </table>
      {report.valuation.itemCount > report.valuation.items.length && (
        <p>
          {t('StockReport.valuationFirst', { n: report.valuation.items.length, count: report.valuation.itemCount })}
        </p>
      )}
      <p className="hint">{DEFINITIONS.stockValuation}</p>
      <div className="report-range">
        <SelectField
          label={t('StockReport.expiringWithin')}
          value={String(report.expiringDays)}
          options={[...EXPIRING_DAYS]
            .sort((a, b) => a - b)
            .map((days) => ({ value: String(days), label: t('StockReport.days', { days }) }))}
          onChange={(event) => onDays(Number(event.target.value))}
        />
      </div>
      <table className="ledger">
        <caption>
          {report.moreExpiring
            ? t('StockReport.expiringFirst', { n: report.expiring.length, days: report.expiringDays })
            : t('StockReport.expiring', { n: report.expiring.length, days: report.expiringDays })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('StockReport.item')}</th>
            <th scope="col">{t('StockReport.lot')}</th>
            <th scope="col">{t('StockReport.expiry')}</th>
            <th scope="col">{t('StockReport.place')}</th>
            <th scope="col" className="num">
              {t('StockReport.quantity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.expiring.length === 0 && (
            <tr>
              <td colSpan={5}>{t('StockReport.noneExpiring')}</td>
            </tr>
          )}
          {report.expiring.map((lot) => (
            <tr key={`${lot.itemId}-${lot.lotNumber}-${lot.stockLocationName}`}>
              <th scope="row">{lot.itemName}</th>
              <td>{lot.lotNumber}</td>
              <td>
                {lot.expired ? t('StockReport.expired', { date: showDate(lot.expiryOn) }) : showDate(lot.expiryOn)}
              </td>
              <td>{lot.stockLocationName}</td>
              <td className="num">{lot.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{DEFINITIONS.stockExpiring}</p>
      <table className="ledger">
        <caption>{t('StockReport.belowReorder', { n: report.belowReorder.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('StockReport.item')}</th>
            <th scope="col" className="num">
              {t('StockReport.onHand')}
            </th>
            <th scope="col" className="num">
              {t('StockReport.reorderLevel')}
            </th>
            <th scope="col" className="num">
              {t('StockReport.onOrder')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.belowReorder.map((item) => (
            <tr key={item.itemId}>
              <th scope="row">{item.itemName}</th>
              <td className="num">{item.onHand}</td>
              <td className="num">{item.reorderLevel}</td>
              <td className="num">{item.onOrder}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{DEFINITIONS.stockBelowReorder}</p>
      <table className="ledger">
        <caption>{t('StockReport.movements')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('StockReport.kind')}</th>
            <th scope="col" className="num">
              {t('StockReport.count')}
            </th>
            <th scope="col" className="num">
              {t('StockReport.netQuantity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.movements.length === 0 && (
            <tr>
              <td colSpan={3}>{t('StockReport.noMovements')}</td>
            </tr>
          )}
          {report.movements.map((row) => (
            <tr key={row.kind}>
              <th scope="row">{MOVEMENT_LABELS[row.kind]}</th>
              <td className="num">{row.movements}</td>
              <td className="num">{row.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{DEFINITIONS.stockMovements}</p>
      <button type="button" onClick={onExport}>
        {t('StockReport.export')}
      </button>
    </section>
  );
}
