// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../src-shared/scheduling/model';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { coreBridge } from './core-bridge';
import type * as BookingPanelModule from '../../src-renderer/src/screens/calendar/BookingPanel';

/** A Monday after the test clock's today, inside Dr Ortiz's hours (09:00–17:00, lunch 12:30–13:30). */
const MONDAY = '2026-11-30';

let s: SchedulingClinic;
let BookingPanel: typeof BookingPanelModule.BookingPanel;

beforeAll(async () => {
  s = await openSchedulingClinic();
  window.clinic = coreBridge(s.clinic.core, 'desk').bridge;
  ({ BookingPanel } = await import('../../src-renderer/src/screens/calendar/BookingPanel'));
});

afterEach(cleanup);

afterAll(async () => {
  await s.clinic.close();
});

/** The panel as the calendar opens it on Dr Ortiz's empty slot at `minute`, with the clinic's own set-up. */
async function openPanel(minute: number): Promise<{ booked: AppointmentView[] }> {
  const providers = await s.clinic.ok('desk', 'schedule.listProviders', {});
  const types = await s.clinic.ok('desk', 'schedule.listTypes', {});
  const rooms = await s.clinic.ok('desk', 'schedule.listRooms', { locationId: s.mainId });
  const provider = providers.find((candidate) => candidate.id === s.drAId);
  if (!provider) throw new Error('no Dr Ortiz');
  const booked: AppointmentView[] = [];
  render(
    <BookingPanel
      provider={provider}
      date={MONDAY}
      dateLabel="Monday 30 November"
      minute={minute}
      types={types}
      rooms={rooms}
      onBooked={(view) => booked.push(view)}
      onClose={() => undefined}
    />,
  );
  return { booked };
}

async function choosePatient(lastName: RegExp): Promise<void> {
  const box = screen.getByLabelText('Patient');
  fireEvent.change(box, { target: { value: 'Panel' } });
  fireEvent.click(await screen.findByRole('button', { name: lastName }));
  await screen.findByRole('button', { name: 'Change' });
}

describe('the booking panel', () => {
  it("shows main's reasons in the alert when the slot was taken meanwhile, and books once a free time is chosen", async () => {
    const first = await s.patient('Ivy', 'Panel');
    const otto = await s.patient('Otto', 'Panelist');
    // Another desk books 10:00 after this panel opened on it.
    const { booked } = await openPanel(10 * 60);
    await s.book({ patientId: first, start: { date: MONDAY, time: '10:00' } });

    await choosePatient(/Panelist/);
    fireEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not booked:')).toBeTruthy();
    // The words are main's own: the same booking asked of main directly gives the same reasons.
    const refused = await s.book({ patientId: otto, start: { date: MONDAY, time: '10:00' } });
    const reasons = refused.ok ? [] : (refused.error.details?.problems as { message: string }[]);
    const listed = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(listed).toEqual(reasons.map((reason) => reason.message));
    expect(listed.join(' ')).toMatch(/Dr Ana Ortiz is already booked 10:00/);
    expect(booked).toEqual([]);

    cleanup();
    const again = await openPanel(11 * 60);
    await choosePatient(/Panelist/);
    fireEvent.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(again.booked).toHaveLength(1));
    expect(again.booked[0]).toMatchObject({ providerId: s.drAId, start: expect.any(Number) as number });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
