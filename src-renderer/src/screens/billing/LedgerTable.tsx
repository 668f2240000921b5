import type { LedgerEntry } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { useCalendarDate } from '../../format/calendar-date';

/** Every charge, payment, allocation, refund, reversal and write-off, oldest first, with the running balance. */
export function LedgerTable({ entries, money }: { entries: readonly LedgerEntry[]; money: MoneyFormat }) {
  const showDate = useCalendarDate();
  return (
    <table className="ledger" aria-label="Ledger">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Entry</th>
          <th scope="col">Reference</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col" className="num">
            Balance
          </th>
          <th scope="col" className="num">
            Credit
          </th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.kind}-${entry.id}`} className={`ledger-${entry.kind}`}>
            <td className="nowrap">{showDate(entry.date)}</td>
            <td>{entry.description}</td>
            <td>{entry.reference ?? ''}</td>
            <td className="num">{entry.amountMinor === 0 ? '—' : formatMoney(entry.amountMinor, money)}</td>
            <td className="num">{formatMoney(entry.balanceMinor, money)}</td>
            <td className="num">{formatMoney(entry.creditMinor, money)}</td>
            <td>{entry.by ?? ''}</td>
          </tr>
        ))}
        {entries.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              Nothing on this account yet.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
