import type { ReferralDirection, ReferralStatus } from './model';

/**
 * The referral status machines. In: received → triaged → booked (with its appointment) → seen → closed,
 * or declined (with a reason) before the patient is seen; a booking whose appointment fell through goes
 * back to triaged. Out: sent → acknowledged → seen → closed, or declined by the other clinic. Closed
 * and declined are final. Pure, so every allowed and refused move is tested without a database.
 */

const IN_MOVES: Partial<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  received: ['triaged', 'declined'],
  triaged: ['booked', 'declined'],
  booked: ['seen', 'triaged', 'declined'],
  seen: ['closed'],
  closed: [],
  declined: [],
};

const OUT_MOVES: Partial<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  sent: ['acknowledged', 'declined'],
  acknowledged: ['seen', 'declined'],
  seen: ['closed'],
  closed: [],
  declined: [],
};

export type ReferralPlan = { ok: true } | { ok: false; field: 'to' | 'reason' | 'appointmentId'; reason: string };

export function allowedReferralMoves(direction: ReferralDirection, status: ReferralStatus): readonly ReferralStatus[] {
  return (direction === 'in' ? IN_MOVES : OUT_MOVES)[status] ?? [];
}

export function firstStatus(direction: ReferralDirection): ReferralStatus {
  return direction === 'in' ? 'received' : 'sent';
}

/** Whether a referral may move, or why not, in words a person reads next to the button. */
export function planReferralMove(
  direction: ReferralDirection,
  status: ReferralStatus,
  to: ReferralStatus,
  extra: { reason?: string | null; appointmentId?: string | null } = {},
): ReferralPlan {
  const kind = direction === 'in' ? 'referral in' : 'referral out';
  if (!allowedReferralMoves(direction, status).includes(to)) {
    let reason: string;
    if (status === to) reason = `This ${kind} is already ${to}.`;
    else if (status === 'closed' || status === 'declined')
      reason = `A ${kind} that is ${status} cannot become ${to}: it is finished (record a new referral instead).`;
    else if (to === 'booked') reason = `A ${kind} that is ${status} cannot be booked: triage it first.`;
    else reason = `A ${kind} that is ${status} cannot become ${to}.`;
    return { ok: false, field: 'to', reason };
  }
  if (to === 'declined' && !extra.reason?.trim()) {
    return { ok: false, field: 'reason', reason: 'say why the referral is declined' };
  }
  if (to === 'booked' && !extra.appointmentId) {
    return { ok: false, field: 'appointmentId', reason: 'book the appointment the referral is for' };
  }
  return { ok: true };
}
