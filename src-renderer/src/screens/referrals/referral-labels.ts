import type { ReferralStatus, ReferralUrgency } from '../../../../src-shared/referrals/model';
import { i18next } from '../../i18n';

// The words for the referral codes main sends, from the catalogue.

export const urgencyLabel = (urgency: ReferralUrgency) => i18next.t(`referrals:labels.urgency.${urgency}`);
export const referralStatusLabel = (status: ReferralStatus) => i18next.t(`referrals:labels.status.${status}`);
/** The button that moves a referral to this status ("Triage", "Mark seen"…). */
export const moveLabel = (to: ReferralStatus) => i18next.t(`referrals:labels.move.${to}`);
