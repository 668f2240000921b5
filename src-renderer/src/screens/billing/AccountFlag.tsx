import { formatMoney } from '../../../../src-shared/billing/money';
import { useCalendarDate } from '../../format/calendar-date';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { billingHref } from './route';
import { useTranslation, variant } from '../../i18n';

/** The patient banner's money line ("Owes $40.00 since 2026-03-12 · $10.00 overdue"), for those who may see billing. */
export function AccountFlag({ patientId }: { patientId: string }) {
  const canRead = useSession((state) => state.can('billing:read'));
  if (!canRead) return null;
  return <AccountFlagLine patientId={patientId} />;
}

function AccountFlagLine({ patientId }: { patientId: string }) {
  const { t } = useTranslation('billing');
  const date = useCalendarDate();
  const summary = useProcedure(
    'accounts.summary',
    { patientId },
    { refreshOn: { 'billing.changed': (event) => event.patientIds.includes(patientId) } },
  ).value;
  const money = useProcedure(
    'billing.settings',
    {},
    { refreshOn: { 'billing.changed': ({ kind }) => kind === 'setup' } },
  ).value?.money;

  if (!summary || !money) return null;
  const text =
    summary.owingMinor > 0
      ? t('AccountFlag.owes', {
          owingMinor: formatMoney(summary.owingMinor, money),
          owingSince: summary.owingSince ? date(summary.owingSince) : '',
          overdueMinor: formatMoney(summary.overdueMinor, money),
          context: variant(summary.owingSince && 'since', summary.overdueMinor > 0 && 'overdue'),
        })
      : summary.creditMinor > 0
        ? t('AccountFlag.credit', { creditMinor: formatMoney(summary.creditMinor, money) })
        : null;
  if (!text) return null;
  return (
    <a
      href={billingHref.account(patientId)}
      className={`flag ${summary.overdueMinor > 0 ? 'alert' : 'neutral'}`}
      aria-label={t('AccountFlag.account', { text })}
    >
      {text}
    </a>
  );
}
