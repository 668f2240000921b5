/**
 * Referrals (issue 20): letters in from another provider asking the clinic to see a patient, and letters
 * out asking another clinic to. Each keeps its own status; the shapes below are what the screens see.
 */

export const REFERRAL_DIRECTIONS = ['in', 'out'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_URGENCIES = ['urgent', 'soon', 'routine'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const REFERRAL_IN_STATUSES = ['received', 'triaged', 'booked', 'seen', 'closed', 'declined'] as const;
export const REFERRAL_OUT_STATUSES = ['sent', 'acknowledged', 'seen', 'closed', 'declined'] as const;
export type ReferralInStatus = (typeof REFERRAL_IN_STATUSES)[number];
export type ReferralOutStatus = (typeof REFERRAL_OUT_STATUSES)[number];
export type ReferralStatus = ReferralInStatus | ReferralOutStatus;
export const REFERRAL_STATUSES = [
  'received',
  'triaged',
  'booked',
  'sent',
  'acknowledged',
  'seen',
  'closed',
  'declined',
] as const satisfies readonly ReferralStatus[];

/** Target days from the letter to the appointment, per urgency (a clinic setting). */
export interface ReferralTargets {
  urgentDays: number;
  soonDays: number;
  routineDays: number;
}

export interface Referrer {
  id: string;
  name: string;
  organisation: string | null;
  phone: string | null;
}

/** Where a referral stands against its target: only a letter in still waiting for a booking can be overdue. */
export type ReferralTargetState = 'overdue' | 'due' | 'none';

export interface ReferralView {
  id: string;
  direction: ReferralDirection;
  /** The clinic date the letter was received (in) or sent (out). */
  letterOn: string;
  referrerId: string;
  referrerName: string;
  referrerOrganisation: string | null;
  patientId: string;
  patientName: string;
  reason: string;
  urgency: ReferralUrgency;
  appointmentTypeId: string | null;
  appointmentTypeName: string | null;
  letterDocumentId: string | null;
  status: ReferralStatus;
  appointmentId: string | null;
  appointmentStart: number | null;
  declineReason: string | null;
  statusAt: number;
  statusByName: string | null;
  /** The clinic date by which it should have an appointment (letter date + the urgency's target days). */
  targetOn: string;
  targetState: ReferralTargetState;
  createdAt: number;
}
