import { useState } from 'react';
import { formatMoney } from '../../../../src-shared/billing/money';
import { todayIn } from '../../../../src-shared/patients/dates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { CLAIM_STATUS_LABELS } from '../../../../src-shared/billing/claim-status';
import { InvoicesTable } from './InvoicesTable';
import { LedgerTable } from './LedgerTable';
import { billingHref } from './route';
import { PaymentCorrection, type Correction } from './PaymentCorrection';
import { PaymentForm } from './PaymentForm';
import { StatementForm } from './StatementForm';
import { useBillingSetup } from './useBillingSetup';
import { WriteOffsTable } from './WriteOffsTable';

/** `#/billing/account/<patientId>`: the ledger with its running balance, payments and their corrections, a statement. */
export function AccountScreen({ patientId }: { patientId: string }) {
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

  if (error) return <ErrorMessage error={error} area="the patient's account" />;
  if (!view) return <p>Loading the account…</p>;
  const { summary, money } = view;

  return (
    <section className="account" aria-labelledby="account-title">
      <div className="section-head">
        <div>
          <h1 id="account-title">Account: {view.patient.name}</h1>
          <p className="lead">MRN {view.patient.mrn}</p>
        </div>
        <a href={`#/patients/${view.patient.id}`}>Patient record</a>
      </div>
      <dl className="invoice-totals account-summary" aria-label="Account summary">
        <div>
          <dt>Balance</dt>
          <dd>{formatMoney(summary.balanceMinor, money)}</dd>
        </div>
        <div>
          <dt>Credit</dt>
          <dd>{formatMoney(summary.creditMinor, money)}</dd>
        </div>
        <div>
          <dt>Owing</dt>
          <dd>
            {formatMoney(summary.owingMinor, money)}
            {summary.owingSince ? ` since ${date(summary.owingSince)}` : ''}
          </dd>
        </div>
        <div>
          <dt>Overdue</dt>
          <dd>{formatMoney(summary.overdueMinor, money)}</dd>
        </div>
      </dl>
      <FormMessage success={done} />
      <div className="checkout-columns">
        <div>
          <h2>Ledger</h2>
          <LedgerTable entries={view.entries} money={money} />
          <h2>Invoices</h2>
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
          <h2>Payments</h2>
          <table className="ledger" aria-label="Payments">
            <thead>
              <tr>
                <th scope="col">Counts for</th>
                <th scope="col">Method</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Refundable
                </th>
                <th scope="col">State</th>
                {canRefund && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {view.payments.map((payment) => {
                const open = correcting?.paymentId === payment.id ? correcting.kind : null;
                const name = `${formatMoney(payment.amountMinor, money)} ${payment.methodName}`;
                return [
                  <tr key={payment.id} aria-label={`Payment ${name} ${payment.countsFor}`}>
                    <td>{payment.countsFor}</td>
                    <td>
                      {payment.methodName}
                      {payment.reference && <span className="sub">{payment.reference}</span>}
                    </td>
                    <td className="num">{formatMoney(payment.amountMinor, money)}</td>
                    <td className="num">{formatMoney(payment.refundableMinor, money)}</td>
                    <td>{payment.reversed ? 'Reversed' : payment.refundedMinor > 0 ? 'Partly refunded' : 'Taken'}</td>
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
                              Reverse
                            </button>
                          )}
                          {!payment.reversed && payment.refundableMinor > 0 && (
                            <button
                              type="button"
                              onClick={() => setCorrecting({ paymentId: payment.id, kind: 'refund' })}
                            >
                              Refund
                            </button>
                          )}
                          {payment.reverseBlocked && !payment.reversed && (
                            <span className="sub">Cannot reverse: {payment.reverseBlocked}</span>
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
                    No payments.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <aside>
          {view.claims.length > 0 && (
            <section className="card billing-card" aria-labelledby="account-claims-title">
              <h2 id="account-claims-title">Claims</h2>
              <ul className="plain">
                {view.claims.map((claim) => (
                  <li key={claim.id}>
                    <a href={billingHref.claim(claim.id)}>
                      {claim.payer} · {claim.invoiceNumber} · {CLAIM_STATUS_LABELS[claim.status]}
                    </a>{' '}
                    {formatMoney(claim.outstandingMinor, money)} outstanding
                  </li>
                ))}
              </ul>
            </section>
          )}
          {canTake && setup && (
            <section className="card billing-card" aria-labelledby="take-title">
              <h2 id="take-title">Take a payment</h2>
              <PaymentForm
                patientId={patientId}
                money={money}
                methods={setup.methods}
                suggestedMinor={Math.max(0, summary.balanceMinor)}
                title="Take payment"
                onTaken={load}
              />
            </section>
          )}
          <section className="card billing-card" aria-labelledby="statement-title">
            <h2 id="statement-title">Statement</h2>
            <StatementForm patientId={patientId} today={todayIn(zone, Date.now())} />
          </section>
        </aside>
      </div>
    </section>
  );
}
