import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedBalances, rawBalances } from '../../src-main/core/billing/balance-repository';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { pdfText } from '../helpers/pdf-text';
import { lastAudit, refused } from '../helpers/setup-audit';

let b: BillingClinic;
beforeAll(async () => {
  b = await openBillingClinic();
});
afterAll(async () => {
  await b.clinic.close();
});

/** An insured visit's invoice: £80.00, the insurer expected to pay £60.00 and the patient a £20.00 copay. */
async function insuredInvoice() {
  const { visitId, patientId } = await b.visit('Ina');
  await b.clinic.ok('desk', 'patients.addInsurance', {
    patientId,
    payer: 'Acme Health',
    memberId: 'AC-1',
    priority: 'primary',
  });
  await b.clinic.ok('desk', 'patients.addInsurance', {
    patientId,
    payer: 'Beta Mutual',
    memberId: 'BM-9',
    priority: 'secondary',
  });
  const view = await b.checkOut(visitId);
  const line = view.invoice.lines[0];
  const invoice = await b.clinic.ok('desk', 'invoices.issue', {
    invoiceId: view.invoice.id,
    lines: [{ id: line?.id, serviceId: b.consId, quantity: 1, unitPriceMinor: 8000, insurerMinor: 6000 }],
  });
  return { patientId, invoice };
}

