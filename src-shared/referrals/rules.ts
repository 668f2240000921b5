import { addDays, localDateOf, localDayBounds } from '../scheduling/time';
import type { ReferralStatus, ReferralTargets, ReferralTargetState, ReferralUrgency } from './model';

/**
 * The referral work list's rules, pure and on a given clock: the target date, when a referral is
 * overdue (in the clinic's zone, so a DST change moves nothing), and the order the list shows.
 */

const URGENCY_RANK: Record<ReferralUrgency, number> = { urgent: 0, soon: 1, routine: 2 };

/** Statuses still waiting for an appointment: only these can fall behind their target. */
const WAITING: readonly ReferralStatus[] = ['received', 'triaged'];

export function targetDays(urgency: ReferralUrgency, targets: ReferralTargets): number {
  return urgency === 'urgent' ? targets.urgentDays : urgency === 'soon' ? targets.soonDays : targets.routineDays;
}

/** The clinic date by which the patient should have been booked. */
export function targetDate(letterOn: string, urgency: ReferralUrgency, targets: ReferralTargets): string {
  return addDays(letterOn, targetDays(urgency, targets));
}

/**
 * The instant a waiting referral becomes overdue: the first instant of the clinic day after its target
 * date (so it is on time all through the target day, however long DST makes that day).
 */
export function overdueFrom(targetOn: string, zone: string): number {
  return localDayBounds(zone, addDays(targetOn, 1)).start;
}

export function targetState(
  referral: { status: ReferralStatus; targetOn: string },
  now: number,
  zone: string,
): ReferralTargetState {
  if (!WAITING.includes(referral.status)) return 'none';
  return now >= overdueFrom(referral.targetOn, zone) ? 'overdue' : 'due';
}

/** Days past the target date, on the clinic's calendar (0 when not past it). */
export function daysOverdue(targetOn: string, now: number, zone: string): number {
  const today = localDateOf(zone, now);
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${targetOn}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

export interface OrderedReferral {
  urgency: ReferralUrgency;
  letterOn: string;
  createdAt: number;
  id: string;
}

/** The work list: most urgent first, then the oldest letter first (then the oldest recorded). */
export function compareReferrals(a: OrderedReferral, b: OrderedReferral): number {
  return (
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    a.letterOn.localeCompare(b.letterOn) ||
    a.createdAt - b.createdAt ||
    a.id.localeCompare(b.id)
  );
}

export function orderReferrals<T extends OrderedReferral>(referrals: readonly T[]): T[] {
  return [...referrals].sort(compareReferrals);
}
