import { useState } from 'react';
import type { AccountView } from '../../../../src-shared/billing/model';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { useSession } from '../../stores/session';
import { InvoiceCorrection, type InvoiceFix } from './InvoiceCorrection';
import { savePdf } from './pdf';
import { billingHref } from './route';
import { useCalendarDate } from '../../format/calendar-date';

/** The account's invoices and credit notes, with their PDFs, a manager's write-off and credit note, and visits not yet billed. */
export function InvoicesTable({ view, onChanged }: { view: AccountView; onChanged: (message: string) => void }) {
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
      <table className="ledger" aria-label="Invoices">
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Issued</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Patient owes
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {view.invoices.map((invoice) => {
            const name = invoice.number ?? 'Draft';
            const open = fixing?.invoiceId === invoice.id ? fixing.kind : null;
            const issuedInvoice = invoice.status === 'issued' && invoice.kind === 'invoice';
            return [
              <tr key={invoice.id} aria-label={`${invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${name}`}>
                <td>
                  {invoice.kind === 'credit_note' ? 'Credit note ' : ''}
                  {name}
                </td>
                <td>{showDate(invoice.issuedOn)}</td>
                <td className="num">{formatMoney(invoice.totalMinor, money)}</td>
                <td className="num">{formatMoney(invoice.patientOpenMinor, money)}</td>
                <td>
                  <div className="row-actions">
                    {invoice.status === 'issued' && (
                      <button type="button" onClick={() => void pdf(invoice.id)} aria-label={`PDF of ${name}`}>
                        PDF
                      </button>
                    )}
                    {invoice.status === 'draft' && invoice.visitId && canWrite && (
                      <a href={billingHref.checkOut(invoice.visitId)}>Open at check-out</a>
                    )}
                    {canAdjust && issuedInvoice && invoice.patientOpenMinor > 0 && (
                      <button type="button" onClick={() => setFixing({ invoiceId: invoice.id, kind: 'writeOff' })}>
                        Write off
                      </button>
                    )}
                    {canAdjust && issuedInvoice && (
                      <button type="button" onClick={() => setFixing({ invoiceId: invoice.id, kind: 'creditNote' })}>
                        Credit note
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
                No invoices.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {view.unbilled.length > 0 && canWrite && (
        <>
          <h3>Visits not billed yet</h3>
          <ul className="plain">
            {view.unbilled.map((visit) => (
              <li key={visit.visitId ?? visit.appointmentId ?? visit.date}>
                {showDate(visit.date)} · {visit.typeName ?? 'Visit'} · {visit.providerName ?? 'no provider'}{' '}
                {visit.visitId && <a href={billingHref.checkOut(visit.visitId)}>Invoice this visit</a>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
