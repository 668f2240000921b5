// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { coreBridge } from './core-bridge';
import { messageOf } from './field-message';
import type { InvoiceEditor as InvoiceEditorComponent } from '../../src-renderer/src/screens/billing/InvoiceEditor';
import type { InvoiceCorrection as InvoiceCorrectionComponent } from '../../src-renderer/src/screens/billing/InvoiceCorrection';
import type { TaxesSection as TaxesSectionComponent } from '../../src-renderer/src/screens/billing/setup/TaxesSection';
import type { ServicesSection as ServicesSectionComponent } from '../../src-renderer/src/screens/billing/setup/ServicesSection';

let billing: BillingClinic;
let InvoiceEditor: typeof InvoiceEditorComponent;
let InvoiceCorrection: typeof InvoiceCorrectionComponent;
let TaxesSection: typeof TaxesSectionComponent;
let ServicesSection: typeof ServicesSectionComponent;
/** Every call that reached main from the screens: a draft checked as typed, or refused, must send none. */
let sent: string[] = [];

beforeAll(async () => {
  billing = await openBillingClinic();
  const manager = coreBridge(billing.clinic.core, 'manager').bridge;
  window.clinic = {
    ...manager,
    invoke: (name, input) => {
      sent.push(name);
      return manager.invoke(name, input);
    },
  };
  ({ InvoiceEditor } = await import('../../src-renderer/src/screens/billing/InvoiceEditor'));
  ({ InvoiceCorrection } = await import('../../src-renderer/src/screens/billing/InvoiceCorrection'));
  ({ TaxesSection } = await import('../../src-renderer/src/screens/billing/setup/TaxesSection'));
  ({ ServicesSection } = await import('../../src-renderer/src/screens/billing/setup/ServicesSection'));
});

beforeEach(() => {
  sent = [];
});

afterEach(cleanup);

afterAll(async () => {
  await billing.clinic.close();
});

/** What main answers, field by field, for this input: the words the form must show before sending. */
async function mainSays(
  ...args: Parameters<BillingClinic['clinic']['core']['invoke']>
): Promise<Record<string, string>> {
  const answer = await billing.clinic.core.invoke(...args);
  return answer.ok ? {} : (answer.error.details?.fields ?? {});
}

