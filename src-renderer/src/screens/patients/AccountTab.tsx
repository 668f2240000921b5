import { formatMoney } from '../../../../src-shared/billing/money';
import { useCalendarDate } from '../../format/calendar-date';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';
import { billingHref } from '../billing/route';

/** The Account tab: balance, credit, what is owed and overdue, and the way to the full account. */
export function AccountTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation('patients');
  const date = useCalendarDate();
  const canTake = useSession((state) => state.can('billing:write'));
  const summary = useProcedure(
    'accounts.summary',
    { patientId },
    { refreshOn: { 'billing.changed': (event) => event.patientIds.includes(patientId) } },
  );
  const money = useProcedure('billing.settings', {}).value?.money;
  const value = summary.value;
  return (
    <section className="card" aria-labelledby="account-tab-heading">
      <h2 id="account-tab-heading">{t('AccountTab.account')}</h2>
      {summary.error && <p className="form-error">{summary.error.message}</p>}
      {!value || !money ? (
        !summary.error && <p>{t('PatientHeader.loading')}</p>
      ) : (
        <dl>
          <div>
            <dt>{t('AccountTab.balance')}</dt>
            <dd>{formatMoney(value.balanceMinor, money)}</dd>
          </div>
          <div>
            <dt>{t('AccountTab.credit')}</dt>
            <dd>{formatMoney(value.creditMinor, money)}</dd>
          </div>
          <div>
            <dt>{t('AccountTab.owing')}</dt>
            <dd>
              {formatMoney(value.owingMinor, money)}
              {value.owingSince && ` · ${t('AccountTab.since', { date: date(value.owingSince) })}`}
            </dd>
          </div>
          <div>
            <dt>{t('AccountTab.overdue')}</dt>
            <dd>{formatMoney(value.overdueMinor, money)}</dd>
          </div>
        </dl>
      )}
      <div className="actions">
        <a className="button" href={billingHref.account(patientId)}>
          {canTake ? t('AccountTab.openToTakePayment') : t('AccountTab.open')}
        </a>
      </div>
    </section>
  );
}