describe('claims', () => {
  it('go from an invoice’s insured lines through submitted and accepted to partly paid and paid, the patient’s share moving to the account', async () => {
    const { patientId, invoice } = await insuredInvoice();
    expect(invoice).toMatchObject({ totalMinor: 8000, insurerMinor: 6000, patientMinor: 2000, payer: 'Acme Health' });
    const claim = await b.clinic.ok('manager', 'claims.create', { invoiceId: invoice.id });
    expect(claim).toMatchObject({
      status: 'draft',
      sequence: 'primary',
      payer: 'Acme Health',
      memberId: 'AC-1',
      billedMinor: 6000,
    });
    expect(claim.moves).toEqual(['submitted', 'closed']);
    expect(refused(await b.clinic.call('manager', 'claims.create', { invoiceId: invoice.id }))).toMatchObject({
      details: { fields: { invoiceId: 'has no lines left to claim from the primary payer' } },
    });
    expect(refused(await b.clinic.call('manager', 'claims.move', { claimId: claim.id, to: 'paid' }))).toMatchObject({
      code: 'CONFLICT',
      details: { fields: { to: 'must be one of submitted, closed' } },
    });
    const lineId = claim.lines[0]?.id ?? '';
    const remit = (paidMinor: number, adjustmentMinor: number, patientMinor: number, code: 'CO' | null = 'CO') =>
      b.clinic.call('manager', 'claims.postRemittance', {
        claimId: claim.id,
        receivedOn: '2026-11-23',
        payerReference: 'ERA-1',
        lines: [
          { claimLineId: lineId, allowedMinor: 5000, paidMinor, adjustmentMinor, adjustmentCode: code, patientMinor },
        ],
      });
    expect(refused(await remit(100, 0, 0))).toMatchObject({
      code: 'CONFLICT',
      details: { fields: { claimId: 'is draft' } },
    });
    await b.clinic.ok('manager', 'claims.move', { claimId: claim.id, to: 'submitted', payerReference: 'CLM-77' });
    expect(refused(await remit(5000, 1000, 1000))).toMatchObject({
      details: {
        fields: {
          'lines.0.paidMinor': expect.stringMatching(/more than is outstanding on the line \(£60.00\)/) as string,
        },
      },
    });
    expect(refused(await remit(4000, 1000, 0, null))).toMatchObject({
      details: { fields: { 'lines.0.adjustmentCode': 'give the adjustment’s reason code' } },
    });
    const partly = await b.clinic.ok('manager', 'claims.get', {
      claimId: (await remit(4000, 1000, 500)).ok ? claim.id : '',
    });
    expect(partly).toMatchObject({
      status: 'partly_paid',
      paidMinor: 4000,
      adjustedMinor: 1000,
      patientMinor: 500,
      outstandingMinor: 500,
    });
    expect(await b.clinic.ok('desk', 'accounts.summary', { patientId })).toMatchObject({
      balanceMinor: 2500,
      owingMinor: 2500,
    });
    const account = await b.clinic.ok('desk', 'accounts.get', { patientId });
    expect(account.entries.map((e) => [e.kind, e.amountMinor])).toContainEqual(['insurer_patient_share', 500]);
    const paid = await b.clinic.ok('manager', 'claims.postRemittance', {
      claimId: claim.id,
      receivedOn: '2026-11-23',
      payerReference: null,
      lines: [{ claimLineId: lineId, allowedMinor: 500, paidMinor: 500 }],
    });
    expect(paid).toMatchObject({ status: 'paid', outstandingMinor: 0, canPostRemittance: false });
    expect(paid.events.map((e) => e.toStatus)).toEqual(['draft', 'submitted', 'partly_paid', 'paid']);
    expect(paid.events[1]).toMatchObject({ by: 'Mona Manager', onDate: '2026-11-23' });
    expect(() => b.clinic.core.database.handle.prepare('DELETE FROM claim_events').run()).toThrow(/append-only/);

    // The secondary claim bills what the primary left to the patient, with what the primary paid.
    const secondary = await b.clinic.ok('manager', 'claims.create', {
      invoiceId: invoice.id,
      primaryClaimId: claim.id,
    });
    expect(secondary).toMatchObject({ sequence: 'secondary', payer: 'Beta Mutual', billedMinor: 500 });
    expect(secondary.lines[0]).toMatchObject({ billedMinor: 500, primaryPaidMinor: 4500 });
    // The primary now names its secondary (the claim page links it instead of offering another).
    expect(await b.clinic.ok('manager', 'claims.get', { claimId: claim.id })).toMatchObject({
      secondaryClaimId: secondary.id,
    });
    expect(secondary.secondaryClaimId).toBeNull();
    await b.clinic.ok('manager', 'claims.move', { claimId: secondary.id, to: 'submitted' });
    await b.clinic.ok('manager', 'claims.postRemittance', {
      claimId: secondary.id,
      receivedOn: '2026-11-23',
      payerReference: null,
      lines: [{ claimLineId: secondary.lines[0]?.id ?? '', allowedMinor: 500, paidMinor: 300, patientMinor: 200 }],
    });
    expect(await b.clinic.ok('desk', 'accounts.summary', { patientId })).toMatchObject({ balanceMinor: 2200 });
    // The secondary's PDF carries what the primary paid; a second secondary is refused, naming the invoice.
    const secondaryText = await pdfText(await b.clinic.ok('manager', 'claims.pdf', { claimId: secondary.id }));
    for (const expected of ['Payer: Beta Mutual (secondary)', 'Paid by the primary payer £45.00', 'Billed £5.00'])
      expect(secondaryText).toContain(expected);
    expect(
      refused(await b.clinic.call('manager', 'claims.create', { invoiceId: invoice.id, primaryClaimId: claim.id })),
    ).toMatchObject({ details: { fields: { invoiceId: 'has no lines left to claim from the secondary payer' } } });

    const text = await pdfText(await b.clinic.ok('manager', 'claims.pdf', { claimId: claim.id }));
    for (const expected of [
      'Claim summary',
      'Payer: Acme Health (primary)',
      'Member AC-1',
      `Invoice ${invoice.number ?? ''}`,
      'Status: Paid',
      'Billed £60.00',
      'Paid by the payer £45.00',
    ])
      expect(text).toContain(expected);
  });

  it('are rejected with a reason, corrected back to draft and submitted again; the work list counts them by status and age', async () => {
    const { invoice } = await insuredInvoice();
    const claim = await b.clinic.ok('manager', 'claims.create', { invoiceId: invoice.id });
    await b.clinic.ok('manager', 'claims.move', { claimId: claim.id, to: 'submitted' });
    expect(refused(await b.clinic.call('manager', 'claims.move', { claimId: claim.id, to: 'rejected' }))).toMatchObject(
      {
        details: { fields: { reason: 'say why the claim is rejected' } },
      },
    );
    await b.clinic.ok('manager', 'claims.move', { claimId: claim.id, to: 'rejected', reason: 'Member id unknown' });
    await b.clinic.ok('manager', 'claims.move', { claimId: claim.id, to: 'draft', reason: 'Member id corrected' });
    const resubmitted = await b.clinic.ok('manager', 'claims.move', { claimId: claim.id, to: 'submitted' });
    expect(resubmitted.events.map((e) => [e.toStatus, e.reason])).toEqual([
      ['draft', null],
      ['submitted', null],
      ['rejected', 'Member id unknown'],
      ['draft', 'Member id corrected'],
      ['submitted', null],
    ]);
    expect(refused(await b.clinic.call('desk', 'claims.workList', {})).code).toBe('FORBIDDEN');
    await b.advanceDays(42);
    const list = await b.clinic.ok('manager', 'claims.workList', { statuses: ['submitted'] });
    expect(list.counts.submitted).toBeGreaterThanOrEqual(1);
    expect(list.rows.find((row) => row.id === claim.id)).toMatchObject({
      status: 'submitted',
      ageDays: 42,
      outstandingMinor: 6000,
    });
    expect((await b.clinic.ok('manager', 'claims.workList', { minAgeDays: 43 })).rows.map((r) => r.id)).not.toContain(
      claim.id,
    );
    // The counts per status follow the age filter: a draft made today is not 30 days old.
    const fresh = await b.clinic.ok('manager', 'claims.create', { invoiceId: (await insuredInvoice()).invoice.id });
    const all = await b.clinic.ok('manager', 'claims.workList', {});
    const aged = await b.clinic.ok('manager', 'claims.workList', { minAgeDays: 30 });
    expect(all.rows.map((r) => r.id)).toContain(fresh.id);
    expect(aged.rows.map((r) => r.id)).not.toContain(fresh.id);
    expect(aged.counts.draft).toBe(all.counts.draft - 1);
    expect(aged.counts.submitted).toBe(all.counts.submitted);
    expect(aged.counts.submitted).toBe(aged.rows.filter((r) => r.status === 'submitted').length);
    const older = await b.clinic.ok('manager', 'claims.workList', { minAgeDays: 43 });
    expect(older.counts.submitted).toBe(all.counts.submitted - 1);
  });
});

