import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedReminderId } from '../../src-main/core/reminders/claims';
import { ServerReminderClaims } from '../../src-main/core/sync/reminder-claims';
import { SyncNetworkError } from '../../src-main/core/sync/transport';
import type { LocalSmtp } from '../helpers/reminder-endpoints';
import { openReminderClinic, type ReminderClinic } from '../helpers/reminder-clinic';
import { deskOver, twoDesks, type Desk } from './desk-helpers';
import { BACKENDS } from './server-helpers';

/**
 * Reminders are sent once for the clinic, not once per desk (issue 17). Two desks, each its own
 * encrypted database, a real server on loopback and a real SMTP server: both desks plan the same
 * reminders and sweep; each reminder reaches the patient once. A desk the server does not answer sends
 * nothing; a claim held by a desk that died is taken over when its lease runs out.
 *
 * The clinic is in New York; the shared clock starts on Monday 2026-11-23 08:00 there (13:00 UTC).
 */
const MINUTE = 60_000;
const WEDNESDAY = '2026-11-25';

interface OutboxRow {
  id: string;
  status: string;
  sent_at: number | null;
  recipient: string | null;
}

function outboxOf(desk: Desk, appointmentId: string): OutboxRow[] {
  return desk.core.database.handle
    .prepare(
      'SELECT id, status, sent_at, recipient FROM reminder_outbox WHERE appointment_id = ? ORDER BY offset_minutes DESC',
    )
    .all(appointmentId) as OutboxRow[];
}

