import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { pdfText } from '../helpers/pdf-text';
import { lastAudit, refused } from '../helpers/setup-audit';

let b: BillingClinic;
beforeAll(async () => {
  b = await openBillingClinic();
});
afterAll(async () => {
  await b.clinic.close();
});

const sql = () => b.clinic.core.database.handle;

/** A patient with one issued invoice of £65.00 (a consultation). */
async function owing() {
  const { visitId, patientId } = await b.visit();
  const view = await b.checkOut(visitId);
  const invoice = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
  return { visitId, patientId, invoice };
}

const pay = (patientId: string, amountMinor: number, extra: Record<string, unknown> = {}) =>
  b.clinic.call('desk', 'payments.take', {
    patientId,
    amountMinor,
    methodId: b.methods.card,
    reference: 'TID-7',
    ...extra,
  });

describe('payments', () => {
  it('takes a copay at check-in as credit, and the invoice issued at check-out takes it, oldest credit first', async () => {
    await b.openDrawerOnce();
    const { visitId, patientId } = await b.visit();
    const copay = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 2000,
      methodId: b.methods.cash,
      reference: null,
      tenderedMinor: 5000,
      visitId,
    });
    expect(copay).toMatchObject({ allocations: [], unallocatedMinor: 2000, tenderedMinor: 5000, changeMinor: 3000 });
    expect(copay.account).toMatchObject({ balanceMinor: -2000, creditMinor: 2000 });
    b.clinic.clock.advance(60_000);
    await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 10_000,
      methodId: b.methods.card,
      reference: 'later',
    });
    const view = await b.checkOut(visitId);
    expect(view.account.creditMinor).toBe(12_000);
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
    expect(issued.patientOpenMinor).toBe(0);
    expect(issued.allocations.map((a) => [a.paymentId, a.amountMinor])).toEqual([
      [expect.any(String), 4500],
      [copay.id, 2000],
    ]);
    const account = await b.clinic.ok('desk', 'accounts.summary', { patientId });
    expect(account).toMatchObject({ balanceMinor: -5500, creditMinor: 5500, owingMinor: 0 });
  });

  it('pays the oldest invoice first by default; edited allocations are checked; never more than the payment', async () => {
    const first = await owing();
    const second = await b.clinic.ok('desk', 'invoices.create', { patientId: first.patientId });
    const issued2 = await b.clinic.ok('desk', 'invoices.issue', {
      invoiceId: second.id,
      lines: [{ serviceId: b.dressId, quantity: 2, unitPriceMinor: 1250 }],
    });
    const proposal = await b.clinic.ok('desk', 'payments.propose', { patientId: first.patientId, amountMinor: 7000 });
    expect(proposal.allocations).toEqual([
      { invoiceId: first.invoice.id, amountMinor: 6500 },
      { invoiceId: issued2.id, amountMinor: 500 },
    ]);
    const refusal = refused(
      await pay(first.patientId, 1000, { allocations: [{ invoiceId: first.invoice.id, amountMinor: 7000 }] }),
    );
    expect(refusal).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: {
          'allocations.0.amountMinor': `must not be more than the ${first.invoice.number ?? ''} still owes`,
          allocations: 'add up to more than the payment',
        },
      },
    });
    const edited = await b.clinic.ok('desk', 'payments.take', {
      patientId: first.patientId,
      amountMinor: 3000,
      methodId: b.methods.card,
      reference: null,
      allocations: [{ invoiceId: issued2.id, amountMinor: 1000 }],
    });
    expect(edited).toMatchObject({
      unallocatedMinor: 2000,
      allocations: [{ invoiceId: issued2.id, amountMinor: 1000 }],
    });
    const other = await owing();
    expect(
      refused(await pay(first.patientId, 100, { allocations: [{ invoiceId: other.invoice.id, amountMinor: 100 }] })),
    ).toMatchObject({
      details: { fields: { 'allocations.0.invoiceId': 'is not an open invoice of this patient' } },
    });
  });

  it('keeps cash in the open drawer, works out the change, and keeps card numbers out', async () => {
    const { patientId } = await owing();
    expect(
      refused(await pay(patientId, 500, { methodId: b.methods.cash, reference: null, tenderedMinor: 400 })),
    ).toMatchObject({
      details: { fields: { tenderedMinor: 'must be at least the amount (£5.00)' } },
    });
    expect(refused(await pay(patientId, 500, { tenderedMinor: 1000 }))).toMatchObject({
      details: { fields: { tenderedMinor: 'is only for cash' } },
    });
    expect(refused(await pay(patientId, 500, { reference: '4111 1111 1111 1111' }))).toMatchObject({
      details: { fields: { reference: expect.stringMatching(/card number/) as string } },
    });
  });

  it('refunds what is left of a payment and no more; reception may not refund', async () => {
    const { patientId } = await owing();
    const payment = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 9000,
      methodId: b.methods.card,
      reference: 'R',
    });
    expect(payment.unallocatedMinor).toBe(2500);
    expect(
      refused(await b.clinic.call('desk', 'payments.refund', { paymentId: payment.id, amountMinor: 100, reason: 'x' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      refused(
        await b.clinic.call('manager', 'payments.refund', {
          paymentId: payment.id,
          amountMinor: 2600,
          reason: 'Overpaid',
        }),
      ),
    ).toMatchObject({
      details: {
        fields: { amountMinor: 'must not be more than what is left of the payment (£25.00)' },
        refundableMinor: 2500,
      },
    });
    const refund = await b.clinic.ok('manager', 'payments.refund', {
      paymentId: payment.id,
      amountMinor: 1500,
      reason: 'Overpaid',
    });
    expect(refund).toMatchObject({ methodKind: 'card', account: { balanceMinor: -1000 } });
    expect(
      refused(
        await b.clinic.call('manager', 'payments.refund', {
          paymentId: payment.id,
          amountMinor: 1001,
          reason: 'Again',
        }),
      ),
    ).toMatchObject({
      details: { refundableMinor: 1000 },
    });
    await b.openDrawerOnce();
    const byCash = await b.clinic.ok('manager', 'payments.refund', {
      paymentId: payment.id,
      amountMinor: 1000,
      methodId: b.methods.cash,
      reason: 'Terminal down',
    });
    expect(byCash.methodKind).toBe('cash');
    expect(await lastAudit(b.clinic)).toMatchObject({
      action: 'payments.refund',
      details: expect.objectContaining({ methodChanged: true }) as object,
    });
  });

  it('reverses a payment by a new entry with the reason, taking its allocations back; never twice, never once refunded', async () => {
    const { patientId, invoice } = await owing();
    const payment = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 6500,
      methodId: b.methods.card,
      reference: 'dup',
    });
    expect(
      refused(await b.clinic.call('manager', 'payments.reverse', { paymentId: payment.id, reason: ' ' })),
    ).toMatchObject({
      details: { fields: { reason: 'must not be empty' } },
    });
    const reversed = await b.clinic.ok('manager', 'payments.reverse', {
      paymentId: payment.id,
      reason: 'Entered twice',
    });
    expect(reversed).toMatchObject({
      allocations: [],
      unallocatedMinor: 0,
      account: { balanceMinor: 6500, owingMinor: 6500 },
    });
    expect((await b.clinic.ok('desk', 'invoices.get', { invoiceId: invoice.id })).patientOpenMinor).toBe(6500);
    expect(
      refused(await b.clinic.call('manager', 'payments.reverse', { paymentId: payment.id, reason: 'Again' })),
    ).toMatchObject({
      code: 'CONFLICT',
      details: { fields: { paymentId: 'cannot be reversed: already reversed' } },
    });
    // The payment row is still there, untouched: nothing is deleted or edited.
    expect(sql().prepare('SELECT amount_minor FROM payments WHERE id = ?').pluck().get(payment.id)).toBe(6500);
    expect(() => sql().prepare('DELETE FROM payments WHERE id = ?').run(payment.id)).toThrow(/append-only/);
    expect(() => sql().prepare('UPDATE payment_allocations SET amount_minor = 1').run()).toThrow(/append-only/);
    const refundedOne = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 100,
      methodId: b.methods.card,
      reference: null,
      allocations: [],
    });
    await b.clinic.ok('manager', 'payments.refund', {
      paymentId: refundedOne.id,
      amountMinor: 50,
      reason: 'Half back',
    });
    expect(
      refused(await b.clinic.call('manager', 'payments.reverse', { paymentId: refundedOne.id, reason: 'x' })),
    ).toMatchObject({
      details: { fields: { paymentId: 'cannot be reversed: part of it was refunded' } },
    });
  });

  it('writes off with a reason code under its own permission, never more than is owed, and can take a write-off back', async () => {
    const { patientId, invoice } = await owing();
    const input = { invoiceId: invoice.id, amountMinor: 500, reasonCode: 'small_balance' as const, note: null };
    expect(refused(await b.clinic.call('desk', 'accounts.adjust', input)).code).toBe('FORBIDDEN');
    expect(refused(await b.clinic.call('manager', 'accounts.adjust', { ...input, amountMinor: 6501 }))).toMatchObject({
      details: { fields: { amountMinor: 'must not be more than the patient still owes on it (£65.00)' } },
    });
    expect(refused(await b.clinic.call('manager', 'accounts.adjust', { ...input, reasonCode: 'other' }))).toMatchObject(
      {
        details: { fields: { note: 'say why, when the reason is Other' } },
      },
    );
    expect(await b.clinic.ok('manager', 'accounts.adjust', input)).toMatchObject({
      balanceMinor: 6000,
      owingMinor: 6000,
    });
    const account = await b.clinic.ok('manager', 'accounts.get', { patientId });
    const adjustmentId = account.adjustments[0]?.id ?? '';
    expect(
      await b.clinic.ok('manager', 'accounts.reverseAdjustment', { adjustmentId, reason: 'Wrong invoice' }),
    ).toMatchObject({
      balanceMinor: 6500,
    });
    expect(
      refused(await b.clinic.call('manager', 'accounts.reverseAdjustment', { adjustmentId, reason: 'Again' })),
    ).toMatchObject({
      details: { fields: { adjustmentId: 'was already reversed' } },
    });
  });

  it('shows the account as one ledger with a running balance, and audits every view of it', async () => {
    const { patientId, invoice } = await owing();
    const payment = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 8000,
      methodId: b.methods.card,
      reference: 'L',
    });
    await b.clinic.ok('manager', 'payments.refund', { paymentId: payment.id, amountMinor: 500, reason: 'Overpaid' });
    const account = await b.clinic.ok('desk', 'accounts.get', { patientId });
    expect(account.entries.map((e) => [e.kind, e.amountMinor, e.balanceMinor, e.creditMinor])).toEqual([
      ['invoice', 6500, 6500, 0],
      ['payment', -8000, -1500, 8000],
      ['allocation', 0, -1500, 1500],
      ['refund', 500, -1000, 1000],
    ]);
    expect(account.summary).toMatchObject({ balanceMinor: -1000, creditMinor: 1000 });
    expect(account.payments[0]).toMatchObject({ refundableMinor: 1000, reverseBlocked: 'part of it was refunded' });
    expect(account.invoices[0]).toMatchObject({ id: invoice.id, patientOpenMinor: 0 });
    expect(await lastAudit(b.clinic)).toMatchObject({
      action: 'accounts.get',
      target_type: 'patientAccount',
      target_id: patientId,
    });
  });

  it('prints a receipt with the amount, the change and what it paid', async () => {
    await b.openDrawerOnce();
    const { patientId, invoice } = await owing();
    const payment = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 6500,
      methodId: b.methods.cash,
      reference: null,
      tenderedMinor: 7000,
    });
    const text = await pdfText(await b.clinic.ok('desk', 'payments.receipt', { paymentId: payment.id }));
    for (const expected of [
      'Receipt',
      'Method: Cash',
      'Amount paid £65.00',
      'Cash tendered £70.00',
      'Change given £5.00',
      `Applied to invoice ${invoice.number ?? ''} £65.00`,
      'Balance £0.00',
    ])
      expect(text).toContain(expected);
  });

  it("prints a 12-hour, month-first clinic's receipt with its date and time that way, never 24-hour", async () => {
    await b.openDrawerOnce();
    const { patientId } = await owing();
    const payment = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 6500,
      methodId: b.methods.card,
      reference: 'TID-12',
    });
    const before = await b.clinic.ok('admin', 'settings.get', {});
    await b.clinic.ok('admin', 'settings.update', { timeFormat: '12h', dateFormat: 'MM/DD/YYYY' });
    try {
      const text = await pdfText(await b.clinic.ok('desk', 'payments.receipt', { paymentId: payment.id }));
      const dateLine = /Date: (\S+ \S+(?: [AP]M)?)/.exec(text)?.[1] ?? '';
      expect(dateLine).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{1,2}:\d{2} [AP]M$/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\b\d{2}:\d{2}\b(?! ?[AP]M)/);
    } finally {
      await b.clinic.ok('admin', 'settings.update', { timeFormat: before.timeFormat, dateFormat: before.dateFormat });
    }
  });
});

