import { useEffect, useRef, useState } from 'react';
import { formatMoney } from '../../../../src-shared/billing/money';
import { todayIn } from '../../../../src-shared/patients/dates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';

import { InvoicesTable } from './InvoicesTable';
import { LedgerTable } from './LedgerTable';
import { billingHref } from './route';
import { PaymentCorrection, type Correction } from './PaymentCorrection';
import { PaymentForm } from './PaymentForm';
import { StatementForm } from './StatementForm';
import { useBillingSetup } from './useBillingSetup';
import { WriteOffsTable } from './WriteOffsTable';
import { Trans, useTranslation } from '../../i18n';
import { claimStatusLabel } from '../../i18n/labels';

/** `#/billing/account/<patientId>`: the ledger with its running balance, payments and their corrections, a statement. */
export function AccountScreen({ patientId, takePayment = false }: { patientId: string; takePayment?: boolean }) {
  const { t } = useTranslation('billing');
  // Another desk taking money for this patient shows here too.
  const account = useProcedure(
    'accounts.get',
    { patientId },
    { refreshOn: { 'billing.changed': (event) => event.patientIds.includes(patientId) } },
  );
  const { value: view, error } = account;
  const load = account.reload;
  const date = useCalendarDate();
  const [correcting, setCorrecting] = useState<{ paymentId: string; kind: Correction } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { setup } = useBillingSetup();
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';
  const canTake = useSession((state) => state.can('billing:write'));
  const canRefund = useSession((state) => state.can('billing:refund'));
  const take = useRef<HTMLElement>(null);
  const ready = Boolean(view && setup);
  // Come to take a payment: the cursor starts in the form's first field, once the form is drawn.
  useEffect(() => {
    if (takePayment && ready) take.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [takePayment, ready]);

  if (error) return <ErrorMessage error={error} area={t('AccountScreen.thePatientSAccount')} />;
  if (!view) return <p>{t('AccountScreen.loadingTheAccount')}</p>;
  const { summary, money } = view;

  return (
    <section className="account" aria-labelledby="account-title">
      <div className="section-head">
        <div>
          <h1 id="account-title">{t('AccountScreen.account', { patientName: view.patient.name })}</h1>
          <p className="lead">{t('AccountScreen.mrn', { mrn: view.patient.mrn })}</p>
        </div>
        <a href={`#/patients/${view.patient.id}`}>{t('AccountScreen.patientRecord')}</a>
      </div>
      <dl className="invoice-totals account-summary" aria-label={t('AccountScreen.accountSummary')}>
        <div>
          <dt>{t('AccountScreen.balance')}</dt>
          <dd>{formatMoney(summary.balanceMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('AccountScreen.credit')}</dt>
          <dd>{formatMoney(summary.creditMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('AccountScreen.owing')}</dt>
          <dd>
            {formatMoney(summary.owingMinor, money)}
            {summary.owingSince ? t('AccountScreen.since', { owingSince: date(summary.owingSince) }) : ''}
          </dd>
        </div>
        <div>
          <dt>{t('AccountScreen.overdue')}</dt>
          <dd>{formatMoney(summary.overdueMinor, money)}</dd>
        </div>
      </dl>
      <FormMessage success={done} />
      <div className="checkout-columns">
        <div>
          <h2>{t('AccountScreen.ledger')}</h2>
          <LedgerTable entries={view.entries} money={money} />
          <h2>{t('AccountScreen.invoices')}</h2>
          <InvoicesTable
            view={view}
            onChanged={(message) => {
              setDone(message);
              load();
            }}
          />
          <WriteOffsTable
            view={view}
            onChanged={(message) => {
              setDone(message);
              load();
            }}
          />
          <h2>{t('AccountScreen.payments')}</h2>
          <table className="ledger" aria-label={t('AccountScreen.payments')}>
            <thead>
              <tr>
                <th scope="col">{t('AccountScreen.countsFor')}</th>
                <th scope="col">{t('AccountScreen.method')}</th>
                <th scope="col" className="num">
                  {t('AccountScreen.amount')}
                </th>
                <th scope="col" className="num">
                  {t('AccountScreen.refundable')}
                </th>
                <th scope="col">{t('AccountScreen.state')}</th>
                {canRefund && <th scope="col">{t('AccountScreen.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {view.payments.map((payment) => {
                const open = correcting?.paymentId === payment.id ? correcting.kind : null;
                const name = `${formatMoney(payment.amountMinor, money)} ${payment.methodName}`;
                return [
                  <tr
                    key={payment.id}
                    aria-label={t('AccountScreen.payment', { name, countsFor: date(payment.countsFor) })}
                  >
                    <td>{date(payment.countsFor)}</td>
                    <td>
                      {payment.methodName}
                      {payment.reference && <span className="sub">{payment.reference}</span>}
                    </td>
                    <td className="num">{formatMoney(payment.amountMinor, money)}</td>
                    <td className="num">{formatMoney(payment.refundableMinor, money)}</td>
                    <td>
                      {payment.reversed
                        ? t('AccountScreen.reversed')
                        : payment.refundedMinor > 0
                          ? t('AccountScreen.partlyRefunded')
                          : t('AccountScreen.taken')}
                    </td>
                    {canRefund && (
                      <td>
                        <div className="row-actions">
                          {!payment.reversed && (
                            <button
                              type="button"
                              disabled={payment.reverseBlocked !== null}
                              title={payment.reverseBlocked ?? undefined}
                              onClick={() => setCorrecting({ paymentId: payment.id, kind: 'reverse' })}
                            >
                              {t('AccountScreen.reverse')}
                            </button>
                          )}
                          {!payment.reversed && payment.refundableMinor > 0 && (
                            <button
                              type="button"
                              onClick={() => setCorrecting({ paymentId: payment.id, kind: 'refund' })}
                            >
                              {t('AccountScreen.refund')}
                            </button>
                          )}
                          {payment.reverseBlocked && !payment.reversed && (
                            <span className="sub">
                              {t('AccountScreen.cannotReverse', { reverseBlocked: payment.reverseBlocked })}
                            </span>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>,
                  open && (
                    <tr key={`${payment.id}-correct`} className="subrow">
                      <td colSpan={6}>
                        <PaymentCorrection
                          payment={payment}
                          kind={open}
                          money={money}
                          methods={setup?.methods ?? []}
                          onCancel={() => setCorrecting(null)}
                          onDone={(message) => {
                            setCorrecting(null);
                            setDone(message);
                            load();
                          }}
                        />
                      </td>
                    </tr>
                  ),
                ];
              })}
              {view.payments.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">
                    {t('AccountScreen.noPayments')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <aside>
          {view.claims.length > 0 && (
            <section className="card billing-card" aria-labelledby="account-claims-title">
              <h2 id="account-claims-title">{t('AccountScreen.claims')}</h2>
              <ul className="plain">
                {view.claims.map((claim) => (
                  <li key={claim.id}>
                    <Trans
                      t={t}
                      i18nKey="AccountScreen.outstanding"
                      values={{
                        payer: claim.payer,
                        invoiceNumber: claim.invoiceNumber,
                        claimStatus: claimStatusLabel(claim.status),
                        outstandingMinor: formatMoney(claim.outstandingMinor, money),
                      }}
                      components={{ a: <a href={billingHref.claim(claim.id)} /> }}
                    />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {canTake && setup && (
            <section ref={take} className="card billing-card" aria-labelledby="take-title">
              <h2 id="take-title">{t('AccountScreen.takeAPayment')}</h2>
              <PaymentForm
                patientId={patientId}
                money={money}
                methods={setup.methods}
                suggestedMinor={Math.max(0, summary.balanceMinor)}
                title={t('AccountScreen.takePayment')}
                onTaken={load}
              />
            </section>
          )}
          <section className="card billing-card" aria-labelledby="statement-title">
            <h2 id="statement-title">{t('AccountScreen.statement')}</h2>
            <StatementForm patientId={patientId} today={todayIn(zone, Date.now())} />
          </section>
        </aside>
      </div>
    </section>
  );
}
