import type { LedgerEntry } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';

/** Every charge, payment, allocation, refund, reversal and write-off, oldest first, with the running balance. */
export function LedgerTable({ entries, money }: { entries: readonly LedgerEntry[]; money: MoneyFormat }) {
  const { t } = useTranslation('billing');
  const showDate = useCalendarDate();
  return (
    <table className="ledger" aria-label={t('LedgerTable.ledger')}>
      <thead>
        <tr>
          <th scope="col">{t('LedgerTable.date')}</th>
          <th scope="col">{t('LedgerTable.entry')}</th>
          <th scope="col">{t('LedgerTable.reference')}</th>
          <th scope="col" className="num">
            {t('LedgerTable.amount')}
          </th>
          <th scope="col" className="num">
            {t('LedgerTable.balance')}
          </th>
          <th scope="col" className="num">
            {t('LedgerTable.credit')}
          </th>
          <th scope="col">{t('LedgerTable.by')}</th>
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
              {t('LedgerTable.nothingOnThisAccountYet')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
