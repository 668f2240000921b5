import { useState } from 'react';
import type { ClaimStatus } from '../../../../src-shared/billing/claim-status';
import type { ClaimView } from '../../../../src-shared/billing/model';

import { formatMoney } from '../../../../src-shared/billing/money';
import { todayIn } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { navigate } from '../../hooks/navigation';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { ClaimMoves } from './ClaimMoves';
import { RemittanceForm } from './RemittanceForm';
import { savePdf } from './pdf';
import { billingHref } from './route';
import { useBillingSetup } from './useBillingSetup';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation, variant } from '../../i18n';
import { claimStatusLabel } from '../../i18n/labels';

/** A primary claim the payer has answered: a secondary may bill what it left to the patient. */
const SETTLED: readonly ClaimStatus[] = ['paid', 'partly_paid', 'denied', 'closed'];

/** `#/billing/claims/<id>`: one claim — its lines, its history, the moves open to it and the remittance. */
export function ClaimScreen({ claimId }: { claimId: string }) {
  const { t } = useTranslation('billing');
  const showDate = useCalendarDate();
  const read = useProcedure('claims.get', { claimId });
  // A posted remittance or a move answers with the claim as it now is: shown without reading it again.
  const [written, setClaim] = useState<ClaimView | null>(null);
  const claim = written?.id === claimId ? written : read.value;
  const error = read.error;
  const { setup } = useBillingSetup();
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';

  const [secondaryError, setSecondaryError] = useState<string | null>(null);
  /** A claim to the patient's secondary policy for what this (primary) claim left to the patient. */
  async function claimSecondary(primary: ClaimView) {
    setSecondaryError(null);
    const result = await call('claims.create', { invoiceId: primary.invoiceId, primaryClaimId: primary.id });
    if (result.ok) navigate(billingHref.claim(result.value.id));
    else setSecondaryError(Object.values(result.error.details?.fields ?? {})[0] ?? result.error.message);
  }

  async function pdf() {
    const result = await call('claims.pdf', { claimId });
    if (result.ok) savePdf(result.value);
  }

  if (error) return <ErrorMessage error={error} area="claims" />;
  if (!claim || !setup) return <p>{t('ClaimScreen.loadingTheClaim')}</p>;
  const money = setup.settings.money;
  return (
    <section className="claim" aria-labelledby="claim-title">
      <div className="section-head">
        <div>
          <h1 id="claim-title">
            {t('ClaimScreen.claimTo', { payer: claim.payer, claimStatus: claimStatusLabel(claim.status) })}
          </h1>
          <p className="lead">
            {t('ClaimScreen.memberInvoice', {
              patientName: claim.patientName,
              memberId: claim.memberId,
              invoiceNumber: claim.invoiceNumber,
              sequence: claim.sequence,
              payerReference: claim.payerReference ?? '',
              context: variant(claim.payerReference && 'payerReference'),
            })}
          </p>
        </div>
        <div className="actions">
          <a href={billingHref.claims()}>{t('ClaimScreen.claimsWorkList')}</a>
          <a href={billingHref.account(claim.patientId)}>{t('ClaimScreen.patientAccount')}</a>
        </div>
      </div>
      <dl className="invoice-totals" aria-label={t('ClaimScreen.claimTotals')}>
        <div>
          <dt>{t('ClaimScreen.billed')}</dt>
          <dd>{formatMoney(claim.billedMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('ClaimScreen.paid')}</dt>
          <dd>{formatMoney(claim.paidMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('ClaimScreen.adjusted')}</dt>
          <dd>{formatMoney(claim.adjustedMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('ClaimScreen.movedToThePatient')}</dt>
          <dd>{formatMoney(claim.patientMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('ClaimScreen.outstanding')}</dt>
          <dd>{formatMoney(claim.outstandingMinor, money)}</dd>
        </div>
      </dl>
      <div className="checkout-columns">
        <div>
          <table className="ledger" aria-label={t('ClaimScreen.claimLines')}>
            <thead>
              <tr>
                <th scope="col">{t('ClaimScreen.line')}</th>
                <th scope="col" className="num">
                  {t('ClaimScreen.billed')}
                </th>
                {claim.sequence === 'secondary' && (
                  <th scope="col" className="num">
                    {t('ClaimScreen.primaryPaid')}
                  </th>
                )}
                <th scope="col" className="num">
                  {t('ClaimScreen.allowed')}
                </th>
                <th scope="col" className="num">
                  {t('ClaimScreen.paid')}
                </th>
                <th scope="col" className="num">
                  {t('ClaimScreen.adjusted')}
                </th>
                <th scope="col" className="num">
                  {t('ClaimScreen.patient')}
                </th>
                <th scope="col" className="num">
                  {t('ClaimScreen.outstanding')}
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
                  {claim.sequence === 'secondary' && (
                    <td className="num">{formatMoney(line.primaryPaidMinor ?? 0, money)}</td>
                  )}
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
        <aside className="card billing-card" aria-label={t('ClaimScreen.claimStatus')}>
          <h2>{t('ClaimScreen.history')}</h2>
          <ol className="claim-events" aria-label={t('ClaimScreen.claimHistory')}>
            {claim.events.map((event) => (
              <li key={`${event.at}-${event.toStatus}`}>
                {claimStatusLabel(event.toStatus)} {t('ClaimScreen.on')} {showDate(event.onDate)} {t('ClaimScreen.by')}{' '}
                {event.by ?? '—'}
                {event.reason && <span className="sub">{event.reason}</span>}
              </li>
            ))}
          </ol>
          <ClaimMoves claim={claim} onMoved={setClaim} />
          {claim.secondaryClaimId && (
            <a href={billingHref.claim(claim.secondaryClaimId)}>{t('ClaimScreen.secondaryClaim')}</a>
          )}
          {claim.sequence === 'primary' &&
            !claim.secondaryClaimId &&
            SETTLED.includes(claim.status) &&
            claim.patientMinor > 0 && (
              <>
                <button type="button" onClick={() => void claimSecondary(claim)}>
                  {t('ClaimScreen.createSecondaryClaim')}
                </button>
                <p className="hint">{t('ClaimScreen.secondaryHint')}</p>
                <FormMessage error={secondaryError} />
              </>
            )}
          {claim.primaryClaimId && (
            <a href={billingHref.claim(claim.primaryClaimId)}>{t('ClaimScreen.primaryClaim')}</a>
          )}
          <button type="button" onClick={() => void pdf()}>
            {t('ClaimScreen.saveClaimPdf')}
          </button>
        </aside>
      </div>
    </section>
  );
}