describe('split billing and secondary claims', () => {
  it('split each line between the insurer and the patient; more than the line for the insurer is refused, naming the line', async () => {
    const { visitId } = await b.visit('Ivo');
    const view = await b.checkOut(visitId);
    const line = view.invoice.lines[0];
    const lines = (insurerMinor: number) => [
      { id: line?.id, serviceId: b.consId, quantity: 1, unitPriceMinor: 8000, insurerMinor },
    ];
    expect(
      refused(await b.clinic.call('desk', 'invoices.saveDraft', { invoiceId: view.invoice.id, lines: lines(8001) })),
    ).toMatchObject({ details: { fields: { 'lines.0.insurerMinor': 'must not be more than the line’s total' } } });
    const saved = await b.clinic.ok('desk', 'invoices.saveDraft', { invoiceId: view.invoice.id, lines: lines(5500) });
    expect(saved).toMatchObject({ totalMinor: 8000, insurerMinor: 5500, patientMinor: 2500 });
    expect(saved.lines[0]).toMatchObject({ totalMinor: 8000, insurerMinor: 5500 });
  });

  it('bill the secondary only after the primary answered, only from the primary claim of the same invoice', async () => {
    const { invoice } = await insuredInvoice();
    const other = await insuredInvoice();
    const primary = await b.clinic.ok('manager', 'claims.create', { invoiceId: invoice.id });
    const elsewhere = await b.clinic.ok('manager', 'claims.create', { invoiceId: other.invoice.id });
    expect(await lastAudit(b.clinic)).toMatchObject({ action: 'claims.create', target_id: elsewhere.id });
    const secondary = (primaryClaimId: string) =>
      b.clinic.call('manager', 'claims.create', { invoiceId: invoice.id, primaryClaimId });
    expect(refused(await secondary(primary.id))).toMatchObject({
      details: { fields: { primaryClaimId: 'post the primary payer’s remittance first' } },
    });
    expect(refused(await secondary(elsewhere.id))).toMatchObject({
      details: { fields: { primaryClaimId: 'must be the primary claim of this invoice' } },
    });
    await b.clinic.ok('manager', 'claims.move', { claimId: primary.id, to: 'submitted' });
    // The payer pays everything: nothing is left to the patient, so nothing for a secondary.
    await b.clinic.ok('manager', 'claims.postRemittance', {
      claimId: primary.id,
      receivedOn: '2026-11-23',
      payerReference: null,
      lines: [{ claimLineId: primary.lines[0]?.id ?? '', allowedMinor: 6000, paidMinor: 6000 }],
    });
    expect(refused(await secondary(primary.id))).toMatchObject({
      details: { fields: { invoiceId: 'has no lines left to claim from the secondary payer' } },
    });
  });
});