function problemsOf(desk: Desk): number {
  return (desk.core.database.handle.prepare('SELECT count(*) AS n FROM sync_apply_problems').get() as { n: number }).n;
}

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`reminders from two desks of one clinic (${backend})`, () => {
    let r: ReminderClinic;
    let a: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;
    let smtp: LocalSmtp;
    const appointments: { id: string; email: string; startUtc: number }[] = [];
    const sentTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email)).length;
    const sweepBoth = () => Promise.all([a.core.sweepReminders(), pair.b.core.sweepReminders()]);

    beforeAll(async () => {
      r = await openReminderClinic();
      smtp = await r.useSmtp();
      a = deskOver(r.s.clinic.core, 'A', () => r.close());
      pair = await twoDesks(backend, a, r.s.clinic.clock);
      // Wednesday 10:00, 11:00, 12:00 and 14:00 New York (UTC-5); their 48-hour marks fall on Monday.
      for (const [index, time] of ['10:00', '11:00', '12:00', '14:00'].entries()) {
        const email = `patient${index}@example.org`;
        const booked = await r.book(await r.patientWith({ email }), WEDNESDAY, time);
        appointments.push({ id: booked.id, email, startUtc: Date.UTC(2026, 10, 25, 5 + Number(time.slice(0, 2))) });
      }
      await pair.syncBoth();
      // Each desk plans on its own, before hearing of the other's rows.
      await sweepBoth();
      await pair.syncBoth();
    }, 180_000);
    afterAll(async () => {
      await pair?.close();
      await a?.close();
    });

    it('both desks plan the same rows: they merge as one, with nothing parked', () => {
      for (const { id } of appointments) {
        const onA = outboxOf(a, id);
        expect(onA).toHaveLength(2); // 48 h and 2 h
        expect(outboxOf(pair.b, id)).toEqual(onA);
      }
      expect([problemsOf(a), problemsOf(pair.b)]).toEqual([0, 0]);
    });

    it('a reminder due on both desks, both sweeping at once, is delivered exactly once', async () => {
      const [first] = appointments;
      if (!first) throw new Error('no appointment');
      r.s.clinic.clock.now = first.startUtc - 48 * 60 * MINUTE;
      const [onA, onB] = await sweepBoth();
      expect(onA.sent + onB.sent).toBe(1);
      expect(sentTo(first.email)).toBe(1);
      await pair.syncBoth();
      // Another sweep on either desk, before or after syncing, sends nothing more.
      await sweepBoth();
      expect(sentTo(first.email)).toBe(1);
      const [fortyEight] = outboxOf(a, first.id);
      expect(fortyEight).toMatchObject({ status: 'sent', recipient: first.email });
      expect(outboxOf(pair.b, first.id)).toEqual(outboxOf(a, first.id));
    });

    it('a desk the server does not answer sends nothing; back online it adopts what the other desk sent', async () => {
      const second = appointments[1];
      if (!second) throw new Error('no appointment');
      const real = pair.b.core.syncClient.transportFor;
      pair.b.core.syncClient.useTransport(() => () => Promise.reject(new SyncNetworkError('unplugged')));
      try {
        r.s.clinic.clock.now = second.startUtc - 48 * 60 * MINUTE;
        expect((await pair.b.core.sweepReminders()).sent).toBe(0);
        expect(sentTo(second.email)).toBe(0);
        expect(outboxOf(pair.b, second.id)[0]?.status).toBe('pending');
        // B's sync status (Settings → Sync, the header's tooltip) says it holds that reminder; A holds none.
        expect(pair.b.core.syncClient.status().remindersHeld).toBe(1);
        expect((await a.core.sweepReminders()).sent).toBe(1);
        expect(a.core.syncClient.status().remindersHeld).toBe(0);
      } finally {
        pair.b.core.syncClient.useTransport(real);
      }
      // B is back but has not synced: the server's answer to its claim says A sent it.
      expect((await pair.b.core.sweepReminders()).sent).toBe(0);
      expect(pair.b.core.syncClient.status().remindersHeld).toBe(0);
      expect(sentTo(second.email)).toBe(1);
      const [onB] = outboxOf(pair.b, second.id);
      expect(onB).toMatchObject({ status: 'sent', sent_at: r.s.clinic.clock.now });
      await pair.syncBoth();
      expect(outboxOf(a, second.id)[0]?.status).toBe('sent');
      expect(outboxOf(pair.b, second.id)[0]?.status).toBe('sent');
      expect(sentTo(second.email)).toBe(1);
    });

    it('a claim held by a desk that died before sending is taken over once its lease runs out, and sent once', async () => {
      const third = appointments[2];
      if (!third) throw new Error('no appointment');
      const due = third.startUtc - 48 * 60 * MINUTE;
      r.s.clinic.clock.now = due;
      const id = plannedReminderId(third.id, 'email', 48 * 60, third.startUtc);
      expect(outboxOf(a, third.id)[0]?.id).toBe(id);
      // Desk A claims it as its sweep does first, and dies there: nothing sent, nothing settled.
      const claimed = await new ServerReminderClaims(() => a.core.syncClient).claim([id], 10 * MINUTE);
      expect(claimed !== 'offline' && claimed !== 'standalone' && claimed.get(id)?.granted).toBe(true);

      // Within the lease B leaves it alone.
      r.s.clinic.clock.now = due + 9 * MINUTE;
      expect((await pair.b.core.sweepReminders()).sent).toBe(0);
      expect(sentTo(third.email)).toBe(0);
      expect(outboxOf(pair.b, third.id)[0]?.status).toBe('pending');

      // The lease ran out: B takes it over and sends it.
      r.s.clinic.clock.now = due + 11 * MINUTE;
      expect((await pair.b.core.sweepReminders()).sent).toBe(1);
      expect(sentTo(third.email)).toBe(1);
      // A comes back: its own sweep learns from the server that B sent it.
      expect((await a.core.sweepReminders()).sent).toBe(0);
      expect(sentTo(third.email)).toBe(1);
      await pair.syncBoth();
      expect(outboxOf(a, third.id)).toEqual(outboxOf(pair.b, third.id));
      expect(outboxOf(a, third.id)[0]).toMatchObject({ status: 'sent', recipient: third.email });
      expect([problemsOf(a), problemsOf(pair.b)]).toEqual([0, 0]);
    });

    it('a desk stuck mid-send loses its claim after the lease: the other sends it, and the stuck one never does', async () => {
      const fourth = appointments[3];
      if (!fourth) throw new Error('no appointment');
      const due = fourth.startUtc - 48 * 60 * MINUTE;
      r.s.clinic.clock.now = due;
      // A's sweep claims the reminder and hands it to the mail server, which never answers.
      smtp.holding = true;
      const stuck = a.core.sweepReminders();
      for (let waited = 0; smtp.held() === 0; waited += 20) {
        if (waited > 10_000) throw new Error('A never reached the mail server');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      smtp.holding = false;
      r.s.clinic.clock.now = due + 9 * MINUTE;
      expect((await pair.b.core.sweepReminders()).sent).toBe(0);
      r.s.clinic.clock.now = due + 11 * MINUTE;
      expect((await pair.b.core.sweepReminders()).sent).toBe(1);
      expect(sentTo(fourth.email)).toBe(1);
      // A's connection drops: its send failed, and its retry later finds B sent it.
      smtp.dropHeld();
      expect(await stuck).toMatchObject({ sent: 0, retrying: 1 });
      r.s.clinic.clock.now = due + 30 * MINUTE;
      expect((await a.core.sweepReminders()).sent).toBe(0);
      expect(sentTo(fourth.email)).toBe(1);
      await pair.syncBoth();
      expect(outboxOf(a, fourth.id)[0]).toMatchObject({ status: 'sent', recipient: fourth.email });
      expect(outboxOf(pair.b, fourth.id)).toEqual(outboxOf(a, fourth.id));
      expect([problemsOf(a), problemsOf(pair.b)]).toEqual([0, 0]);
    });
  });
}
