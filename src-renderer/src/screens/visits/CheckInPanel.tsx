import { useEffect, useRef, useState } from 'react';
import type { VisitView } from '../../../../src-shared/visits/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { usePhoneFormat } from '../../format/phone';
import { useSession } from '../../stores/session';
import { useClinicSettings } from '../../stores/clinic-settings';
import { formatDate } from '../../../../src-shared/patients/dates';
import { CheckInConsent } from './CheckInConsent';
import { CheckInSelfPay } from './CheckInSelfPay';
import { CheckInPayment } from '../billing/CheckInPayment';
import { Trans, useTranslation, variant } from '../../i18n';

interface CheckInPanelProps {
  target: { appointmentId: string } | { patientId: string };
  onClose: () => void;
  onDone: () => void;
}

/** What to confirm with the patient at the desk, then one button that marks them arrived (and one that undoes it). */
export function CheckInPanel({ target, onClose, onDone }: CheckInPanelProps) {
  const { t } = useTranslation('visits');
  const phone = usePhoneFormat();
  // The review of this patient; a new target shows "loading" rather than the last patient's review.
  const read = useProcedure('visits.checkInReview', target);
  const review = read.stale ? null : read.value;
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (read.stale ? null : (read.error?.message ?? null));
  const [busy, setBusy] = useState(false);
  const [selfPay, setSelfPay] = useState(false);
  const canRecordConsent = useSession((state) => state.can('patients:write'));
  const dateFormat = useClinicSettings((state) => state.settings?.dateFormat) ?? 'YYYY-MM-DD';
  const key = 'appointmentId' in target ? target.appointmentId : target.patientId;

  // The target is identified by its key: a new object for the same patient starts nothing again.
  useEffect(() => {
    setVisit(null);
    setError(null);
    setSelfPay(false);
  }, [key]);
  // Self-pay starts as the open visit has it, from the first review of this target (later reads follow saves).
  const selfPayFrom = useRef<string | null>(null);
  useEffect(() => {
    if (!review || selfPayFrom.current === key) return;
    selfPayFrom.current = key;
    setSelfPay(review.openVisitSelfPay);
  }, [review, key]);

  /** Reads the review again, so its sentences say what was just saved (self-pay, a consent). */
  const reloadReview = read.reload;

  async function arrive() {
    setBusy(true);
    setError(null);
    const result = await call('visits.checkIn', target);
    if (!result.ok) {
      setBusy(false);
      return setError(result.error.message);
    }
    let arrived = result.value;
    if (selfPay) {
      const marked = await call('visits.setSelfPay', { visitId: arrived.id, selfPay: true });
      if (marked.ok) arrived = marked.value;
      else setError(t('CheckInPanel.arrivedButNotMarkedSelf', { message: marked.error.message }));
    }
    setBusy(false);
    setVisit(arrived);
    setSelfPay(arrived.selfPay);
    reloadReview();
    onDone();
  }

  async function changeSelfPay(next: boolean) {
    const visitId = visit?.id ?? review?.openVisitId;
    setSelfPay(next);
    if (!visitId) return;
    setBusy(true);
    setError(null);
    const result = await call('visits.setSelfPay', { visitId, selfPay: next });
    setBusy(false);
    if (!result.ok) {
      setSelfPay(!next);
      return setError(result.error.message);
    }
    if (visit) setVisit(result.value);
    reloadReview();
  }

  async function undo() {
    if (!visit) return;
    setBusy(true);
    const result = await call('visits.undo', { visitId: visit.id, expectedLastEventId: visit.lastEventId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setVisit(null);
    reloadReview();
    onDone();
  }

  return (
    <section className="checkin-panel card wide" aria-label={t('CheckInPanel.checkInReview')}>
      <div className="cal-panel-head">
        <h2>{t('CheckInPanel.checkIn', { reviewName: review?.name ?? '' })}</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('CheckInPanel.closeCheckIn')}>
          ✕
        </button>
      </div>
      {!review && !error && <p>{t('CheckInPanel.loadingWhatToConfirm')}</p>}
      {review && (
        <>
          <dl className="cal-facts">
            <div>
              <dt>{t('CheckInPanel.bornMrn')}</dt>
              <dd>
                {formatDate(review.dob, dateFormat)} · {review.mrn}
              </dd>
            </div>
            <div>
              <dt>{t('CheckInPanel.phone')}</dt>
              <dd>
                {review.phones.length > 0
                  ? review.phones.map((p) => `${phone(p.number)} (${p.kind})`).join(', ')
                  : t('CheckInPanel.noneOnFile')}
              </dd>
            </div>
            <div>
              <dt>{t('CheckInPanel.address')}</dt>
              <dd>
                {review.address ?? t('CheckInPanel.noAddress')} · {review.email ?? t('CheckInPanel.noEmail')}
              </dd>
            </div>
            <div>
              <dt>{t('CheckInPanel.insurance')}</dt>
              <dd>
                {review.insurance.length === 0
                  ? t('CheckInPanel.noneOnFile')
                  : review.insurance.map((p) => (
                      <span key={p.id} className={p.expired ? 'tag danger-tag' : 'tag'}>
                        {t('CheckInPanel.verified', {
                          payer: p.payer,
                          memberId: p.memberId,
                          terminationDate: p.terminationDate ? formatDate(p.terminationDate, dateFormat) : '',
                          lastVerifiedDate: p.lastVerifiedDate ? formatDate(p.lastVerifiedDate, dateFormat) : '',
                          context: variant(p.expired && 'expired', !p.lastVerifiedDate && 'never'),
                        })}
                      </span>
                    ))}
              </dd>
            </div>
            <div>
              <dt>{t('CheckInPanel.consents')}</dt>
              <dd>
                {review.consents.length > 0
                  ? review.consents.map((c) => `${c.kind} (${formatDate(c.givenOn, dateFormat)})`).join(', ')
                  : t('CheckInPanel.noneOnFile')}
              </dd>
            </div>
            <div>
              <dt>{t('CheckInPanel.alerts')}</dt>
              <dd>
                {review.alerts.map((a) => a.text).join('; ') || t('CheckInPanel.noAlerts')} ·{' '}
                {review.allergies.join(', ') || t('CheckInPanel.noAllergiesRecorded')}
              </dd>
            </div>
          </dl>
          {review.warnings.length > 0 ? (
            <div className="checkin-warnings">
              <h3>{t('CheckInPanel.confirmWithThePatient')}</h3>
              <ul aria-label={t('CheckInPanel.toConfirm')}>
                {review.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="form-success">{t('CheckInPanel.detailsInsuranceAndConsentsAre')}</p>
          )}
          {review.insurance.every((policy) => policy.expired) && (
            <p className="hint">
              <Trans
                t={t}
                i18nKey="CheckInPanel.withoutAPolicyInForce"
                components={{ a: <a href={`#/patients/${review.patientId}`} /> }}
              />
            </p>
          )}
          <CheckInSelfPay
            checked={selfPay}
            busy={busy}
            arrived={Boolean(visit ?? review.openVisitId)}
            insured={review.insurance.some((policy) => !policy.expired)}
            onChange={(next) => void changeSelfPay(next)}
          />
          {canRecordConsent && <CheckInConsent patientId={review.patientId} onRecorded={reloadReview} />}
        </>
      )}
      <FormMessage
        error={error}
        success={visit ? t('CheckInPanel.arrivedTicketTheyAreOn', { ticket: visit.ticket }) : null}
      />
      <div className="actions">
        {review && !visit && !review.openVisitId && (
          <button type="button" className="primary" disabled={busy} onClick={() => void arrive()}>
            {t('CheckInPanel.markArrived')}
          </button>
        )}
        {review?.openVisitId && !visit && <p className="muted">{t('CheckInPanel.alreadyCheckedInSeeThe')}</p>}
        {visit && (
          <button type="button" disabled={busy} onClick={() => void undo()}>
            {t('CheckInPanel.undoArrival')}
          </button>
        )}
      </div>
      {review && (
        <CheckInPayment
          key={review.patientId}
          patientId={review.patientId}
          visitId={visit?.id ?? review.openVisitId}
          account={review.account}
        />
      )}
    </section>
  );
}
