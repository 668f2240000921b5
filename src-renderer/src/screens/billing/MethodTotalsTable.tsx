import type { MethodTotals } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { useTranslation } from '../../i18n';

/** Takings by payment method: taken, refunded, reversed, net. */
export function MethodTotalsTable({
  rows,
  money,
  label,
}: {
  rows: readonly MethodTotals[];
  money: MoneyFormat;
  label: string;
}) {
  const { t } = useTranslation('billing');
  return (
    <table className="ledger" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('MethodTotalsTable.method')}</th>
          <th scope="col" className="num">
            {t('MethodTotalsTable.payments')}
          </th>
          <th scope="col" className="num">
            {t('MethodTotalsTable.taken')}
          </th>
          <th scope="col" className="num">
            {t('MethodTotalsTable.refunded')}
          </th>
          <th scope="col" className="num">
            {t('MethodTotalsTable.reversed')}
          </th>
          <th scope="col" className="num">
            {t('MethodTotalsTable.net')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.methodName}>
            <td>{row.methodName}</td>
            <td className="num">{row.count}</td>
            <td className="num">{formatMoney(row.paymentsMinor, money)}</td>
            <td className="num">{formatMoney(row.refundsMinor, money)}</td>
            <td className="num">{formatMoney(row.reversalsMinor, money)}</td>
            <td className="num">{formatMoney(row.netMinor, money)}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              {t('MethodTotalsTable.nothingTakenYet')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
