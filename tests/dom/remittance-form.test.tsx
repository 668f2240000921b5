// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { coreBridge } from './core-bridge';
import type { RemittanceForm as RemittanceFormComponent } from '../../src-renderer/src/screens/billing/RemittanceForm';

let billing: BillingClinic;
let RemittanceForm: typeof RemittanceFormComponent;

beforeAll(async () => {
  billing = await openBillingClinic();
  window.clinic = coreBridge(billing.clinic.core, 'manager').bridge;
  ({ RemittanceForm } = await import('../../src-renderer/src/screens/billing/RemittanceForm'));
});

afterAll(async () => {
  cleanup();
  await billing.clinic.close();
});

/** A submitted claim of two insured lines: the consultation (£60.00 to the insurer) and a dressing (£10.00). */
async function submittedClaim() {
  const { visitId, patientId } = await billing.visit('Ina');
  await billing.clinic.ok('desk', 'patients.addInsurance', {
    patientId,
    payer: 'Acme Health',
    memberId: 'AC-1',
    priority: 'primary',
  });
  const view = await billing.checkOut(visitId);
  const invoice = await billing.clinic.ok('desk', 'invoices.issue', {
    invoiceId: view.invoice.id,
    lines: [
      {
        id: view.invoice.lines[0]?.id,
        serviceId: billing.consId,
        quantity: 1,
        unitPriceMinor: 8000,
        insurerMinor: 6000,
      },
      { serviceId: billing.dressId, quantity: 1, unitPriceMinor: 1250, insurerMinor: 1000 },
    ],
  });
  const claim = await billing.clinic.ok('manager', 'claims.create', { invoiceId: invoice.id });
  await billing.clinic.ok('manager', 'claims.move', { claimId: claim.id, to: 'submitted' });
  return billing.clinic.ok('manager', 'claims.get', { claimId: claim.id });
}

describe('the remittance form', () => {
  it("puts main's refusal beside the line it is about, when the lines above it were left blank", async () => {
    const claim = await submittedClaim();
    const { money } = await billing.clinic.ok('manager', 'billing.settings', {});
    render(<RemittanceForm claim={claim} money={money} today={MONDAY} onPosted={() => undefined} />);

    // The consultation is left blank (not sent); the dressing's payment is more than is outstanding on it.
    fireEvent.change(screen.getByLabelText('Paid (DRESS)'), { target: { value: '50.00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post remittance' }));

    const dressingPaid = screen.getByLabelText('Paid (DRESS)');
    await waitFor(() => expect(dressingPaid.getAttribute('aria-invalid')).toBe('true'));
    const said = document.getElementById(dressingPaid.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(said).toMatch(/more than is outstanding on the line \(£10\.00\)/);
    expect(screen.getByLabelText('Paid (CONS)').getAttribute('aria-invalid')).toBeNull();

    // Corrected, the error goes before anything is sent again.
    fireEvent.change(dressingPaid, { target: { value: '10.00' } });
    await waitFor(() => expect(screen.getByLabelText('Paid (DRESS)').getAttribute('aria-invalid')).toBeNull());
  });
});