describe('statements and A/R', () => {
  it('age what is owed, by patient and by payer, from the cache that equals the raw rows', async () => {
    const ageing = await b.clinic.ok('manager', 'accounts.ageing', {});
    // Invoices of the first day are now 42 days old.
    expect(ageing.byPatient.totals['31-60']).toBeGreaterThan(0);
    expect(ageing.byPatient.totalMinor).toBe(ageing.byPatient.rows.reduce((sum, row) => sum + row.totalMinor, 0));
    expect(ageing.byPayer.rows.find((row) => row.payer === 'Acme Health')?.buckets['31-60']).toBe(6000);
    const db = b.clinic.core.database.db;
    expect((await cachedBalances(db)).map((row) => ({ ...row }))).toEqual(
      (await rawBalances(db)).rows.map((row) => ({ ...row })),
    );
  });

  it('print a statement with the balance brought forward and ageing, and a batch for everyone owing more than an amount', async () => {
    const { patientId, invoice } = await insuredInvoice();
    await b.advanceDays(35);
    await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 500,
      methodId: b.methods.card,
      reference: 'S',
    });
    const today = (await b.clinic.ok('desk', 'billing.settings', {})).lockDate ?? '';
    expect(today).toBe('');
    const statement = await b.clinic.ok('desk', 'statements.get', { patientId, from: '2027-02-01', to: '2027-02-28' });
    expect(statement).toMatchObject({ openingBalanceMinor: 2000, closingBalanceMinor: 1500 });
    expect(statement.entries.map((e) => e.kind)).toEqual(['payment']);
    expect(statement.ageing['31-60']).toBe(1500);
    const text = await pdfText(
      await b.clinic.ok('desk', 'statements.pdf', { patientId, from: '2027-02-01', to: '2027-02-28' }),
    );
    for (const expected of ['Statement', 'Balance brought forward £20.00', 'Balance £15.00', '31-60 days'])
      expect(text).toContain(expected);
    const batch = await b.clinic.ok('manager', 'statements.batch', {
      minBalanceMinor: 1000,
      from: '2026-11-01',
      to: '2027-02-28',
    });
    expect(batch.patients.every((p) => p.balanceMinor > 1000)).toBe(true);
    expect(batch.patients.map((p) => p.patientId)).toContain(patientId);
    expect((await pdfText(batch.pdf)).split('Balance brought forward').length - 1).toBe(batch.patients.length);
    expect(invoice.number).toBeTruthy();
  });

  it('tells the check-in review what the patient owes, and since when — only to those who may see billing', async () => {
    const { patientId } = await insuredInvoice();
    const review = await b.clinic.ok('desk', 'visits.checkInReview', { patientId });
    expect(review.account).toMatchObject({ owingMinor: 2000, balanceMinor: 2000 });
    expect(review.warnings).toContain(`Owes £20.00 since ${review.account?.owingSince ?? ''}.`);
    await b.clinic.ok('admin', 'users.create', {
      username: 'nora',
      displayName: 'Nora Nurse',
      password: 'nurse station 2',
      role: 'nurse',
    });
    await b.clinic.ok('nurse', 'auth.login', { username: 'nora', password: 'nurse station 2' });
    const nurses = await b.clinic.ok('nurse', 'visits.checkInReview', { patientId });
    expect(nurses.account).toBeNull();
    expect(nurses.warnings.join(' ')).not.toMatch(/Owes/);
  });
});
