// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { coreBridge } from './core-bridge';
import { messageOf } from './field-message';
import type { LocationsSection as LocationsSectionComponent } from '../../src-renderer/src/screens/scheduling-setup/LocationsSection';
import type * as SetupListsModule from '../../src-renderer/src/screens/scheduling-setup/setup-lists';
import type { AppointmentPanel as AppointmentPanelComponent } from '../../src-renderer/src/screens/calendar/AppointmentPanel';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London.
const MONDAY = '2026-11-23';
let s: SchedulingClinic;
/** Every procedure the screens under test sent to main, in order. */
let calls: string[];
let LocationsSection: typeof LocationsSectionComponent;
let setupLists: typeof SetupListsModule;
let AppointmentPanel: typeof AppointmentPanelComponent;

beforeAll(async () => {
  s = await openSchedulingClinic();
  const admin = coreBridge(s.clinic.core, 'admin');
  window.clinic = admin.bridge;
  calls = admin.calls;
  ({ LocationsSection } = await import('../../src-renderer/src/screens/scheduling-setup/LocationsSection'));
  setupLists = await import('../../src-renderer/src/screens/scheduling-setup/setup-lists');
  ({ AppointmentPanel } = await import('../../src-renderer/src/screens/calendar/AppointmentPanel'));
});

afterEach(cleanup);

afterAll(async () => {
  await s.clinic.close();
});

/** Main's words for one field of a refused call. */
function fieldOf(result: { ok: boolean; error?: { details?: unknown } }, field: string): string {
  const details = result.ok ? undefined : (result.error?.details as { fields?: Record<string, string> } | undefined);
  return details?.fields?.[field] ?? '';
}

/** A section as its screen shows it: over the set-up lists the screen has read. */
function InSetupScreen() {
  const { lists } = setupLists.useSetupReads(MONDAY);
  if (!lists) return null;
  return (
    <setupLists.SetupListsProvider lists={lists}>
      <LocationsSection />
    </setupLists.SetupListsProvider>
  );
}

describe('scheduling set-up forms check their draft as it is typed (useSetupSave)', () => {
  it("says main's words beside a too-long location name, refuses the save without sending it, and lets go once fixed", async () => {
    render(<InSetupScreen />);
    // The lists are read before the form shows: those reads are not the form's.
    await screen.findByLabelText('Location name');
    const tooLong = 'North '.repeat(21);
    const mainSays = fieldOf(await s.clinic.call('admin', 'schedule.createLocation', { name: tooLong }), 'name');
    expect(mainSays).toBe('must be at most 120 characters');
    const before = calls.length;

    fireEvent.change(screen.getByLabelText('Location name'), { target: { value: tooLong } });
    await waitFor(() => expect(messageOf('Location name')).toContain(mainSays));
    fireEvent.click(screen.getByRole('button', { name: 'Add location' }));
    expect(await screen.findByText('Please correct the fields marked above.')).toBeTruthy();
    expect(calls.slice(before), 'nothing was sent to main').toEqual([]);

    fireEvent.change(screen.getByLabelText('Location name'), { target: { value: 'North Street' } });
    expect(messageOf('Location name')).not.toContain(mainSays);
    expect(screen.queryByText('Please correct the fields marked above.')).toBeNull();
  });
});

describe('cancelling an appointment checks its reason as it is typed', () => {
  it("says main's words beside a too-long reason and refuses the cancel without sending it", async () => {
    const patientId = await s.patient('Cara');
    const booked = await s.book({ patientId, start: { date: MONDAY, time: '10:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    const appointment = booked.value;
    render(
      <AppointmentPanel
        appointment={appointment}
        provider={undefined}
        providers={[]}
        rooms={[]}
        dateLabel="Monday"
        canWrite
        notice={null}
        onCancelled={() => undefined}
        onChanged={() => undefined}
        onClose={() => undefined}
      />,
    );
    const tooLong = 'x'.repeat(501);
    const mainSays = fieldOf(
      await s.clinic.call('admin', 'appointments.cancel', { appointmentId: appointment.id, reason: tooLong }),
      'reason',
    );
    expect(mainSays).toBe('must be at most 500 characters');

    fireEvent.change(screen.getByLabelText('Reason for cancelling'), { target: { value: tooLong } });
    await waitFor(() => expect(messageOf('Reason for cancelling')).toContain(mainSays));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel appointment' }));
    expect(await screen.findByText('Please correct the fields marked above.')).toBeTruthy();
    expect(calls, 'the cancel was not sent').not.toContain('appointments.cancel');

    fireEvent.change(screen.getByLabelText('Reason for cancelling'), { target: { value: 'Feeling better' } });
    expect(messageOf('Reason for cancelling')).not.toContain(mainSays);
  });
});
