import type { ReferralView } from '../../../../src-shared/referrals/model';
import { call } from '../../api';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { urgencyLabel } from '../referrals/referral-labels';

export interface ReferralToBook {
  referral: ReferralView | null;
  error: string | null;
  /** Moves the referral to booked with the appointment just made; answers what to say (or the refusal). */
  link(appointmentId: string): Promise<string | null>;
}

/** The referral a booking from the work list is for (`#/find/<patientId>/referral/<referralId>`). */
export function useReferralToBook(referralId: string | null): ReferralToBook {
  const { t } = useTranslation('find');
  const read = useProcedure('referrals.get', referralId ? { referralId } : null);
  const referral = referralId && read.value?.id === referralId ? read.value : null;
  return {
    referral,
    error: referralId && read.error ? read.error.message : null,
    async link(appointmentId) {
      if (!referral || referral.status !== 'triaged') return null;
      const result = await call('referrals.move', { referralId: referral.id, to: 'booked', appointmentId });
      read.reload();
      return result.ok ? t('ReferralBanner.linked') : t('ReferralBanner.notLinked', { message: result.error.message });
    },
  };
}

/** Says whose referral is being booked and what kind of appointment it wants. */
export function ReferralBanner({ state }: { state: ReferralToBook }) {
  const { t } = useTranslation('find');
  if (state.error) return <p role="alert">{state.error}</p>;
  const referral = state.referral;
  if (!referral) return null;
  return (
    <p className="hint">
      {t('ReferralBanner.booking', {
        urgency: urgencyLabel(referral.urgency),
        referrer: referral.referrerName,
        reason: referral.reason,
      })}
      {referral.appointmentTypeName && ` ${t('ReferralBanner.wants', { type: referral.appointmentTypeName })}`}
      {referral.status === 'booked' && ` ${t('ReferralBanner.alreadyBooked')}`}
      {referral.status !== 'triaged' && referral.status !== 'booked' && ` ${t('ReferralBanner.notTriaged')}`}
    </p>
  );
}
