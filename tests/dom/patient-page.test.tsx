// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { coreBridge } from './core-bridge';
import type * as CardModule from '../../src-renderer/src/screens/patients/AppointmentsCard';
import type * as FindModule from '../../src-renderer/src/screens/find/FindSlotScreen';
import type * as SheetModule from '../../src-renderer/src/screens/frame/ShortcutsSheet';
import type * as PaletteModule from '../../src-renderer/src/screens/frame/CommandPalette';
import type * as HeaderModule from '../../src-renderer/src/screens/frame/Header';
import type * as SessionModule from '../../src-renderer/src/stores/session';
import type * as SettingsModule from '../../src-renderer/src/stores/clinic-settings';

// The manual clock reads Sunday 2026-11-22 09:00 UTC (Europe/London): the week is booked, then the clock
// moves to Thursday 26th, so Monday to Wednesday are past and next week's are upcoming.
let s: SchedulingClinic;
let AppointmentsCard: typeof CardModule.AppointmentsCard;
let FindSlotScreen: typeof FindModule.FindSlotScreen;
let ShortcutsSheet: typeof SheetModule.ShortcutsSheet;
let CommandPalette: typeof PaletteModule.CommandPalette;
let Header: typeof HeaderModule.Header;
let patientId: string;
let followUpId: string;
const ids: Record<string, string> = {};
/** Every procedure the screens called, in order (the bridge records them). */
let calls: string[] = [];
/** The id of an appointment booked in beforeAll. */
function idOf(name: string): string {
  const found = ids[name];
  if (!found) throw new Error(`${name} was not booked`);
  return found;
}

async function booked(name: string, date: string, providerId?: string, typeId?: string): Promise<void> {
  const result = await s.book({
    patientId,
    start: { date, time: '10:00' },
    ...(providerId && { providerId }),
    ...(typeId && { typeId }),
  });
  if (!result.ok) throw new Error(result.error.message);
  ids[name] = result.value.id;
}

/** Moves the clock (the desk's session locks when idle that long) and signs the receptionist in again. */
async function clockAt(now: number): Promise<void> {
  s.clinic.clock.now = now;
  await s.clinic.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
}

beforeAll(async () => {
  s = await openSchedulingClinic();
  const followUp = await s.clinic.ok('admin', 'schedule.createType', {
    name: 'Follow-up',
    durationMinutes: 15,
    colour: '#aa2255',
  });
  followUpId = followUp.id;
  patientId = await s.patient('Ursula', 'Vance');
  await booked('missedMonday', '2026-11-23');
  await booked('missedTuesday', '2026-11-24', s.drBId, followUpId);
  await booked('pastWednesday', '2026-11-25');
  await booked('nextMonday', '2026-11-30');
  await booked('nextTuesday', '2026-12-01', s.drBId);
  await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: idOf('nextTuesday'), reason: 'Away' });
  // A no-show is marked on its day, after its start (10:00 in London is 10:00 UTC in November).
  for (const [day, missed] of [
    [23, idOf('missedMonday')],
    [24, idOf('missedTuesday')],
  ] as const) {
    await clockAt(Date.UTC(2026, 10, day, 11, 0, 0));
    await s.clinic.ok('desk', 'appointments.setStatus', { appointmentId: missed, status: 'no_show' });
  }
  await clockAt(Date.UTC(2026, 10, 26, 9, 0, 0));

  const bridge = coreBridge(s.clinic.core, 'desk');
  window.clinic = bridge.bridge;
  calls = bridge.calls;
  ({ AppointmentsCard } = await import('../../src-renderer/src/screens/patients/AppointmentsCard'));
  ({ FindSlotScreen } = await import('../../src-renderer/src/screens/find/FindSlotScreen'));
  ({ ShortcutsSheet } = await import('../../src-renderer/src/screens/frame/ShortcutsSheet'));
  ({ CommandPalette } = await import('../../src-renderer/src/screens/frame/CommandPalette'));
  ({ Header } = await import('../../src-renderer/src/screens/frame/Header'));
  const session: typeof SessionModule.useSession = (await import('../../src-renderer/src/stores/session')).useSession;
  const info = await s.clinic.ok('desk', 'auth.session', {});
  if (!info) throw new Error('desk is not signed in');
  act(() => session.getState().signedIn(info));
  const settings: typeof SettingsModule = await import('../../src-renderer/src/stores/clinic-settings');
  settings.useClinicSettings.getState().set(await s.clinic.ok('desk', 'settings.get', {}));
});

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

afterAll(async () => {
  await s.clinic.close();
});

/** The rows of one of the card's tables as "when · status · provider · type · location · action". */
function rowsOf(caption: string): string[] {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '')
        .join(' · '),
    );
}

