import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { CheckOutView, InvoiceView } from '../../../../src-shared/billing/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { navigate } from '../../hooks/navigation';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { InvoiceEditor } from './InvoiceEditor';
import { IssuedInvoice } from './IssuedInvoice';
import { PayerPicker } from './PayerPicker';
import { PaymentForm } from './PaymentForm';
import { billingHref } from './route';
import { useCalendarDate } from '../../format/calendar-date';

/**
 * `#/billing/checkout/<visitId>`: the visit's invoice (built from its appointment type's services on
 * the first visit here), edited and issued; the rest taken; the receipt saved; the visit done.
 */
export function CheckOutScreen({ visitId }: { visitId: string }) {
  const showDate = useCalendarDate();
  const [view, setView] = useState<CheckOutView | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorData | null>(null);
  const [finishError, setFinishError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('invoices.forVisit', { visitId });
    if (result.ok) setView(result.value);
    else setLoadError(result.error);
  }, [visitId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function finish() {
    setBusy(true);
    setFinishError(null);
    const result = await call('visits.checkOut', { visitId });
    setBusy(false);
    if (!result.ok) return setFinishError(result.error.message);
    navigate('#/board');
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey && event.key.toLowerCase() === 'f' && !busy) {
      event.preventDefault();
      void finish();
    }
  }

  if (loadError) return <ErrorMessage error={loadError} area="check-out" />;
  if (!view) return <p>Building the visit’s invoice…</p>;
  const { invoice, account, money } = view;
  const done = view.visit.status === 'checked_out';
  const replaceInvoice = (next: InvoiceView) => {
    // Issuing takes the credit and changes the balance: the whole view comes back, so the payment
    // form starts at what is really owed.
    if (next.status === 'issued') void load();
    else setView({ ...view, invoice: next });
  };

  return (
    <section className="checkout" aria-labelledby="checkout-title" onKeyDown={onKeyDown}>
      <div className="section-head">
        <div>
          <h1 id="checkout-title">Check out {invoice.patientName}</h1>
          <p className="lead">
            MRN {invoice.mrn} · {view.visit.typeName ?? 'Visit'} with {view.visit.providerName ?? 'no provider'} ·{' '}
            {showDate(view.visit.localDate)}
          </p>
        </div>
        <a href={billingHref.account(invoice.patientId)}>Patient account</a>
      </div>
      <div className="checkout-columns">
        <section className="card billing-card" aria-labelledby="invoice-title">
          <h2 id="invoice-title">
            {invoice.status === 'issued' ? `Invoice ${invoice.number ?? ''}` : 'Invoice (draft)'}
            {invoice.payer && <span className="sub">Payer: {invoice.payer}</span>}
          </h2>
          {invoice.status === 'draft' && <PayerPicker view={view} onChanged={replaceInvoice} />}
          {invoice.status === 'draft' ? (
            <InvoiceEditor
              key={`${invoice.id}-${invoice.policyId ?? 'self'}`}
              invoice={invoice}
              services={view.services}
              taxes={view.taxes}
              money={money}
              onChanged={replaceInvoice}
            />
          ) : (
            <IssuedInvoice invoice={invoice} money={money} />
          )}
        </section>
        <aside className="card billing-card" aria-label="Payment">
          <h2>Account</h2>
          <dl className="invoice-totals" aria-label="Account">
            <div>
              <dt>Balance</dt>
              <dd>{formatMoney(account.balanceMinor, money)}</dd>
            </div>
            <div>
              <dt>Credit on account</dt>
              <dd>{formatMoney(account.creditMinor, money)}</dd>
            </div>
          </dl>
          {invoice.status === 'draft' && account.creditMinor > 0 && (
            <p className="hint">The credit (a copay or deposit) pays this invoice when it is issued.</p>
          )}
          {invoice.status === 'issued' && (
            <PaymentForm
              key={invoice.id}
              patientId={invoice.patientId}
              money={money}
              methods={view.methods}
              suggestedMinor={Math.max(0, account.balanceMinor)}
              visitId={visitId}
              title="Take payment"
              onTaken={() => void load()}
              autoFocus
            />
          )}
          {!view.drawer && <p className="hint">The drawer is not open: cash cannot be taken until it is.</p>}
          <h2>Visit</h2>
          {done ? (
            <p role="status" className="form-success">
              Checked out.
            </p>
          ) : (
            <>
              {account.balanceMinor > 0 && invoice.status === 'issued' && (
                <p className="hint">Still owing {formatMoney(account.balanceMinor, money)}: it stays on the account.</p>
              )}
              <FormMessage error={finishError} />
              <button type="button" className="primary" disabled={busy} onClick={() => void finish()}>
                Finish check-out
              </button>
              <p className="hint">
                <kbd>Alt</kbd>+<kbd>F</kbd> finish: the visit is marked done and the flow board shows it.
              </p>
            </>
          )}
        </aside>
      </div>
    </section>
  );
}
