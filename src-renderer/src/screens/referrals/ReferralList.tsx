import { Fragment, useState } from 'react';
import { allowedReferralMoves } from '../../../../src-shared/referrals/machine';
import type { ReferralStatus, ReferralView } from '../../../../src-shared/referrals/model';
import { daysOverdue } from '../../../../src-shared/referrals/rules';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';
import { useClinicClock } from '../../stores/clinic-settings';
import { findReferralHref } from '../find/route';
import { useShortDateTime } from '../tasks/task-labels';
import { DeclineReferralForm } from './DeclineReferralForm';
import { moveLabel, referralStatusLabel, urgencyLabel } from './referral-labels';
import './referrals.css';

/** The target cell: overdue ones are said in words (and coloured), the rest show the date they are due by. */
function Target({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation('referrals');
  const showDate = useCalendarDate();
  const clock = useClinicClock();
  if (referral.targetState === 'none') return <span className="muted">{t('ReferralList.noTarget')}</span>;
  const date = showDate(referral.targetOn);
  if (referral.targetState === 'overdue') {
    const days = daysOverdue(referral.targetOn, Date.now(), clock.timeZone);
    return (
      <>
        <span className="tag due-overdue">{t('ReferralList.overdue', { count: days })}</span>
        <div>{t('ReferralList.targetWas', { date })}</div>
      </>
    );
  }
  return <span>{t('ReferralList.bookBy', { date })}</span>;
}

/**
 * The work list: most urgent first, then the oldest letter; each row with the moves its status allows.
 * Booking opens Find a slot with the patient and the wanted type; the booking comes back as "booked".
 */
export function ReferralList({
  referrals,
  onChanged,
}: {
  referrals: readonly ReferralView[];
  onChanged: (said: string) => void;
}) {
  const { t } = useTranslation('referrals');
  const showDate = useCalendarDate();
  const when = useShortDateTime();
  const [declining, setDeclining] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function move(referral: ReferralView, to: ReferralStatus) {
    setFailure(null);
    const result = await call('referrals.move', { referralId: referral.id, to });
    if (!result.ok) return setFailure(result.error.message);
    onChanged(
      t('ReferralList.moved', { patientName: referral.patientName, status: referralStatusLabel(result.value.status) }),
    );
  }

  function actions(referral: ReferralView) {
    return allowedReferralMoves(referral.direction, referral.status).map((to) => {
      // From booked, "triaged" undoes a booking that fell through: said so, not "Triage" again.
      const label = referral.status === 'booked' && to === 'triaged' ? t('ReferralList.backToTriage') : moveLabel(to);
      const name = `${label}: ${referral.patientName}`;
      if (to === 'booked') {
        return (
          <a key={to} className="button" href={findReferralHref(referral.patientId, referral.id)} aria-label={name}>
            {moveLabel(to)}
          </a>
        );
      }
      if (to === 'declined') {
        return (
          <button
            key={to}
            type="button"
            aria-label={name}
            aria-expanded={declining === referral.id}
            onClick={() => setDeclining(declining === referral.id ? null : referral.id)}
          >
            {moveLabel(to)}
          </button>
        );
      }
      return (
        <button key={to} type="button" aria-label={name} onClick={() => void move(referral, to)}>
          {label}
        </button>
      );
    });
  }

  return (
    <>
      <FormMessage error={failure} />
      <table className="task-list referral-list">
        <caption className="visually-hidden">{t('ReferralList.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ReferralList.urgency')}</th>
            <th scope="col">{t('ReferralList.letterOn')}</th>
            <th scope="col">{t('ReferralList.patient')}</th>
            <th scope="col">{t('ReferralList.referrer')}</th>
            <th scope="col">{t('ReferralList.reason')}</th>
            <th scope="col">{t('ReferralList.status')}</th>
            <th scope="col">{t('ReferralList.target')}</th>
            <th scope="col">{t('ReferralList.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <Fragment key={referral.id}>
              <tr className={referral.targetState === 'overdue' ? 'overdue' : undefined}>
                <td>{urgencyLabel(referral.urgency)}</td>
                <td className="nowrap">{showDate(referral.letterOn)}</td>
                <th scope="row">
                  <a href={`#/patients/${referral.patientId}`}>{referral.patientName}</a>
                </th>
                <td>
                  {referral.referrerName}
                  {referral.referrerOrganisation && <div className="muted small">{referral.referrerOrganisation}</div>}
                </td>
                <td>
                  {referral.reason}
                  {referral.appointmentTypeName && <div className="muted small">{referral.appointmentTypeName}</div>}
                  {referral.letterDocumentId && <div className="muted small">{t('ReferralList.letterKept')}</div>}
                </td>
                <td>
                  {referralStatusLabel(referral.status)}
                  {referral.appointmentStart !== null && (
                    <div className="small">
                      {t('ReferralList.appointment', { when: when(referral.appointmentStart) })}
                    </div>
                  )}
                  {referral.declineReason && <div className="small">{referral.declineReason}</div>}
                </td>
                <td>
                  <Target referral={referral} />
                </td>
                <td className="referral-actions">{actions(referral)}</td>
              </tr>
              {declining === referral.id && (
                <tr>
                  <td colSpan={8}>
                    <DeclineReferralForm
                      referral={referral}
                      onDeclined={(said) => {
                        setDeclining(null);
                        onChanged(said);
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
