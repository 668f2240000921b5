import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notifications } from '../../src-shared/api/areas/notifications';
import { signInNurse } from '../helpers/scheduling-clinic';
import { openReminderClinic, type ReminderClinic } from '../helpers/reminder-clinic';
import { refused } from '../helpers/setup-audit';

// The reminder clinic: New York, Monday 2026-11-23 08:00 local (13:00 UTC).
const DAY = 86_400_000;
const PRIYA = { username: 'priya', displayName: 'Dr Priya Shah', password: 'consulting room 3' };
const MAX = { username: 'max', displayName: 'Max Manager', password: 'back office 44' };
const LETTER = Buffer.from('%PDF-1.4\n% a referral letter\n').toString('base64');

let r: ReminderClinic;
beforeEach(async () => {
  r = await openReminderClinic();
  await r.s.clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 240 });
  await signInNurse(r.s.clinic);
  for (const [client, person, role] of [
    ['priya', PRIYA, 'provider'],
    ['max', MAX, 'manager'],
  ] as const) {
    await r.s.clinic.ok('admin', 'users.create', { ...person, role });
    await r.s.clinic.ok(client, 'auth.login', { username: person.username, password: person.password });
  }
});
afterEach(async () => {
  await r.close();
});

const c = () => r.s.clinic;
const shown = (list: Notifications) => list.items.map((item) => `${item.kind} ${item.subject} ${item.on ?? ''}`);

async function urgentReferral(letterOn = '2026-11-23') {
  const patientId = await r.patientWith({ mobile: '+12125550101' });
  const referrer = await c().ok('desk', 'referrals.addReferrer', {
    name: 'Dr Ana Ortiz',
    organisation: 'Hudson Family Practice',
  });
  const referral = await c().ok('desk', 'referrals.create', {
    direction: 'in',
    letterOn,
    referrerId: referrer.id,
    patientId,
    reason: 'Persistent knee pain',
    urgency: 'urgent',
    letter: { fileName: 'letter.pdf', mimeType: 'application/pdf', contentBase64: LETTER },
  });
  return { patientId, referral };
}

describe('referrals in', () => {
  it('records a letter in the patient’s documents and moves received → triaged → booked with its appointment', async () => {
    const { patientId, referral } = await urgentReferral();
    expect(referral).toMatchObject({ status: 'received', targetOn: '2026-11-26', targetState: 'due' });
    const documents = await c().ok('desk', 'documents.list', { patientId });
    expect(documents.map((d) => [d.id, d.kind])).toEqual([[referral.letterDocumentId, 'referral']]);

    const early = refused(
      await c().call('desk', 'referrals.move', { referralId: referral.id, to: 'booked', appointmentId: referral.id }),
    );
    expect(early.message).toBe('A referral in that is received cannot be booked: triage it first.');
    await c().ok('desk', 'referrals.move', { referralId: referral.id, to: 'triaged' });

    const other = await r.patientWith({ mobile: '+12125550102' });
    const theirs = await r.book(other, '2026-11-25', '10:00');
    const wrong = refused(
      await c().call('desk', 'referrals.move', { referralId: referral.id, to: 'booked', appointmentId: theirs.id }),
    );
    expect(wrong.details?.fields).toEqual({ appointmentId: "must be an appointment of the referral's patient" });

    const appointment = await r.book(patientId, '2026-11-25', '11:00');
    const booked = await c().ok('desk', 'referrals.move', {
      referralId: referral.id,
      to: 'booked',
      appointmentId: appointment.id,
    });
    expect(booked).toMatchObject({ status: 'booked', appointmentId: appointment.id, targetState: 'none' });

    const declined = refused(await c().call('desk', 'referrals.move', { referralId: referral.id, to: 'declined' }));
    expect(declined.details?.fields).toEqual({ reason: 'say why the referral is declined' });
  });

  it('is owned by receptionists and seen by managers, not by nurses or providers', async () => {
    const { referral } = await urgentReferral();
    expect((await c().ok('max', 'referrals.list', {})).map((v) => v.id)).toEqual([referral.id]);
    expect(refused(await c().call('nurse', 'referrals.list', {})).code).toBe('FORBIDDEN');
    expect(refused(await c().call('priya', 'referrals.get', { referralId: referral.id })).code).toBe('FORBIDDEN');
  });

  it('rings the bell of those who own referrals once past target, without the patient’s name', async () => {
    await urgentReferral('2026-11-18');
    // Letter 18 November, urgent (3 days): target 21 November, late from 22 November: now (23rd) it is.
    const desk = await c().ok('desk', 'notifications.list', {});
    expect(shown(desk)).toEqual(['referral_overdue Dr Ana Ortiz 2026-11-21']);
    expect(JSON.stringify(desk)).not.toContain('Maria');
    expect(shown(await c().ok('max', 'notifications.list', {}))).toEqual(['referral_overdue Dr Ana Ortiz 2026-11-21']);
    expect(shown(await c().ok('nurse', 'notifications.list', {}))).toEqual([]);
    expect(shown(await c().ok('priya', 'notifications.list', {}))).toEqual([]);
  });

  it('says when the next referral falls overdue, and the bell is refused while the screen is locked', async () => {
    await urgentReferral('2026-11-23');
    const list = await c().ok('desk', 'notifications.list', {});
    expect(list.items).toEqual([]);
    // Target 26 November; late from 27 November 00:00 in New York (05:00 UTC).
    expect(list.nextChangeAt).toBe(Date.UTC(2026, 10, 27, 5, 0));
    c().clock.advance(4 * DAY);
    // Four days idle locked every screen: the manager signs in again.
    await c().ok('max', 'auth.login', { username: MAX.username, password: MAX.password });
    expect(shown(await c().ok('max', 'notifications.list', {}))).toEqual(['referral_overdue Dr Ana Ortiz 2026-11-26']);
    await c().ok('max', 'auth.lock', {});
    expect(refused(await c().call('max', 'notifications.list', {})).code).toBe('LOCKED');
  });
});

