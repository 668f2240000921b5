// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { coreBridge } from './core-bridge';
import { messageOf } from './field-message';
import { formatMoney } from '../../src-shared/billing/money';
import type { PaymentForm as PaymentFormComponent } from '../../src-renderer/src/screens/billing/PaymentForm';

let billing: BillingClinic;
let PaymentForm: typeof PaymentFormComponent;
let invokes = 0;

beforeAll(async () => {
  billing = await openBillingClinic();
  const desk = coreBridge(billing.clinic.core, 'desk').bridge;
  // Counts what reaches main: checking a draft as it is typed must not send anything.
  window.clinic = {
    ...desk,
    invoke: (name, input) => {
      invokes += 1;
      return desk.invoke(name, input);
    },
  };
  ({ PaymentForm } = await import('../../src-renderer/src/screens/billing/PaymentForm'));
});

afterEach(cleanup);

afterAll(async () => {
  await billing.clinic.close();
});

/** A fresh visit's patient and the payment form for them, titled as the screen would. */
async function renderPaymentForm(firstName: string, title: string, owedMinor = 0) {
  const { patientId } = await billing.visit(firstName);
  const { money } = await billing.clinic.ok('manager', 'billing.settings', {});
  const { methods } = await billing.clinic.ok('manager', 'billing.setup', {});
  render(
    <PaymentForm
      patientId={patientId}
      money={money}
      methods={methods}
      suggestedMinor={owedMinor}
      title={title}
      onTaken={() => undefined}
    />,
  );
  return { patientId, money };
}

describe('a form checks its draft as it is typed', () => {
  it("shows main's own words beside the field once the typing stops, and takes them away when put right", async () => {
    const { patientId, money } = await renderPaymentForm('Tia', 'Take payment');
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: billing.methods.card } });
    // A fresh form is not wrong yet: the empty amount says nothing until it is touched or saved.
    expect(messageOf(`Amount (${money.currency})`)).not.toMatch(/amount/i);

    // A card number typed as the terminal's reference: main's rule, in main's words, before any save.
    const cardNumber = '4111 1111 1111 1111';
    const refused = await billing.clinic.core.invoke('desk', 'payments.take', {
      patientId,
      amountMinor: 1000,
      methodId: billing.methods.card,
      reference: cardNumber,
    });
    const mainSays = refused.ok ? '' : (refused.error.details?.fields as Record<string, string>).reference;
    expect(mainSays).toMatch(/card number/);
    const before = invokes;
    fireEvent.change(screen.getByLabelText('Terminal reference'), { target: { value: cardNumber } });
    await waitFor(() => expect(messageOf('Terminal reference')).toContain(mainSays));
    expect(invokes, 'nothing was sent to main').toBe(before);

    fireEvent.change(screen.getByLabelText('Terminal reference'), { target: { value: 'T-4471' } });
    expect(messageOf('Terminal reference')).not.toContain(mainSays);

    // Money as the clinic writes it: a second decimal point is said beside the amount.
    fireEvent.change(screen.getByLabelText(`Amount (${money.currency})`), { target: { value: '12.3.4' } });
    await waitFor(() => expect(messageOf(`Amount (${money.currency})`)).toMatch(/amount/i));
    fireEvent.change(screen.getByLabelText(`Amount (${money.currency})`), { target: { value: '12.34' } });
    expect(messageOf(`Amount (${money.currency})`)).not.toMatch(/amount/i);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('after a refused save, every problem shows at once and each goes the moment it is put right', async () => {
    const { money } = await renderPaymentForm('Uma', 'Take a deposit');
    fireEvent.click(screen.getByRole('button', { name: 'Take a deposit' }));
    await waitFor(() => expect(messageOf(`Amount (${money.currency})`)).toMatch(/amount/i));
    expect(screen.getByText('Please correct the fields marked above.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(`Amount (${money.currency})`), { target: { value: '15.00' } });
    expect(messageOf(`Amount (${money.currency})`)).not.toMatch(/amount/i);
    expect(screen.queryByText('Please correct the fields marked above.')).toBeNull();
  });
});

describe('an amount over what is owed', () => {
  it('says before it is taken that the rest stays on the account as credit', async () => {
    const { money } = await renderPaymentForm('Vic', 'Take payment', 6000);
    const amount = screen.getByLabelText(`Amount (${money.currency})`);
    expect(screen.queryByText(/more than is owed/)).toBeNull();
    fireEvent.change(amount, { target: { value: '100.00' } });
    expect(screen.getByText(/more than is owed/).textContent).toBe(
      `${formatMoney(4000, money)} more than is owed: kept as credit on the account.`,
    );
    fireEvent.change(amount, { target: { value: '60.00' } });
    expect(screen.queryByText(/more than is owed/)).toBeNull();
  });
});
