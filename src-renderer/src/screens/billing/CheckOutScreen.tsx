import { useCallback, useEffect, useRef, useState } from 'react';
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
import { Trans, useTranslation } from '../../i18n';
import { KEY_TAGS } from '../../components/key-tags';

/**
 * `#/billing/checkout/<visitId>`: the visit's invoice (built from its appointment type's services on
 * the first visit here), edited and issued; the rest taken; the receipt saved; the visit done.
 */
export function CheckOutScreen({ visitId }: { visitId: string }) {
  const { t } = useTranslation('billing');
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

  // Alt+F from anywhere on the screen, not only from inside the check-out (a click on the page's empty
  // space took the focus out of it and the key then did nothing).
  const finishRef = useRef(finish);
  finishRef.current = finish;
  const busyRef = useRef(busy);
  busyRef.current = busy;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'f' && !busyRef.current) {
        event.preventDefault();
        void finishRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (loadError) return <ErrorMessage error={loadError} area="check-out" />;
  if (!view) return <p>{t('CheckOutScreen.buildingTheVisitSInvoice')}</p>;
  const { invoice, account, money } = view;
  const done = view.visit.status === 'checked_out';
  const replaceInvoice = (next: InvoiceView) => {
    // Issuing takes the credit and changes the balance: the whole view comes back, so the payment
    // form starts at what is really owed.
    if (next.status === 'issued') void load();
    else setView({ ...view, invoice: next });
  };

  return (
    <section className="checkout" aria-labelledby="checkout-title">
      <div className="section-head">
        <div>
          <h1 id="checkout-title">{t('CheckOutScreen.checkOut', { patientName: invoice.patientName })}</h1>
          <p className="lead">
            {t('CheckOutScreen.mrnWith', {
              mrn: invoice.mrn,
              typeName: view.visit.typeName ?? t('CheckOutScreen.visit'),
              providerName: view.visit.providerName ?? t('CheckOutScreen.noProvider'),
              localDate: showDate(view.visit.localDate),
            })}
          </p>
        </div>
        <a href={billingHref.account(invoice.patientId)}>{t('CheckOutScreen.patientAccount')}</a>
      </div>
      <div className="checkout-columns">
        <section className="card billing-card" aria-labelledby="invoice-title">
          <h2 id="invoice-title">
            {invoice.status === 'issued'
              ? t('CheckOutScreen.invoice', { invoiceNumber: invoice.number ?? '' })
              : t('CheckOutScreen.invoiceDraft')}
            {invoice.payer && <span className="sub">{t('CheckOutScreen.payer', { payer: invoice.payer })}</span>}
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
        <aside className="card billing-card" aria-label={t('CheckOutScreen.payment')}>
          <h2>{t('CheckOutScreen.account')}</h2>
          <dl className="invoice-totals" aria-label={t('CheckOutScreen.account')}>
            <div>
              <dt>{t('CheckOutScreen.balance')}</dt>
              <dd>{formatMoney(account.balanceMinor, money)}</dd>
            </div>
            <div>
              <dt>{t('CheckOutScreen.creditOnAccount')}</dt>
              <dd>{formatMoney(account.creditMinor, money)}</dd>
            </div>
          </dl>
          {invoice.status === 'draft' && account.creditMinor > 0 && (
            <p className="hint">{t('CheckOutScreen.theCreditACopayOr')}</p>
          )}
          {invoice.status === 'issued' && (
            <PaymentForm
              key={invoice.id}
              patientId={invoice.patientId}
              money={money}
              methods={view.methods}
              suggestedMinor={Math.max(0, account.balanceMinor)}
              visitId={visitId}
              title={t('CheckOutScreen.takePayment')}
              onTaken={() => void load()}
              autoFocus
            />
          )}
          {!view.drawer && <p className="hint">{t('CheckOutScreen.theDrawerIsNotOpen')}</p>}
          <h2>{t('CheckOutScreen.visit')}</h2>
          {done ? (
            <p role="status" className="form-success">
              {t('CheckOutScreen.checkedOut')}
            </p>
          ) : (
            <>
              {account.balanceMinor > 0 && invoice.status === 'issued' && (
                <p className="hint">
                  {t('CheckOutScreen.stillOwingItStaysOn', { balanceMinor: formatMoney(account.balanceMinor, money) })}
                </p>
              )}
              <FormMessage error={finishError} />
              <button type="button" className="primary" disabled={busy} onClick={() => void finish()}>
                {t('CheckOutScreen.finishCheckOut')}
              </button>
              <p className="hint">
                <Trans t={t} i18nKey="CheckOutScreen.altFFinishTheVisit" components={KEY_TAGS} />
              </p>
            </>
          )}
        </aside>
      </div>
    </section>
  );
}
