import { useState } from 'react';
import type { AccountView } from '../../../../src-shared/billing/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { useSession } from '../../stores/session';
import { InvoiceCorrection, type InvoiceFix } from './InvoiceCorrection';
import { savePdf } from './pdf';
import { billingHref } from './route';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';

/** The account's invoices and credit notes, with their PDFs, a manager's write-off and credit note, and visits not yet billed. */
export function InvoicesTable({ view, onChanged }: { view: AccountView; onChanged: (message: string) => void }) {
  const { t } = useTranslation('billing');
  const showDate = useCalendarDate();
  const canAdjust = useSession((state) => state.can('billing:adjust'));
  const canWrite = useSession((state) => state.can('billing:write'));
  const [fixing, setFixing] = useState<{ invoiceId: string; kind: InvoiceFix } | null>(null);
  const { money } = view;

  async function pdf(invoiceId: string) {
    const result = await call('invoices.pdf', { invoiceId });
    if (result.ok) savePdf(result.value);
  }

  return (
    <>
      <table className="ledger" aria-label={t('InvoicesTable.invoices')}>
        <thead>
          <tr>
            <th scope="col">{t('InvoicesTable.invoice')}</th>
            <th scope="col">{t('InvoicesTable.issued')}</th>
            <th scope="col" className="num">
              {t('InvoicesTable.total')}
            </th>
            <th scope="col" className="num">
              {t('InvoicesTable.patientOwes')}
            </th>
            <th scope="col">{t('InvoicesTable.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.invoices.map((invoice) => {
            const name = invoice.number ?? t('InvoicesTable.draft');
            const open = fixing?.invoiceId === invoice.id ? fixing.kind : null;
            const issuedInvoice = invoice.status === 'issued' && invoice.kind === 'invoice';
            return [
              <tr
                key={invoice.id}
                aria-label={`${invoice.kind === 'credit_note' ? t('InvoicesTable.creditNote') : t('InvoicesTable.invoice')} ${name}`}
              >
                <td>
                  {invoice.kind === 'credit_note' ? t('InvoicesTable.creditNote2') : ''}
                  {name}
                </td>
                <td>{showDate(invoice.issuedOn)}</td>
                <td className="num">{formatMoney(invoice.totalMinor, money)}</td>
                <td className="num">{formatMoney(invoice.patientOpenMinor, money)}</td>
                <td>
                  <div className="row-actions">
                    {invoice.status === 'issued' && (
                      <button
                        type="button"
                        onClick={() => void pdf(invoice.id)}
                        aria-label={t('InvoicesTable.pdfOf', { name })}
                      >
                        {t('InvoicesTable.pdf')}
                      </button>
                    )}
                    {invoice.status === 'draft' && invoice.visitId && canWrite && (
                      <a href={billingHref.checkOut(invoice.visitId)}>{t('InvoicesTable.openAtCheckOut')}</a>
                    )}
                    {canAdjust && issuedInvoice && invoice.patientOpenMinor > 0 && (
                      <button type="button" onClick={() => setFixing({ invoiceId: invoice.id, kind: 'writeOff' })}>
                        {t('InvoicesTable.writeOff')}
                      </button>
                    )}
                    {canAdjust && issuedInvoice && (
                      <button type="button" onClick={() => setFixing({ invoiceId: invoice.id, kind: 'creditNote' })}>
                        {t('InvoicesTable.creditNote')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>,
              open && (
                <tr key={`${invoice.id}-fix`} className="subrow">
                  <td colSpan={5}>
                    <InvoiceCorrection
                      invoice={invoice}
                      kind={open}
                      money={money}
                      onCancel={() => setFixing(null)}
                      onDone={(message) => {
                        setFixing(null);
                        onChanged(message);
                      }}
                    />
                  </td>
                </tr>
              ),
            ];
          })}
          {view.invoices.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('InvoicesTable.noInvoices')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {view.unbilled.length > 0 && canWrite && (
        <>
          <h3>{t('InvoicesTable.visitsNotBilledYet')}</h3>
          <ul className="plain">
            {view.unbilled.map((visit) => (
              <li key={visit.visitId ?? visit.appointmentId ?? visit.date}>
                {showDate(visit.date)} · {visit.typeName ?? t('InvoicesTable.visit')} ·{' '}
                {visit.providerName ?? t('InvoicesTable.noProvider')}{' '}
                {visit.visitId && (
                  <a href={billingHref.checkOut(visit.visitId)}>{t('InvoicesTable.invoiceThisVisit')}</a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
