/**
 * A claim's life (tracking, not electronic submission): draft → submitted → accepted or rejected;
 * a rejected claim is corrected (back to draft) and submitted again; an accepted one is paid, partly
 * paid or denied (posting a remittance decides which); partly paid and denied may be appealed; and
 * any settled claim is closed. Main enforces this table; screens offer what it allows.
 */
export const CLAIM_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'rejected',
  'paid',
  'partly_paid',
  'denied',
  'appealed',
  'closed',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Moves a person makes by hand (remittances move a claim to paid, partly paid or denied themselves). */
export const CLAIM_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  draft: ['submitted', 'closed'],
  submitted: ['accepted', 'rejected'],
  accepted: ['denied', 'closed'],
  rejected: ['draft', 'closed'],
  paid: ['closed'],
  partly_paid: ['appealed', 'closed'],
  denied: ['appealed', 'closed'],
  appealed: ['denied', 'closed'],
  closed: [],
};

/** Statuses in which a remittance may be posted. */
export const REMITTABLE: readonly ClaimStatus[] = ['submitted', 'accepted', 'partly_paid', 'appealed'];

/** Moves that need a reason: a rejection, a denial, an appeal and closing an unpaid claim. */
export function needsReason(from: ClaimStatus, to: ClaimStatus): boolean {
  return to === 'rejected' || to === 'denied' || to === 'appealed' || (to === 'closed' && from !== 'paid');
}

export function canMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return CLAIM_TRANSITIONS[from].includes(to);
}

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  accepted: 'Accepted',
  rejected: 'Rejected',
  paid: 'Paid',
  partly_paid: 'Partly paid',
  denied: 'Denied',
  appealed: 'Appealed',
  closed: 'Closed',
};
