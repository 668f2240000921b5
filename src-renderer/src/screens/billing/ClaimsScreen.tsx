import { useCallback, useEffect, useState } from 'react';
import type { ClaimWorkList } from '../../../../src-shared/billing/model';
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimStatus } from '../../../../src-shared/billing/claim-status';
import { formatMoney } from '../../../../src-shared/billing/money';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { BillingLinks } from './BillingLinks';
import { billingHref } from './route';
import { useBillingSetup } from './useBillingSetup';

/** `#/billing/claims`: claims by status, oldest first, with a count per status. */
export function ClaimsScreen() {
  const [status, setStatus] = useState<ClaimStatus | null>(null);
  const [list, setList] = useState<ClaimWorkList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { setup } = useBillingSetup();

  const load = useCallback(async () => {
    const result = await call('claims.workList', { ...(status && { statuses: [status] }), limit: 200 });
    if (result.ok) setList(result.value);
    else setError(result.error.message);
  }, [status]);

  useEffect(() => {
    void load();
  }, [load]);

  const money = setup?.settings.money;
  return (
    <section className="claims" aria-labelledby="claims-title">
      <h1 id="claims-title">Claims</h1>
      <BillingLinks current="claims" />
      <div className="row-actions" role="group" aria-label="Claims by status">
        <button type="button" aria-pressed={status === null} onClick={() => setStatus(null)}>
          All
        </button>
        {CLAIM_STATUSES.map((value) => (
          <button key={value} type="button" aria-pressed={status === value} onClick={() => setStatus(value)}>
            {CLAIM_STATUS_LABELS[value]} ({list?.counts[value] ?? 0})
          </button>
        ))}
      </div>
      <FormMessage error={error} />
      {list && money && (
        <table className="ledger" aria-label="Claims work list">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Payer</th>
              <th scope="col">Invoice</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Age (days)
              </th>
              <th scope="col" className="num">
                Billed
              </th>
              <th scope="col" className="num">
                Paid
              </th>
              <th scope="col" className="num">
                Outstanding
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((claim) => (
              <tr key={claim.id}>
                <td>
                  <a href={billingHref.claim(claim.id)}>{claim.patientName}</a>
                </td>
                <td>
                  {claim.payer} <span className="sub">{claim.sequence}</span>
                </td>
                <td>{claim.invoiceNumber}</td>
                <td>{CLAIM_STATUS_LABELS[claim.status]}</td>
                <td className="num">{claim.ageDays}</td>
                <td className="num">{formatMoney(claim.billedMinor, money)}</td>
                <td className="num">{formatMoney(claim.paidMinor, money)}</td>
                <td className="num">{formatMoney(claim.outstandingMinor, money)}</td>
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No claims{status ? ` ${CLAIM_STATUS_LABELS[status].toLowerCase()}` : ''}.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
