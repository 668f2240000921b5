import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { pdfText } from '../helpers/pdf-text';
import { signInNurse } from '../helpers/scheduling-clinic';
import { lastAudit, refused } from '../helpers/setup-audit';

let b: BillingClinic;
beforeAll(async () => {
  b = await openBillingClinic();
  await signInNurse(b.clinic);
});
afterAll(async () => {
  await b.clinic.close();
});

type DraftLines = Input<'invoices.saveDraft'>['lines'];
const sql = () => b.clinic.core.database.handle;

/** A visit's draft with a dressing added (CONS £65 + DRESS £12.50 + 20% VAT). */
async function draftWithDressing(extra: Partial<DraftLines[number]> = {}) {
  const { visitId, patientId } = await b.visit();
  const view = await b.checkOut(visitId);
  const cons = view.invoice.lines[0];
  const lines: DraftLines = [
    { id: cons?.id, serviceId: b.consId, quantity: 1, unitPriceMinor: 6500 },
    { serviceId: b.dressId, quantity: 1, unitPriceMinor: 1250, ...extra },
  ];
  return { visitId, patientId, invoiceId: view.invoice.id, lines };
}

describe('a visit’s invoice', () => {
  it('is built from the appointment type’s services on the first ask, and asking again returns the same draft', async () => {
    const { visitId, patientId } = await b.visit();
    const first = await b.checkOut(visitId);
    expect(first.invoice).toMatchObject({
      status: 'draft',
      number: null,
      patientId,
      totalMinor: 6500,
      patientMinor: 6500,
    });
    expect(first.invoice.lines.map((l) => [l.code, l.quantity, l.unitPriceMinor])).toEqual([['CONS', 1, 6500]]);
    expect((await b.checkOut(visitId)).invoice.id).toBe(first.invoice.id);
    expect(first.money).toEqual({ currency: 'GBP', digits: 2, locale: 'en-GB' });
    expect(first.methods.map((m) => m.kind)).toEqual(['cash', 'card', 'cheque', 'bank_transfer', 'insurance', 'other']);
  });

  it('takes edited lines: tax added, a discount only with its reason, the figures a screen would show', async () => {
    const draft = await draftWithDressing({ discountMinor: 250 });
    expect(
      refused(await b.clinic.call('desk', 'invoices.saveDraft', { invoiceId: draft.invoiceId, lines: draft.lines })),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { 'lines.1.discountReason': 'say why the discount is given' } },
    });
    const lines = draft.lines.map((l, i) => (i === 1 ? { ...l, discountReason: 'Staff' } : l));
    const saved = await b.clinic.ok('desk', 'invoices.saveDraft', { invoiceId: draft.invoiceId, lines });
    // 6500 + (1250 − 250) + 20% of 1000.
    expect(saved).toMatchObject({ subtotalMinor: 7500, taxMinor: 200, totalMinor: 7700, patientMinor: 7700 });
    expect(saved.lines[1]).toMatchObject({
      code: 'DRESS',
      taxName: 'VAT',
      taxRatePpm: 200_000,
      discountReason: 'Staff',
    });
    expect(saved.taxes).toEqual([
      { ratePpm: 0, inclusive: false, netMinor: 6500, taxMinor: 0 },
      { ratePpm: 200_000, inclusive: false, netMinor: 1000, taxMinor: 200 },
    ]);
    const tooMuch = lines.map((l, i) => (i === 0 ? { ...l, insurerMinor: 6501 } : l));
    expect(
      refused(await b.clinic.call('desk', 'invoices.saveDraft', { invoiceId: draft.invoiceId, lines: tooMuch })),
    ).toMatchObject({
      details: { fields: { 'lines.0.insurerMinor': 'must not be more than the line’s total' } },
    });
    expect(
      refused(
        await b.clinic.call('desk', 'invoices.saveDraft', {
          invoiceId: draft.invoiceId,
          lines: [{ quantity: 1, unitPriceMinor: 5 }],
        }),
      ),
    ).toMatchObject({ details: { fields: { 'lines.0.description': 'describe the line, or choose a service' } } });
  });

  it('issues with this desk’s next number, records the figures and the rounding, and never changes after', async () => {
    const draft = await draftWithDressing();
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: draft.invoiceId, lines: draft.lines });
    expect(issued).toMatchObject({
      status: 'issued',
      issuedOn: MONDAY,
      dueOn: '2026-12-23',
      totalMinor: 8000,
      taxRounding: 'per_line',
    });
    expect(issued.number).toMatch(/^A-\d{6}$/);
    expect(await lastAudit(b.clinic)).toMatchObject({ action: 'invoices.issue', target_id: issued.id });

    const again = await b.clinic.call('desk', 'invoices.saveDraft', { invoiceId: issued.id, lines: draft.lines });
    expect(refused(again)).toMatchObject({
      code: 'CONFLICT',
      details: { fields: { invoiceId: 'is issued: correct it with a credit note' } },
    });
    // The database itself refuses, whatever the code above it does.
    expect(() => sql().prepare('UPDATE invoices SET total_minor = 1 WHERE id = ?').run(issued.id)).toThrow(
      /never changes/,
    );
    expect(() => sql().prepare('DELETE FROM invoices WHERE id = ?').run(issued.id)).toThrow(/never deleted/);
    expect(() =>
      sql().prepare('UPDATE invoice_lines SET unit_price_minor = 1 WHERE invoice_id = ?').run(issued.id),
    ).toThrow(/never changes/);
    expect(() => sql().prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(issued.id)).toThrow(
      /never deleted/,
    );
    expect(() =>
      sql()
        .prepare(
          `INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_price_minor, amount_minor, net_minor, tax_minor,
             total_minor, patient_minor, created_at, updated_at) VALUES ('x', ?, 9, 'extra', 1, 1, 1, 1, 0, 1, 1, 0, 0)`,
        )
        .run(issued.id),
    ).toThrow(/never changes/);
  });

  it('numbers invoices in sequence and never twice; a desk’s new prefix starts its own series', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { visitId } = await b.visit();
      const view = await b.checkOut(visitId);
      numbers.push((await b.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id })).number ?? '');
    }
    const [first = '', second = ''] = numbers;
    expect(Number.parseInt(second.slice(2), 10)).toBe(Number.parseInt(first.slice(2), 10) + 1);
    await b.clinic.ok('admin', 'billing.updateDesk', { seriesPrefix: 'b2' });
    const { visitId } = await b.visit();
    const view = await b.checkOut(visitId);
    expect((await b.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id })).number).toBe('B2-000001');
    // Another desk's invoices (arrived by sync) hold prefix Z: this desk may not take it.
    sql()
      .prepare(
        `INSERT INTO invoices (id, kind, status, patient_id, number, series_prefix, desk_id, currency, tax_rounding, issued_on, issued_at,
           created_at, updated_at) VALUES ('other-desk', 'invoice', 'issued', ?, 'Z-000001', 'Z', 'another-desk', 'GBP', 'per_line', ?, 1, 1, 1)`,
      )
      .run(view.invoice.patientId, MONDAY);
    expect(refused(await b.clinic.call('admin', 'billing.updateDesk', { seriesPrefix: 'Z' }))).toMatchObject({
      details: { fields: { seriesPrefix: 'is used by another desk’s invoices: choose another' } },
    });
    await b.clinic.ok('admin', 'billing.updateDesk', { seriesPrefix: 'A' });
    expect(() => sql().prepare("UPDATE invoice_series SET next_number = 1 WHERE prefix = 'A'").run()).toThrow(
      /never reused/,
    );
  });

  it('records the clinic’s rounding on each invoice, so an old invoice keeps its figures when the setting changes', async () => {
    const lines = (id?: string): DraftLines =>
      [1, 2, 3].map((n) => ({
        ...(n === 1 && id ? { id } : {}),
        description: `Item ${n}`,
        quantity: 1,
        unitPriceMinor: 2,
        taxId: b.vatId,
      }));
    const { visitId } = await b.visit();
    const first = await b.checkOut(visitId);
    const perLine = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: first.invoice.id, lines: lines() });
    await b.clinic.ok('manager', 'billing.updateSettings', { taxRounding: 'per_invoice' });
    const second = await b.checkOut((await b.visit()).visitId);
    const tax = await b.clinic.ok('manager', 'fees.saveTax', { name: 'Quarter', ratePpm: 250_000, inclusive: false });
    const quarter = [1, 2, 3].map((n) => ({ description: `Item ${n}`, quantity: 1, unitPriceMinor: 2, taxId: tax.id }));
    const perInvoice = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: second.invoice.id, lines: quarter });
    expect(perInvoice).toMatchObject({ taxRounding: 'per_invoice', taxMinor: 2, totalMinor: 8 });
    expect(perInvoice.lines.reduce((sum, l) => sum + l.totalMinor, 0)).toBe(8);
    const reread = await b.clinic.ok('desk', 'invoices.get', { invoiceId: perLine.id });
    expect(reread).toMatchObject({
      taxRounding: 'per_line',
      taxMinor: perLine.taxMinor,
      totalMinor: perLine.totalMinor,
    });
    await b.clinic.ok('manager', 'billing.updateSettings', { taxRounding: 'per_line' });
  });

  it('prices an insured patient’s visit from the payer’s schedule with the insurer expected to pay it; self-pay prices it again', async () => {
    const { visitId, patientId } = await b.visit();
    await b.clinic.ok('desk', 'patients.addInsurance', {
      patientId,
      payer: 'ACME health',
      memberId: 'M-1',
      priority: 'primary',
    });
    const view = await b.checkOut(visitId);
    expect(view.invoice).toMatchObject({ payer: 'ACME health', totalMinor: 8000, insurerMinor: 8000, patientMinor: 0 });
    expect(view.policies).toEqual([expect.objectContaining({ payer: 'ACME health', priority: 'primary' })]);
    const selfPay = await b.clinic.ok('desk', 'invoices.setPayer', { invoiceId: view.invoice.id, policyId: null });
    expect(selfPay).toMatchObject({ payer: null, totalMinor: 6500, insurerMinor: 0, patientMinor: 6500 });
  });

  it('lets the account invoice an appointment that has none, once; a second only after the first is credited in full', async () => {
    const { patientId, appointmentId } = await b.visit();
    const draft = await b.clinic.ok('desk', 'invoices.create', { patientId, appointmentId });
    expect((await b.clinic.ok('desk', 'invoices.create', { patientId, appointmentId })).id).toBe(draft.id);
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: draft.id });
    expect(refused(await b.clinic.call('desk', 'invoices.create', { patientId, appointmentId }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(issued.number ?? '') as string,
    });
    await b.clinic.ok('manager', 'invoices.creditNote', { invoiceId: issued.id, reason: 'Wrong patient' });
    expect((await b.clinic.ok('desk', 'invoices.create', { patientId, appointmentId })).id).not.toBe(draft.id);
    const other = await b.patient('Other');
    expect(refused(await b.clinic.call('desk', 'invoices.create', { patientId: other, appointmentId }))).toMatchObject({
      details: { fields: { appointmentId: 'is not an appointment of this patient' } },
    });
  });

  it('lists on the account the visits not billed yet, a checked-out appointment and a walk-in, until each has an invoice', async () => {
    const finish = async (visitId: string) => {
      await b.clinic.ok('nurse', 'visits.move', { visitId, to: 'roomed', roomId: b.room1Id });
      await b.clinic.ok('nurse', 'visits.move', { visitId, to: 'ready_for_checkout' });
      await b.clinic.ok('desk', 'visits.checkOut', { visitId });
    };
    const { patientId, visitId, appointmentId } = await b.visit('Unbilled');
    await finish(visitId);
    const walkIn = await b.clinic.ok('desk', 'visits.checkIn', { patientId });
    await finish(walkIn.id);
    const unbilled = async () => (await b.clinic.ok('desk', 'accounts.get', { patientId })).unbilled;
    expect(await unbilled()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ appointmentId, visitId }),
        expect.objectContaining({ appointmentId: null, visitId: walkIn.id }),
      ]),
    );
    expect(await unbilled()).toHaveLength(2);
    await b.clinic.ok('desk', 'invoices.create', { patientId, appointmentId });
    expect((await unbilled()).map((visit) => visit.visitId)).toEqual([walkIn.id]);
    await b.checkOut(walkIn.id);
    expect(await unbilled()).toEqual([]);
    // Another patient's account does not list them.
    expect((await b.clinic.ok('desk', 'accounts.get', { patientId: await b.patient('Someone') })).unbilled).toEqual([]);
  });

  it('discards a draft nobody will issue (kept, marked deleted), and refuses to discard an issued one', async () => {
    const { visitId } = await b.visit();
    const view = await b.checkOut(visitId);
    await b.clinic.ok('desk', 'invoices.discard', { invoiceId: view.invoice.id });
    expect(sql().prepare('SELECT deleted_at FROM invoices WHERE id = ?').pluck().get(view.invoice.id)).not.toBeNull();
    const rebuilt = await b.checkOut(visitId);
    expect(rebuilt.invoice.id).not.toBe(view.invoice.id);
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: rebuilt.invoice.id });
    expect(refused(await b.clinic.call('desk', 'invoices.discard', { invoiceId: issued.id })).code).toBe('CONFLICT');
  });

  it('is refused to nurses: billing is not their permission', async () => {
    const { visitId } = await b.visit();
    expect(refused(await b.clinic.call('nurse', 'invoices.forVisit', { visitId }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      refused(await b.clinic.call('desk', 'invoices.creditNote', { invoiceId: visitId, reason: 'x' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('billing:adjust') as string,
    });
  });
});

describe('credit notes', () => {
  it('take back whole lines, once each; the last one brings the invoice to exactly zero, and what was paid becomes credit', async () => {
    const draft = await draftWithDressing();
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: draft.invoiceId, lines: draft.lines });
    await b.openDrawerOnce();
    await b.clinic.ok('desk', 'payments.take', {
      patientId: draft.patientId,
      amountMinor: 8000,
      methodId: b.methods.card,
      reference: 'T-1',
    });
    const [cons, dress] = issued.lines;
    const first = await b.clinic.ok('manager', 'invoices.creditNote', {
      invoiceId: issued.id,
      lineIds: [dress?.id ?? ''],
      reason: 'Not done',
    });
    expect(first).toMatchObject({
      kind: 'credit_note',
      creditsInvoiceNumber: issued.number,
      totalMinor: 1500,
      reason: 'Not done',
    });
    expect(first.number).toMatch(/^A-\d{6}$/);
    expect(
      refused(
        await b.clinic.call('manager', 'invoices.creditNote', {
          invoiceId: issued.id,
          lineIds: [dress?.id ?? ''],
          reason: 'Again',
        }),
      ),
    ).toMatchObject({
      details: { fields: { 'lineIds.0': 'was already credited' } },
    });
    await b.clinic.ok('manager', 'invoices.creditNote', { invoiceId: issued.id, reason: 'Wrong patient' });
    const after = await b.clinic.ok('desk', 'invoices.get', { invoiceId: issued.id });
    expect(after).toMatchObject({ patientOpenMinor: 0, allocations: [] });
    expect(after.creditNotes.reduce((sum, note) => sum + note.totalMinor, 0)).toBe(issued.totalMinor);
    expect(after.lines.every((line) => line.credited)).toBe(true);
    expect(cons?.id).toBeDefined();
    const account = await b.clinic.ok('desk', 'accounts.summary', { patientId: draft.patientId });
    expect(account).toMatchObject({ balanceMinor: -8000, creditMinor: 8000, owingMinor: 0 });
  });
});

describe('documents', () => {
  it('print the invoice with the clinic’s letterhead, the lines, taxes, payments and balance', async () => {
    const draft = await draftWithDressing();
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: draft.invoiceId, lines: draft.lines });
    await b.openDrawerOnce();
    await b.clinic.ok('desk', 'payments.take', {
      patientId: draft.patientId,
      amountMinor: 3000,
      methodId: b.methods.cash,
      reference: null,
      tenderedMinor: 5000,
    });
    const pdf = await b.clinic.ok('desk', 'invoices.pdf', { invoiceId: issued.id });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', fileName: `invoice-${issued.number ?? ''}.pdf` });
    const text = await pdfText(pdf);
    for (const expected of [
      'Riverside Clinic',
      '1 River Street',
      'Tax number: GB123456789',
      `Invoice ${issued.number ?? ''}`,
      'Date of issue: 2026-11-23',
      'CONS Consultation 1 £65.00',
      'DRESS Dressing 1 £12.50',
      'Tax 20% on £12.50 £2.50',
      'Total £80.00',
      'Balance due from the patient £50.00',
    ])
      expect(text).toContain(expected);
    expect(await lastAudit(b.clinic)).toMatchObject({ action: 'invoices.pdf', target_id: issued.id });
  });
});
