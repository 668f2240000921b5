import { useEffect, useState } from 'react';
import type { AccountSummary } from '../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { bridge, call } from '../../api';
import { useSession } from '../../stores/session';
import { billingHref } from './route';

/** The patient banner's money line ("Owes $40.00 since 2026-03-12 · $10.00 overdue"), for those who may see billing. */
export function AccountFlag({ patientId }: { patientId: string }) {
  const canRead = useSession((state) => state.can('billing:read'));
  if (!canRead) return null;
  return <AccountFlagLine patientId={patientId} />;
}

function AccountFlagLine({ patientId }: { patientId: string }) {
  const [summary, setSummary] = useState<AccountSummary | null>(null);
  const [money, setMoney] = useState<MoneyFormat | null>(null);

  useEffect(() => {
    let stale = false;
    const load = () =>
      void call('accounts.summary', { patientId }).then((result) => {
        if (!stale && result.ok) setSummary(result.value);
      });
    load();
    void call('billing.settings', {}).then((result) => !stale && result.ok && setMoney(result.value.money));
    const off = bridge.on('billing.changed', (event) => {
      if (event.patientIds.includes(patientId)) load();
    });
    return () => {
      stale = true;
      off();
    };
  }, [patientId]);

  if (!summary || !money) return null;
  const text =
    summary.owingMinor > 0
      ? `Owes ${formatMoney(summary.owingMinor, money)}${summary.owingSince ? ` since ${summary.owingSince}` : ''}${
          summary.overdueMinor > 0 ? ` · ${formatMoney(summary.overdueMinor, money)} overdue` : ''
        }`
      : summary.creditMinor > 0
        ? `Credit ${formatMoney(summary.creditMinor, money)}`
        : null;
  if (!text) return null;
  return (
    <a
      href={billingHref.account(patientId)}
      className={`flag ${summary.overdueMinor > 0 ? 'alert' : 'neutral'}`}
      aria-label={`Account: ${text}`}
    >
      {text}
    </a>
  );
}
