// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { coreBridge } from './core-bridge';
import type { AccountScreen as AccountScreenComponent } from '../../src-renderer/src/screens/billing/AccountScreen';
import type * as SettingsModule from '../../src-renderer/src/stores/clinic-settings';

let billing: BillingClinic;
let AccountScreen: typeof AccountScreenComponent;

beforeAll(async () => {
  billing = await openBillingClinic();
  // The manager's window: a real core behind window.clinic, as the preload would give it.
  window.clinic = coreBridge(billing.clinic.core, 'manager').bridge;
  ({ AccountScreen } = await import('../../src-renderer/src/screens/billing/AccountScreen'));
  // A day-first clinic: the dates on the screen are written its way, not as stored.
  const settings: typeof SettingsModule = await import('../../src-renderer/src/stores/clinic-settings');
  const stored = await billing.clinic.ok('manager', 'settings.get', {});
  settings.useClinicSettings.getState().set({ ...stored, dateFormat: 'DD/MM/YYYY' });
});

afterAll(async () => {
  cleanup();
  await billing.clinic.close();
});

/** The figure beside a term of the account summary ("Credit" → "£20.00"). */
const summaryValue = (term: string): string => {
  const row = within(screen.getByLabelText('Account summary')).getByText(term, { selector: 'dt' }).closest('div');
  return row?.querySelector('dd')?.textContent ?? '';
};

describe('the patient account screen', () => {
  it("shows the patient's account and follows a payment taken at another desk without being asked", async () => {
    const { patientId } = await billing.visit('Lena');
    render(<AccountScreen patientId={patientId} />);
    await screen.findByRole('heading', { name: /^Account: / });
    expect(summaryValue('Credit')).toBe('£0.00');

    // The receptionist's desk takes a £20.00 deposit: main pushes billing.changed, the screen reads again.
    await billing.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 2000,
      methodId: billing.methods.card,
      reference: 'terminal 0042',
    });
    await waitFor(() => expect(summaryValue('Credit')).toBe('£20.00'));
    expect(within(screen.getByRole('table', { name: 'Ledger' })).getAllByRole('row').length).toBeGreaterThan(1);
    // The day it counts for, in the clinic's date format.
    expect(screen.getByRole('row', { name: /^Payment £20\.00 Card \d{2}\/\d{2}\/\d{4}$/ })).toBeTruthy();
  });
});
