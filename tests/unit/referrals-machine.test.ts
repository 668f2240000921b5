import { describe, expect, it } from 'vitest';
import { allowedReferralMoves, firstStatus, planReferralMove } from '../../src-shared/referrals/machine';

describe('the referral-in machine', () => {
  it('starts received and moves received → triaged → booked → seen → closed', () => {
    expect(firstStatus('in')).toBe('received');
    expect(planReferralMove('in', 'received', 'triaged')).toEqual({ ok: true });
    expect(planReferralMove('in', 'triaged', 'booked', { appointmentId: 'a' })).toEqual({ ok: true });
    expect(planReferralMove('in', 'booked', 'seen')).toEqual({ ok: true });
    expect(planReferralMove('in', 'seen', 'closed')).toEqual({ ok: true });
  });

  it('declines with a reason before the patient is seen, and says when the reason is missing', () => {
    expect(planReferralMove('in', 'received', 'declined', { reason: 'Not a service we offer' })).toEqual({ ok: true });
    expect(planReferralMove('in', 'triaged', 'declined', { reason: '  ' })).toEqual({
      ok: false,
      field: 'reason',
      reason: 'say why the referral is declined',
    });
    expect(allowedReferralMoves('in', 'seen')).toEqual(['closed']);
  });

  it('refuses to book before triage, and booking without its appointment', () => {
    expect(planReferralMove('in', 'received', 'booked', { appointmentId: 'a' })).toEqual({
      ok: false,
      field: 'to',
      reason: 'A referral in that is received cannot be booked: triage it first.',
    });
    expect(planReferralMove('in', 'triaged', 'booked')).toEqual({
      ok: false,
      field: 'appointmentId',
      reason: 'book the appointment the referral is for',
    });
  });

  it('takes a booking that fell through back to triaged', () => {
    expect(planReferralMove('in', 'booked', 'triaged')).toEqual({ ok: true });
  });

  it('refuses every move out of closed and declined, naming why', () => {
    for (const to of ['received', 'triaged', 'seen'] as const) {
      expect(planReferralMove('in', 'closed', to)).toEqual({
        ok: false,
        field: 'to',
        reason: `A referral in that is closed cannot become ${to}: it is finished (record a new referral instead).`,
      });
    }
    expect(planReferralMove('in', 'declined', 'triaged')).toMatchObject({ ok: false, field: 'to' });
    expect(planReferralMove('in', 'triaged', 'triaged')).toEqual({
      ok: false,
      field: 'to',
      reason: 'This referral in is already triaged.',
    });
  });

  it('does not take the statuses of a referral out', () => {
    expect(planReferralMove('in', 'received', 'acknowledged')).toEqual({
      ok: false,
      field: 'to',
      reason: 'A referral in that is received cannot become acknowledged.',
    });
  });
});

describe('the referral-out machine', () => {
  it('starts sent and moves sent → acknowledged → seen → closed', () => {
    expect(firstStatus('out')).toBe('sent');
    expect(planReferralMove('out', 'sent', 'acknowledged')).toEqual({ ok: true });
    expect(planReferralMove('out', 'acknowledged', 'seen')).toEqual({ ok: true });
    expect(planReferralMove('out', 'seen', 'closed')).toEqual({ ok: true });
  });

  it('is declined by the other clinic with a reason, and never booked here', () => {
    expect(planReferralMove('out', 'sent', 'declined', { reason: 'Waiting list closed' })).toEqual({ ok: true });
    expect(planReferralMove('out', 'acknowledged', 'declined')).toMatchObject({ ok: false, field: 'reason' });
    expect(planReferralMove('out', 'sent', 'booked', { appointmentId: 'a' })).toEqual({
      ok: false,
      field: 'to',
      reason: 'A referral out that is sent cannot be booked: triage it first.',
    });
    expect(planReferralMove('out', 'sent', 'seen')).toEqual({
      ok: false,
      field: 'to',
      reason: 'A referral out that is sent cannot become seen.',
    });
    expect(allowedReferralMoves('out', 'closed')).toEqual([]);
  });
});
