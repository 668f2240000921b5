import { useCallback, useEffect, useState } from 'react';
import type { ClaimView } from '../../../../src-shared/billing/model';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { CLAIM_STATUS_LABELS } from '../../../../src-shared/billing/claim-status';
import { formatMoney } from '../../../../src-shared/billing/money';
import { todayIn } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useClinicSettings } from '../../stores/clinic-settings';
import { ClaimMoves } from './ClaimMoves';
import { RemittanceForm } from './RemittanceForm';
import { savePdf } from './pdf';
import { billingHref } from './route';
import { useBillingSetup } from './useBillingSetup';
import { useCalendarDate } from '../../format/calendar-date';

/** `#/billing/claims/<id>`: one claim — its lines, its history, the moves open to it and the remittance. */
export function ClaimScreen({ claimId }: { claimId: string }) {
  const showDate = useCalendarDate();
  const [claim, setClaim] = useState<ClaimView | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const { setup } = useBillingSetup();
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';

  const load = useCallback(async () => {
    const result = await call('claims.get', { claimId });
    if (result.ok) setClaim(result.value);
    else setError(result.error);
  }, [claimId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function pdf() {
    const result = await call('claims.pdf', { claimId });
    if (result.ok) savePdf(result.value);
  }

  if (error) return <ErrorMessage error={error} area="claims" />;
  if (!claim || !setup) return <p>Loading the claim…</p>;
  const money = setup.settings.money;
  return (
    <section className="claim" aria-labelledby="claim-title">
      <div className="section-head">
        <div>
          <h1 id="claim-title">
            Claim to {claim.payer} · {CLAIM_STATUS_LABELS[claim.status]}
          </h1>
          <p className="lead">
            {claim.patientName} · member {claim.memberId} · invoice {claim.invoiceNumber} · {claim.sequence}
            {claim.payerReference ? ` · payer reference ${claim.payerReference}` : ''}
          </p>
        </div>
        <div className="actions">
          <a href={billingHref.claims()}>Claims work list</a>
          <a href={billingHref.account(claim.patientId)}>Patient account</a>
        </div>
      </div>
      <dl className="invoice-totals" aria-label="Claim totals">
        <div>
          <dt>Billed</dt>
          <dd>{formatMoney(claim.billedMinor, money)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{formatMoney(claim.paidMinor, money)}</dd>
        </div>
        <div>
          <dt>Adjusted</dt>
          <dd>{formatMoney(claim.adjustedMinor, money)}</dd>
        </div>
        <div>
          <dt>Moved to the patient</dt>
          <dd>{formatMoney(claim.patientMinor, money)}</dd>
        </div>
        <div>
          <dt>Outstanding</dt>
          <dd>{formatMoney(claim.outstandingMinor, money)}</dd>
        </div>
      </dl>
      <div className="checkout-columns">
        <div>
          <table className="ledger" aria-label="Claim lines">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col" className="num">
                  Billed
                </th>
                <th scope="col" className="num">
                  Allowed
                </th>
                <th scope="col" className="num">
                  Paid
                </th>
                <th scope="col" className="num">
                  Adjusted
                </th>
                <th scope="col" className="num">
                  Patient
                </th>
                <th scope="col" className="num">
                  Outstanding
                </th>
              </tr>
            </thead>
            <tbody>
              {claim.lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    {line.code ? `${line.code} · ` : ''}
                    {line.description}
                  </td>
                  <td className="num">{formatMoney(line.billedMinor, money)}</td>
                  <td className="num">{formatMoney(line.allowedMinor, money)}</td>
                  <td className="num">{formatMoney(line.paidMinor, money)}</td>
                  <td className="num">{formatMoney(line.adjustmentMinor, money)}</td>
                  <td className="num">{formatMoney(line.patientMinor, money)}</td>
                  <td className="num">{formatMoney(line.outstandingMinor, money)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <RemittanceForm
            key={claim.remittances.length}
            claim={claim}
            money={money}
            today={todayIn(zone, Date.now())}
            onPosted={setClaim}
          />
        </div>
        <aside className="card billing-card" aria-label="Claim status">
          <h2>History</h2>
          <ol className="claim-events" aria-label="Claim history">
            {claim.events.map((event) => (
              <li key={`${event.at}-${event.toStatus}`}>
                {CLAIM_STATUS_LABELS[event.toStatus]} on {showDate(event.onDate)} by {event.by ?? '—'}
                {event.reason && <span className="sub">{event.reason}</span>}
              </li>
            ))}
          </ol>
          <ClaimMoves claim={claim} onMoved={setClaim} />
          <button type="button" onClick={() => void pdf()}>
            Save claim (PDF)
          </button>
        </aside>
      </div>
    </section>
  );
}
