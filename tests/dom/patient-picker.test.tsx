// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PatientSearchRow } from '../../src-shared/patients/model';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { coreBridge } from './core-bridge';
import type * as PickerModule from '../../src-renderer/src/components/PatientPicker';

let clinic: TestClinic;
let PatientPicker: typeof PickerModule.PatientPicker;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  for (const firstName of ['Ada', 'Alma', 'Aria']) {
    await clinic.ok('admin', 'patients.create', { firstName, lastName: 'Keyboard', dob: '1980-05-04' });
  }
  window.clinic = coreBridge(clinic.core, 'admin').bridge;
  ({ PatientPicker } = await import('../../src-renderer/src/components/PatientPicker'));
});

afterEach(cleanup);

afterAll(async () => {
  await clinic.close();
});

/** The picker in a form, as the booking panel holds it; a submit is counted, never sent. */
function Booking({ onSubmit }: { onSubmit: () => void }) {
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <PatientPicker patient={patient} onChange={setPatient} error={undefined} idPrefix="book" />
      <button type="submit">Book</button>
    </form>
  );
}

async function typed(text: string): Promise<HTMLElement> {
  const box = screen.getByLabelText('Patient');
  box.focus();
  fireEvent.change(box, { target: { value: text } });
  await waitFor(() => expect(screen.getAllByRole('button', { name: /Keyboard/ })).toHaveLength(3));
  return box;
}

describe('the patient picker from the keyboard', () => {
  it('goes down into the matches and back up to the box with the arrow keys; a match taken leaves the focus on Change', async () => {
    let submits = 0;
    render(<Booking onSubmit={() => (submits += 1)} />);
    const box = await typed('keyboard');
    const matches = screen.getAllByRole('button', { name: /Keyboard/ });

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(matches[0]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(matches[1]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    fireEvent.click(document.activeElement as Element);
    expect(await screen.findByText('Keyboard, Alma')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change' })));
    expect(submits).toBe(0);
  });

  it('takes the first match on Enter in the box instead of sending the form without a patient', async () => {
    let submits = 0;
    render(<Booking onSubmit={() => (submits += 1)} />);
    const box = await typed('keyboard');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change' })));
    expect(screen.getByText('Keyboard, Ada')).toBeTruthy();
    expect(submits).toBe(0);
  });
});
