// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { coreBridge } from './core-bridge';
import { messageOf } from './field-message';
import type { RegisterPatientScreen as RegisterPatientScreenComponent } from '../../src-renderer/src/screens/patients/RegisterPatientScreen';
import type * as SettingsModule from '../../src-renderer/src/stores/clinic-settings';

let clinic: TestClinic;
/** Every procedure the screen sent to main, in order (the duplicate check's reads among them). */
let calls: string[];
let RegisterPatientScreen: typeof RegisterPatientScreenComponent;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const admin = coreBridge(clinic.core, 'admin');
  window.clinic = admin.bridge;
  calls = admin.calls;
  ({ RegisterPatientScreen } = await import('../../src-renderer/src/screens/patients/RegisterPatientScreen'));
});

afterEach(cleanup);

afterAll(async () => {
  await clinic.close();
});

/** Main's words for one field when registering this patient. */
async function mainSays(input: { email?: string; phone?: string }, path: string): Promise<string> {
  const result = await clinic.call('admin', 'patients.create', {
    firstName: 'Ida',
    lastName: 'Lane',
    dob: '1980-05-04',
    email: input.email ?? null,
    phones: input.phone ? [{ kind: 'mobile', number: input.phone, isPrimary: true }] : [],
  });
  return result.ok ? '' : (result.error.details?.fields?.[path] ?? '');
}

describe('the patient form checks its draft as it is typed', () => {
  it("says main's words beside an email and a phone main refuses, refuses the save without sending it, and lets go once fixed", async () => {
    const badEmail = await mainSays({ email: 'ida@' }, 'email');
    const badPhone = await mainSays({ phone: '12' }, 'phones.0.number');
    expect(badEmail).toBe('must be an email address like name@example.com');
    expect(badPhone).toBe('must be a phone number of 6 to 15 digits');

    render(<RegisterPatientScreen />);
    fireEvent.change(screen.getByLabelText('First name'), { target: { value: 'Ida' } });
    fireEvent.change(screen.getByLabelText('Last name'), { target: { value: 'Lane' } });
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1980-05-04' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ida@' } });
    fireEvent.change(screen.getByLabelText('Mobile phone'), { target: { value: '12' } });
    await waitFor(() => expect(messageOf('Email')).toContain(badEmail));
    await waitFor(() => expect(messageOf('Mobile phone')).toContain(badPhone));

    const register = screen.getByRole('button', { name: 'Register patient' });
    register.focus();
    fireEvent.click(register);
    expect(await screen.findByText('Please correct the fields marked above.')).toBeTruthy();
    expect(calls, 'the patient was not sent').not.toContain('patients.create');
    // The first marked field on the form (the phone comes before the email) takes the focus from the
    // button: on a long form it is far above it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Mobile phone')));

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ida@example.com' } });
    expect(messageOf('Email')).not.toContain(badEmail);
    expect(messageOf('Mobile phone')).toContain(badPhone);
    fireEvent.change(screen.getByLabelText('Mobile phone'), { target: { value: '07700 900123' } });
    expect(messageOf('Mobile phone')).not.toContain(badPhone);
    expect(screen.queryByText('Please correct the fields marked above.')).toBeNull();
  });
});

describe('a phone number typed on the patient form', () => {
  it('is read back the clinic’s way before it is saved, so a number from elsewhere typed without its code shows as what it will become', async () => {
    const settings: typeof SettingsModule = await import('../../src-renderer/src/stores/clinic-settings');
    const clinicSettings = await clinic.ok('admin', 'settings.get', {});
    // A clinic in the United States: a UK mobile typed as at home becomes a US number.
    settings.useClinicSettings.getState().set({ ...clinicSettings, phoneRegion: 'US' });
    render(<RegisterPatientScreen />);
    const phone = screen.getByLabelText('Mobile phone');
    fireEvent.change(phone, { target: { value: '07700 900123' } });
    expect(messageOf('Mobile phone')).toBe('Read as (770) 090-0123');
    fireEvent.change(phone, { target: { value: '+44 7700 900123' } });
    expect(messageOf('Mobile phone')).toBe('Read as +44 7700 900123');
    fireEvent.change(phone, { target: { value: '617 555 0142' } });
    expect(messageOf('Mobile phone')).toBe('Read as (617) 555-0142');
    settings.useClinicSettings.getState().set(clinicSettings);
  });
});

describe('the sex on the patient form', () => {
  it('is offered in words from the catalogue, not as the stored codes', async () => {
    render(<RegisterPatientScreen />);
    const options = [...screen.getByLabelText<HTMLSelectElement>('Sex').options].map((option) => option.text);
    expect(options).toEqual(expect.arrayContaining(['Female', 'Male', 'Intersex', 'Unknown']));
    expect(options).not.toContain('female');
  });
});

describe('a date of birth in a clinic that writes dates MM/DD/YYYY', () => {
  /** Sets the clinic's date format for one test, then puts the clinic's settings back. */
  async function inMonthFirstClinic(run: () => Promise<void>) {
    const settings: typeof SettingsModule = await import('../../src-renderer/src/stores/clinic-settings');
    const clinicSettings = await clinic.ok('admin', 'settings.get', {});
    settings.useClinicSettings.getState().set({ ...clinicSettings, dateFormat: 'MM/DD/YYYY' });
    try {
      await run();
    } finally {
      settings.useClinicSettings.getState().set(clinicSettings);
    }
  }

  it('left blank is said to be empty, not to be written in a format the clinic does not use', async () => {
    await inMonthFirstClinic(async () => {
      render(<RegisterPatientScreen />);
      fireEvent.change(screen.getByLabelText('First name'), { target: { value: 'Ida' } });
      fireEvent.change(screen.getByLabelText('Last name'), { target: { value: 'Lane' } });
      fireEvent.click(screen.getByRole('button', { name: 'Register patient' }));
      await waitFor(() => expect(messageOf('Date of birth')).toContain('must not be empty'));
      expect(messageOf('Date of birth')).not.toContain('YYYY-MM-DD');
    });
  });

  it('typed as no real date on the walk-in form is refused in the clinic’s own format', async () => {
    const { QuickRegister } = await import('../../src-renderer/src/screens/visits/QuickRegister');
    await inMonthFirstClinic(async () => {
      render(<QuickRegister onRegistered={() => undefined} />);
      fireEvent.change(screen.getByLabelText('First name'), { target: { value: 'Ida' } });
      fireEvent.change(screen.getByLabelText('Last name'), { target: { value: 'Lane' } });
      fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '13/45/1980' } });
      fireEvent.click(screen.getByRole('button', { name: 'Register and check in' }));
      await waitFor(() => expect(messageOf('Date of birth')).toContain('must be a real date written as MM/DD/YYYY'));
      expect(calls, 'the walk-in was not sent').not.toContain('patients.create');
      fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '' } });
      fireEvent.click(screen.getByRole('button', { name: 'Register and check in' }));
      await waitFor(() => expect(messageOf('Date of birth')).toContain('must not be empty'));
    });
  });
});
