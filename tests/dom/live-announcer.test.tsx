// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { cloneDesk, deskOf, exchangeAll, type Desk } from '../helpers/sync-desks';
import { coreBridge } from './core-bridge';
import type * as AnnouncerModule from '../../src-renderer/src/screens/frame/LiveAnnouncer';
import type * as SessionModule from '../../src-renderer/src/stores/session';

// Desk A is the window under test (the receptionist's, through a bridge over its real core); desk B is
// another desk of the same clinic, a copy of A, whose changes reach A as a sync would hand them on.
let s: SchedulingClinic;
let a: Desk;
let b: Desk;
let LiveAnnouncer: typeof AnnouncerModule.LiveAnnouncer;
let calls: string[] = [];

beforeAll(async () => {
  s = await openSchedulingClinic({ now: Date.UTC(2026, 10, 23, 9, 0, 0) });
  a = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => undefined);
  b = await cloneDesk(a, 'B');
  a.core.database.handle.prepare("UPDATE sync_state SET desk_code = 'A'").run();
  b.core.database.handle.prepare("UPDATE sync_state SET desk_code = 'B'").run();
  await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
  const bridge = coreBridge(s.clinic.core, 'desk');
  window.clinic = bridge.bridge;
  calls = bridge.calls;
  ({ LiveAnnouncer } = await import('../../src-renderer/src/screens/frame/LiveAnnouncer'));
  const session: typeof SessionModule.useSession = (await import('../../src-renderer/src/stores/session')).useSession;
  const info = await s.clinic.ok('desk', 'auth.session', {});
  if (!info) throw new Error('desk is not signed in');
  act(() => session.getState().signedIn(info));
});

afterEach(() => {
  cleanup();
});

afterAll(async () => {
  await b.close();
  await s.clinic.close();
});

/** The polite live region's text. */
function announced(): string {
  const region = screen.getByTestId('live-announcer');
  expect(region.getAttribute('aria-live')).toBe('polite');
  return region.textContent ?? '';
}

describe('the live region', () => {
  it('says who arrived when any desk checks a patient in, and says nothing for other moves', async () => {
    render(<LiveAnnouncer />);
    const ursula = await s.patient('Ursula', 'Vance');
    // Another user at this desk's clinic checks her in as a walk-in: the event is pushed, not asked for.
    const visit = await s.clinic.ok('admin', 'visits.checkIn', { patientId: ursula });
    const said = `${visit.patientName} arrived (ticket ${visit.ticket}).`;
    expect(visit.patientName).toMatch(/^Vance\d*, Ursula$/);
    await waitFor(() => expect(announced()).toBe(said));
    await s.clinic.ok('admin', 'visits.move', { visitId: visit.id, to: 'roomed', roomId: s.room1Id });
    // A move is not announced: the region still holds the arrival, and nothing else was said.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(announced()).toBe(said);
  });

  it('says a booking was refused when another desk booked the same slot while apart', async () => {
    calls.length = 0;
    render(<LiveAnnouncer />);
    // The clashes open when the frame opened are not news: the region learns them first.
    await waitFor(() => expect(calls).toContain('conflicts.list'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const odile = await s.patient('Odile', 'Marchetti');
    const tobias = await s.patient('Tobias', 'Wrenfield');
    await exchangeAll([a, b]);
    const slot = { providerId: s.drAId, typeId: s.consultId, start: { date: '2026-11-24', time: '10:00' } };
    await a.ok('desk', 'appointments.book', { ...slot, patientId: odile });
    await b.ok('desk', 'appointments.book', { ...slot, patientId: tobias });
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    // The conflict names both bookings' patients (the helper numbers its made-up names).
    await waitFor(() =>
      expect(announced()).toMatch(
        /^A booking clashes with another desk’s \(Odile Marchetti\d* \/ Tobias Wrenfield\d*\)/,
      ),
    );
    expect(announced()).toContain('it waits in Conflicts for a decision');
  });
});
