import { useState } from 'react';
import { CLAIM_STATUSES, type ClaimStatus } from '../../../../src-shared/billing/claim-status';
import { formatMoney } from '../../../../src-shared/billing/money';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { BillingLinks } from './BillingLinks';
import { billingHref } from './route';
import { useBillingSetup } from './useBillingSetup';
import { useTranslation, variant } from '../../i18n';
import { claimStatusLabel } from '../../i18n/labels';

/** The age filter's choices: days since submitted (or created, for a draft). */
const AGES = [0, 30, 60, 90, 120] as const;

/** `#/billing/claims`: claims by status and age, oldest first, with a count per status. */
export function ClaimsScreen() {
  const { t } = useTranslation('billing');
  const [status, setStatus] = useState<ClaimStatus | null>(null);
  const [minAgeDays, setMinAgeDays] = useState(0);
  const read = useProcedure('claims.workList', {
    ...(status && { statuses: [status] }),
    ...(minAgeDays > 0 && { minAgeDays }),
    limit: 200,
  });
  const list = read.value;
  const error = read.error?.message ?? null;
  const { setup } = useBillingSetup();

  const money = setup?.settings.money;
  return (
    <section className="claims" aria-labelledby="claims-title">
      <h1 id="claims-title">{t('ClaimsScreen.claims')}</h1>
      <BillingLinks current="claims" />
      <div className="row-actions" role="group" aria-label={t('ClaimsScreen.claimsByStatus')}>
        <button type="button" aria-pressed={status === null} onClick={() => setStatus(null)}>
          {t('ClaimsScreen.all')}
        </button>
        {CLAIM_STATUSES.map((value) => (
          <button key={value} type="button" aria-pressed={status === value} onClick={() => setStatus(value)}>
            {claimStatusLabel(value)} ({list?.counts[value] ?? 0})
          </button>
        ))}
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="claims-age">{t('ClaimsScreen.age')}</label>
          <select id="claims-age" value={minAgeDays} onChange={(event) => setMinAgeDays(Number(event.target.value))}>
            {AGES.map((days) => (
              <option key={days} value={days}>
                {days === 0 ? t('ClaimsScreen.anyAge') : t('ClaimsScreen.olderThan', { count: days })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormMessage error={error} />
      {list && money && (
        <table className="ledger" aria-label={t('ClaimsScreen.claimsWorkList')}>
          <thead>
            <tr>
              <th scope="col">{t('ClaimsScreen.patient')}</th>
              <th scope="col">{t('ClaimsScreen.payer')}</th>
              <th scope="col">{t('ClaimsScreen.invoice')}</th>
              <th scope="col">{t('ClaimsScreen.status')}</th>
              <th scope="col" className="num">
                {t('ClaimsScreen.ageDays')}
              </th>
              <th scope="col" className="num">
                {t('ClaimsScreen.billed')}
              </th>
              <th scope="col" className="num">
                {t('ClaimsScreen.paid')}
              </th>
              <th scope="col" className="num">
                {t('ClaimsScreen.outstanding')}
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
                <td>{claimStatusLabel(claim.status)}</td>
                <td className="num">{claim.ageDays}</td>
                <td className="num">{formatMoney(claim.billedMinor, money)}</td>
                <td className="num">{formatMoney(claim.paidMinor, money)}</td>
                <td className="num">{formatMoney(claim.outstandingMinor, money)}</td>
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('ClaimsScreen.noClaims', {
                    status: status ? claimStatusLabel(status).toLowerCase() : '',
                    context: variant(status && 'status'),
                  })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
