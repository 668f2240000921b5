import { describe, expect, it } from 'vitest';
import type { ReferralUrgency } from '../../src-shared/referrals/model';
import { daysOverdue, orderReferrals, overdueFrom, targetDate, targetState } from '../../src-shared/referrals/rules';

const TARGETS = { urgentDays: 3, soonDays: 14, routineDays: 42 };

describe('the referral work list', () => {
  it('orders by urgency, then the oldest letter first', () => {
    const at = (id: string, urgency: ReferralUrgency, letterOn: string, createdAt = 0) => ({
      id,
      urgency,
      letterOn,
      createdAt,
    });
    const list = orderReferrals([
      at('routine-old', 'routine', '2026-09-01'),
      at('urgent-new', 'urgent', '2026-10-30'),
      at('soon', 'soon', '2026-10-01'),
      at('urgent-old', 'urgent', '2026-10-28'),
      at('urgent-old-later', 'urgent', '2026-10-28', 5),
    ]);
    expect(list.map((r) => r.id)).toEqual(['urgent-old', 'urgent-old-later', 'urgent-new', 'soon', 'routine-old']);
  });

  it('targets the letter date plus the urgency’s days', () => {
    expect(targetDate('2026-10-29', 'urgent', TARGETS)).toBe('2026-11-01');
    expect(targetDate('2026-10-29', 'soon', TARGETS)).toBe('2026-11-12');
    expect(targetDate('2026-10-29', 'routine', TARGETS)).toBe('2026-12-10');
  });
});

describe('overdue, on the clinic’s clock across a DST change', () => {
  it('New York: a target on the 25-hour day the clocks go back is on time all that day', () => {
    const zone = 'America/New_York';
    // Letter on Thursday 29 October; urgent: by Sunday 1 November, the day EDT ends.
    const targetOn = targetDate('2026-10-29', 'urgent', TARGETS);
    // Late from Monday 2 November 00:00 EST = 05:00 UTC (on 1 November midnight was 04:00 UTC, EDT).
    expect(overdueFrom(targetOn, zone)).toBe(Date.UTC(2026, 10, 2, 5, 0));
    const waiting = { status: 'triaged' as const, targetOn };
    // 23:30 EST on the 1st is 04:30 UTC on the 2nd: still the target day in New York.
    expect(targetState(waiting, Date.UTC(2026, 10, 2, 4, 30), zone)).toBe('due');
    expect(targetState(waiting, Date.UTC(2026, 10, 2, 5, 0) - 1, zone)).toBe('due');
    expect(targetState(waiting, Date.UTC(2026, 10, 2, 5, 0), zone)).toBe('overdue');
    expect(daysOverdue(targetOn, Date.UTC(2026, 10, 4, 15, 0), zone)).toBe(3);
  });

  it('Madrid: a target on the 23-hour day the clocks go forward becomes late at the next local midnight', () => {
    const zone = 'Europe/Madrid';
    const targetOn = targetDate('2026-03-15', 'soon', TARGETS);
    expect(targetOn).toBe('2026-03-29');
    // Monday 30 March 00:00 CEST (UTC+2) = 29 March 22:00 UTC; the day before, midnight was UTC+1.
    expect(overdueFrom(targetOn, zone)).toBe(Date.UTC(2026, 2, 29, 22, 0));
    const waiting = { status: 'received' as const, targetOn };
    expect(targetState(waiting, Date.UTC(2026, 2, 29, 21, 59), zone)).toBe('due');
    expect(targetState(waiting, Date.UTC(2026, 2, 29, 22, 0), zone)).toBe('overdue');
  });

  it('is never overdue once booked, seen, closed or declined', () => {
    const zone = 'Europe/Madrid';
    const long = Date.UTC(2027, 0, 1);
    for (const status of ['booked', 'seen', 'closed', 'declined'] as const) {
      expect(targetState({ status, targetOn: '2026-03-29' }, long, zone)).toBe('none');
    }
  });
});
