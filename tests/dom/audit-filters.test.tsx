// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { coreBridge } from './core-bridge';
import type { AuditScreen as AuditScreenComponent } from '../../src-renderer/src/screens/audit/AuditScreen';

let clinic: TestClinic;
let AuditScreen: typeof AuditScreenComponent;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const patient = await clinic.ok('admin', 'patients.create', {
    firstName: 'Ada',
    lastName: 'Byron',
    dob: '1985-12-10',
  });
  await clinic.ok('admin', 'patients.get', { patientId: patient.id });
  window.clinic = coreBridge(clinic.core, 'admin').bridge;
  ({ AuditScreen } = await import('../../src-renderer/src/screens/audit/AuditScreen'));
});

afterAll(async () => {
  cleanup();
  await clinic.close();
});

/** The action column of the log as shown. */
const shownActions = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td.mono')?.textContent ?? '');

describe('the audit screen’s Show filter', () => {
  it('lists the views of patient records alone, or everything but them', async () => {
    render(<AuditScreen />);
    await waitFor(() => expect(shownActions()).toEqual(expect.arrayContaining(['patients.get', 'patients.create'])));
    const show = screen.getByLabelText('Show');
    fireEvent.change(show, { target: { value: 'views' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(shownActions()).toEqual(['patients.get']));
    fireEvent.change(show, { target: { value: 'changes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(shownActions()).toContain('patients.create'));
    expect(shownActions()).not.toContain('patients.get');
  });
});