describe('target days per urgency', () => {
  it('are a clinic setting managers change (not receptionists); the work list follows at once', async () => {
    const { referral } = await urgentReferral('2026-11-23');
    expect(await c().ok('desk', 'referrals.targets', {})).toEqual({ urgentDays: 3, soonDays: 14, routineDays: 42 });
    const targets = { urgentDays: 1, soonDays: 10, routineDays: 30 };
    expect(refused(await c().call('desk', 'referrals.saveTargets', targets)).code).toBe('FORBIDDEN');
    const bad = refused(await c().call('max', 'referrals.saveTargets', { ...targets, soonDays: 400 }));
    expect(bad.details?.fields).toEqual({ soonDays: 'must be at most 365 days' });
    await c().ok('max', 'referrals.saveTargets', targets);
    expect(await c().ok('desk', 'referrals.get', { referralId: referral.id })).toMatchObject({
      targetOn: '2026-11-24',
    });
  });
});

describe('referrals out', () => {
  it('moves sent → acknowledged → seen → closed and refuses to go back', async () => {
    const patientId = await r.patientWith({ mobile: '+12125550103' });
    const clinic = await c().ok('desk', 'referrals.addReferrer', { name: 'Eye clinic', organisation: 'Mount Sinai' });
    const out = await c().ok('desk', 'referrals.create', {
      direction: 'out',
      letterOn: '2026-11-23',
      referrerId: clinic.id,
      patientId,
      reason: 'Cataract review',
    });
    expect(out).toMatchObject({ status: 'sent', targetState: 'none' });
    for (const to of ['acknowledged', 'seen', 'closed'] as const) {
      await c().ok('desk', 'referrals.move', { referralId: out.id, to });
    }
    const back = refused(await c().call('desk', 'referrals.move', { referralId: out.id, to: 'seen' }));
    expect(back.message).toBe(
      'A referral out that is closed cannot become seen: it is finished (record a new referral instead).',
    );
    expect((await c().ok('desk', 'referrals.list', { direction: 'out', status: 'closed' })).map((v) => v.id)).toEqual([
      out.id,
    ]);
  });
});