describe('the drawer and the day', () => {
  it('refuses cash with no drawer open, counts and closes with over/short and a reason, freezes what it holds', async () => {
    const current = await b.clinic.ok('desk', 'drawers.current', {});
    if (current.drawer) {
      await b.clinic.ok('desk', 'drawers.close', {
        drawerId: current.drawer.id,
        countedMinor: current.drawer.expectedCashMinor,
        overShortReason: null,
      });
    }
    const { patientId } = await owing();
    expect(refused(await pay(patientId, 500, { methodId: b.methods.cash, reference: null }))).toMatchObject({
      code: 'CONFLICT',
      details: { fields: { methodId: 'cash needs an open drawer at this desk' } },
    });
    const state = await b.clinic.ok('desk', 'drawers.open', { floatMinor: 10_000 });
    expect(state.denominations).toContain(5000);
    expect(refused(await b.clinic.call('desk', 'drawers.open', { floatMinor: 0 })).code).toBe('CONFLICT');
    const drawerId = state.drawer?.id ?? '';
    const cash = await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 4000,
      methodId: b.methods.cash,
      reference: null,
    });
    await pay(patientId, 2500);
    const open = await b.clinic.ok('desk', 'drawers.current', {});
    expect(open.drawer).toMatchObject({ floatMinor: 10_000, expectedCashMinor: 14_000 });
    // £135 counted of £140 expected: £5 short.
    const counts = [
      { denominationMinor: 5000, count: 2 },
      { denominationMinor: 2000, count: 1 },
      { denominationMinor: 1000, count: 1 },
      { denominationMinor: 500, count: 1 },
    ];
    expect(
      refused(await b.clinic.call('desk', 'drawers.close', { drawerId, counts, overShortReason: null })),
    ).toMatchObject({
      details: { fields: { overShortReason: 'the drawer is short by £5.00: say why' }, overShortMinor: -500 },
    });
    expect(
      refused(
        await b.clinic.call('desk', 'drawers.close', {
          drawerId,
          counts: [{ denominationMinor: 300, count: 1 }],
          overShortReason: 'x',
        }),
      ),
    ).toMatchObject({ details: { fields: { 'counts.0.denominationMinor': 'is not a GBP note or coin' } } });
    const report = await b.clinic.ok('desk', 'drawers.close', {
      drawerId,
      counts,
      overShortReason: 'Change given twice',
    });
    expect(report.drawer).toMatchObject({
      expectedCashMinor: 14_000,
      countedCashMinor: 13_500,
      overShortMinor: -500,
      overShortReason: 'Change given twice',
    });
    expect(report.drawer.byMethod.map((m) => [m.methodName, m.paymentsMinor])).toEqual([
      ['Card', 2500],
      ['Cash', 4000],
    ]);
    // Frozen: no reversal into a closed drawer, and the row itself refuses change.
    expect(
      refused(await b.clinic.call('manager', 'payments.reverse', { paymentId: cash.id, reason: 'x' })),
    ).toMatchObject({
      details: { fields: { paymentId: 'cannot be reversed: its drawer was counted and closed: refund it instead' } },
    });
    expect(() => sql().prepare('UPDATE drawers SET counted_cash_minor = 14000 WHERE id = ?').run(drawerId)).toThrow(
      /closed drawer/,
    );
    const text = await pdfText(await b.clinic.ok('desk', 'drawers.zReportPdf', { drawerId }));
    for (const expected of [
      'Z-report',
      'Float £100.00',
      'Expected cash £140.00',
      'Counted cash £135.00',
      'Short -£5.00',
      'Reason: Change given twice',
      '2 × £50.00',
    ])
      expect(text).toContain(expected);
    const day = await b.clinic.ok('manager', 'drawers.daySummary', { date: MONDAY });
    expect(day.desks[0]).toMatchObject({ deskName: 'Front desk', overShortMinor: -500 });
    expect(day.byMethod.find((m) => m.methodKind === 'cash')?.paymentsMinor).toBeGreaterThanOrEqual(4000);
  });

  it('counts money for today unless told; never for the future, a closed drawer’s date or a locked date', async () => {
    const { patientId } = await owing();
    expect(refused(await pay(patientId, 100, { countsFor: '2026-11-24' }))).toMatchObject({
      details: { fields: { countsFor: 'must not be in the future' } },
    });
    await b.advanceDays(1);
    // Monday's drawer at this desk was closed (previous test): nothing more may count for Monday here.
    expect(refused(await pay(patientId, 100, { countsFor: MONDAY }))).toMatchObject({
      details: { fields: { countsFor: `the drawer at Front desk for ${MONDAY} was counted and closed` } },
    });
    expect(
      (
        await b.clinic.ok('desk', 'payments.take', {
          patientId,
          amountMinor: 100,
          methodId: b.methods.card,
          reference: null,
          countsFor: '2026-11-20',
        })
      ).countsFor,
    ).toBe('2026-11-20');
    await b.clinic.ok('manager', 'billing.updateSettings', { lockDate: '2026-11-22' });
    expect(refused(await pay(patientId, 100, { countsFor: '2026-11-20' }))).toMatchObject({
      details: { fields: { countsFor: expect.stringMatching(/on or before the lock date \(2026-11-22\)/) as string } },
    });
    const locked = sql().prepare("SELECT id FROM payments WHERE counts_for = '2026-11-20'").pluck().get() as string;
    expect(
      refused(await b.clinic.call('manager', 'payments.reverse', { paymentId: locked, reason: 'x' })),
    ).toMatchObject({
      details: { fields: { paymentId: expect.stringMatching(/lock date/) as string } },
    });
    expect(refused(await b.clinic.call('manager', 'billing.updateSettings', { lockDate: '2026-12-01' }))).toMatchObject(
      {
        details: { fields: { lockDate: 'must not be after today' } },
      },
    );
    await b.clinic.ok('manager', 'billing.updateSettings', { lockDate: '2026-11-24' });
    expect(refused(await pay(patientId, 100))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/locked up to 2026-11-24/) as string,
    });
    const { visitId } = await b.visit();
    const draft = await b.checkOut(visitId);
    expect(refused(await b.clinic.call('desk', 'invoices.issue', { invoiceId: draft.invoice.id })).code).toBe(
      'CONFLICT',
    );
    await b.clinic.ok('manager', 'billing.updateSettings', { lockDate: null });
  });

  it('lists payments, refunds and reversals in the journal by date and method', async () => {
    const journal = await b.clinic.ok('manager', 'payments.journal', {
      from: '2026-11-01',
      to: '2026-11-30',
      methodKind: 'cash',
    });
    expect(journal.rows.length).toBeGreaterThan(0);
    expect(journal.rows.every((row) => row.methodKind === 'cash')).toBe(true);
    expect(journal.netMinor).toBe(journal.byMethod.reduce((sum, m) => sum + m.netMinor, 0));
    expect(journal.rows.map((r) => r.kind)).toContain('refund');
  });
});