describe('billing forms check their draft with main’s schema as it is typed', () => {
  it('marks an invoice line’s quantity main would refuse in its words, and refuses the save without sending', async () => {
    const { visitId } = await billing.visit('Lia');
    const view = await billing.checkOut(visitId);
    const line = view.invoice.lines[0];
    expect(line).toBeDefined();
    const says = await mainSays('manager', 'invoices.saveDraft', {
      invoiceId: view.invoice.id,
      lines: [{ id: line?.id, serviceId: line?.serviceId ?? null, quantity: 0, unitPriceMinor: 6500 }],
    });
    expect(says['lines.0.quantity']).toBe('must be at least 1');
    render(
      <InvoiceEditor
        invoice={view.invoice}
        services={view.services}
        taxes={view.taxes}
        money={view.money}
        onChanged={() => undefined}
      />,
    );

    fireEvent.change(screen.getByLabelText('Quantity, line 1'), { target: { value: '0' } });
    await waitFor(() => expect(messageOf('Quantity, line 1')).toBe('must be at least 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Save lines' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/correct/i));
    expect(messageOf('Quantity, line 1')).toBe('must be at least 1');
    expect(sent, 'nothing was sent to main').toEqual([]);

    fireEvent.change(screen.getByLabelText('Quantity, line 1'), { target: { value: '2' } });
    expect(messageOf('Quantity, line 1')).toBe('');
  });

  it('says a write-off of nothing is refused, in main’s words beside the amount, and sends nothing', async () => {
    const { visitId, patientId } = await billing.visit('Mae');
    const view = await billing.checkOut(visitId);
    await billing.clinic.ok('manager', 'invoices.issue', { invoiceId: view.invoice.id });
    const account = await billing.clinic.ok('manager', 'accounts.get', { patientId });
    const invoice = account.invoices.find((candidate) => candidate.id === view.invoice.id);
    if (!invoice) throw new Error('the issued invoice is on the account');
    const says = await mainSays('manager', 'accounts.adjust', {
      invoiceId: invoice.id,
      amountMinor: 0,
      reasonCode: 'small_balance',
      note: null,
    });
    expect(says.amountMinor).toBe('must be more than zero');
    render(
      <InvoiceCorrection
        invoice={invoice}
        kind="writeOff"
        money={view.money}
        onDone={() => undefined}
        onCancel={() => undefined}
      />,
    );
    const amount = `Write-off amount (${view.money.currency})`;

    fireEvent.change(screen.getByLabelText(amount), { target: { value: '0.00' } });
    await waitFor(() => expect(messageOf(amount)).toBe('must be more than zero'));
    fireEvent.click(screen.getByRole('button', { name: 'Write off' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/correct/i));
    expect(sent, 'nothing was sent to main').toEqual([]);

    // The form's own reading of money goes first: a second decimal point is said as such.
    fireEvent.change(screen.getByLabelText(amount), { target: { value: '1.0.0' } });
    await waitFor(() => expect(messageOf(amount)).not.toBe('must be more than zero'));
    expect(messageOf(amount)).not.toBe('');
  });

  it('checks a tax as typed: the rate as a percentage, the name by main’s rule, and sends nothing until both are right', async () => {
    const { taxes } = await billing.clinic.ok('manager', 'billing.setup', {});
    const longName = 'V'.repeat(61);
    const says = await mainSays('manager', 'fees.saveTax', { name: longName, ratePpm: 50_000, inclusive: false });
    expect(says.name).toMatch(/60/);
    render(<TaxesSection taxes={taxes} onSaved={() => undefined} />);

    fireEvent.change(screen.getByLabelText('Tax name'), { target: { value: longName } });
    fireEvent.change(screen.getByLabelText('Rate (%)'), { target: { value: '150' } });
    await waitFor(() => expect(messageOf('Tax name')).toBe(says.name));
    expect(messageOf('Rate (%)')).toMatch(/100/);
    fireEvent.click(screen.getByRole('button', { name: 'Add tax' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/correct/i));
    expect(sent, 'nothing was sent to main').toEqual([]);

    fireEvent.change(screen.getByLabelText('Tax name'), { target: { value: 'Reduced rate' } });
    fireEvent.change(screen.getByLabelText('Rate (%)'), { target: { value: '5' } });
    expect(messageOf('Tax name')).toBe('');
    expect(messageOf('Rate (%)')).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Add tax' }));
    await waitFor(() => expect(sent).toEqual(['fees.saveTax']));
  });

  it('edits a service in the add form, cancels back to adding, and retires and brings one back from its row', async () => {
    const setup = await billing.clinic.ok('manager', 'billing.setup', {});
    const money = setup.settings.money;
    const view = render(
      <ServicesSection services={setup.services} taxes={setup.taxes} money={money} onSaved={() => undefined} />,
    );
    const serviceNamed = async (code: string) =>
      (await billing.clinic.ok('manager', 'billing.setup', {})).services.find((service) => service.code === code);

    // Edit fills the form with the row and turns Add into Save and Cancel.
    fireEvent.click(screen.getByRole('button', { name: 'Edit CONS' }));
    expect(screen.getByLabelText<HTMLInputElement>('Service name').value).toBe('Consultation');
    expect(screen.getByRole('form', { name: 'Edit service CONS' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText<HTMLInputElement>('Service name').value).toBe('');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(sent).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Edit CONS' }));
    fireEvent.change(screen.getByLabelText('Service name'), { target: { value: 'Long consultation' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save service' }));
    expect(await screen.findByText('Saved CONS · Long consultation.')).toBeTruthy();
    expect((await serviceNamed('CONS'))?.name).toBe('Long consultation');
    expect(screen.getByRole('button', { name: 'Add service' })).toBeTruthy();

    // Retire from the row sends the service as it is, retired; the fresh list offers Bring back.
    const row = screen.getByRole('row', { name: /DRESS/ });
    fireEvent.click(within(row).getByRole('button', { name: 'Retire' }));
    await waitFor(async () => expect((await serviceNamed('DRESS'))?.active).toBe(false));
    const retired = await billing.clinic.ok('manager', 'billing.setup', {});
    view.rerender(
      <ServicesSection services={retired.services} taxes={retired.taxes} money={money} onSaved={() => undefined} />,
    );
    fireEvent.click(within(screen.getByRole('row', { name: /DRESS/ })).getByRole('button', { name: 'Bring back' }));
    await waitFor(async () => expect((await serviceNamed('DRESS'))?.active).toBe(true));
    expect(sent).toEqual(['fees.saveService', 'fees.saveService', 'fees.saveService']);
  });
});
