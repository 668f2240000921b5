import type { MethodTotals } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';

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
  return (
    <table className="ledger" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col" className="num">
            Payments
          </th>
          <th scope="col" className="num">
            Taken
          </th>
          <th scope="col" className="num">
            Refunded
          </th>
          <th scope="col" className="num">
            Reversed
          </th>
          <th scope="col" className="num">
            Net
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
              Nothing taken yet.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