describe("the patient page's appointments", () => {
  it('splits upcoming from past (newest first), counts the no-shows and offers Rebook from past and cancelled ones', async () => {
    render(<AppointmentsCard patientId={patientId} canRebook />);
    const card = await screen.findByRole('region', { name: 'Appointments' });
    await waitFor(() => expect(within(card).getByText('2 no-shows in the last 12 months')).toBeTruthy());
    await waitFor(() => expect(rowsOf('Upcoming')[0]).toContain('Dr Ana Ortiz'));
    expect(rowsOf('Upcoming')).toEqual([
      expect.stringMatching(/30.*10:00 · booked · Dr Ana Ortiz · Consultation · Main Street · $/),
      expect.stringMatching(/1.*10:00 · cancelled · Dr Ben Lee · Consultation · Main Street · Rebook$/),
    ]);
    expect(rowsOf('Past')).toEqual([
      expect.stringMatching(/25.*· booked · Dr Ana Ortiz · Consultation · Main Street · Rebook$/),
      expect.stringMatching(/24.*· no-show · Dr Ben Lee · Follow-up · Main Street · Rebook$/),
      expect.stringMatching(/23.*· no-show · Dr Ana Ortiz · Consultation · Main Street · Rebook$/),
    ]);
    expect(within(card).queryByRole('button', { name: 'Show more past appointments' })).toBeNull();
  });

  it('Rebook opens Find a slot with the provider and type of the missed appointment, replacing it', async () => {
    render(<AppointmentsCard patientId={patientId} canRebook />);
    const rebook = await screen.findByRole('link', { name: /^Rebook Follow-up of .*24/ });
    const href = rebook.getAttribute('href') ?? '';
    expect(href).toBe(`#/find/${patientId}/${s.drBId}/${idOf('missedTuesday')}/${followUpId}`);
    // A past appointment that was kept is rebooked without replacing it.
    const kept = screen.getByRole('link', { name: /^Rebook Consultation of .*25/ });
    expect(kept.getAttribute('href')).toBe(`#/find/${patientId}/${s.drAId}//${s.consultId}`);
    cleanup();

    window.location.hash = href;
    render(<FindSlotScreen />);
    await waitFor(() =>
      expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Appointment type' }).value).toBe(followUpId),
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Provider' }).value).toBe(s.drBId);
    expect(await screen.findByText(/Booking again/i)).toBeTruthy();
  });

  it('shows the newest ten past appointments and more on "Show more"', async () => {
    const other = await s.patient('Many', 'Visits');
    // Eleven weekdays before the clock's Thursday 26th, booked with the clock moved back to the 1st.
    const now = s.clinic.clock.now;
    await clockAt(Date.UTC(2026, 10, 1, 9, 0, 0));
    const dates = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16'].map((d) => `2026-11-${d}`);
    for (const date of dates) {
      const result = await s.book({ patientId: other, start: { date, time: '09:00' } });
      if (!result.ok) throw new Error(result.error.message);
    }
    await clockAt(now);
    render(<AppointmentsCard patientId={other} canRebook={false} />);
    const more = await screen.findByRole('button', { name: 'Show more past appointments' });
    expect(rowsOf('Past')).toHaveLength(10);
    expect(screen.getByText('No no-shows in the last 12 months')).toBeTruthy();
    fireEvent.click(more);
    await waitFor(() => expect(rowsOf('Past')).toHaveLength(11));
    expect(screen.queryByRole('button', { name: 'Show more past appointments' })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Rebook/ })).toBeNull();
  });

  it("reads again (an audited read) for a booking of its own patient, not for another patient's", async () => {
    render(<AppointmentsCard patientId={patientId} canRebook />);
    await waitFor(() => expect(rowsOf('Upcoming')).toHaveLength(2));
    const reads = () => calls.filter((name) => name === 'appointments.ofPatient').length;
    const before = reads();
    const someoneElse = await s.patient('Other', 'Person');
    const elsewhere = await s.book({ patientId: someoneElse, start: { date: '2026-12-14', time: '11:00' } });
    if (!elsewhere.ok) throw new Error(elsewhere.error.message);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reads()).toBe(before);
    await booked('later', '2026-12-14');
    await waitFor(() => expect(rowsOf('Upcoming')).toHaveLength(3));
    expect(reads()).toBe(before + 1);
  });
});

describe('the shortcuts sheet (?) and the Search button', () => {
  const key = (name: string, options: Partial<KeyboardEventInit> = {}) =>
    fireEvent.keyDown(document.activeElement ?? document.body, { key: name, ...options });

  it('opens on ? outside a text field, lists the keys, keeps the focus inside and gives it back on Escape', async () => {
    render(
      <>
        <button type="button">Somewhere on the screen</button>
        <input aria-label="A text field" />
        <ShortcutsSheet />
      </>,
    );
    screen.getByRole('textbox', { name: 'A text field' }).focus();
    key('?', { shiftKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();

    const before = screen.getByRole('button', { name: 'Somewhere on the screen' });
    before.focus();
    key('?', { shiftKey: true });
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const close = within(sheet).getByRole('button', { name: 'Close' });
    await waitFor(() => expect(document.activeElement).toBe(close));
    const text = sheet.textContent ?? '';
    for (const words of ['Ctrl+K', 'lock the screen', 'previous or next day', 'call to room', 'add a service'])
      expect(text).toContain(words);
    expect(within(sheet).getByRole('heading', { name: 'Flow board' })).toBeTruthy();
    key('Tab');
    expect(document.activeElement).toBe(close);

    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(before));
  });

  it("opens the search from the header's Search (Ctrl+K) button and gives the focus back to it", async () => {
    render(
      <>
        <Header onLock={() => undefined} />
        <CommandPalette />
      </>,
    );
    const button = screen.getByRole('button', { name: 'Search (Ctrl+K)' });
    button.focus();
    fireEvent.click(button);
    const search = screen.getByRole('combobox', { name: 'Patient, screen or action' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
  });
});
