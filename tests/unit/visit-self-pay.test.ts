import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
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

/** A checked-in visit of a patient whose primary policy (Acme Health: CONS at 80.00) is in force. */
async function insuredVisit(firstName: string) {
  const visit = await b.visit(firstName);
  await b.clinic.ok('desk', 'patients.addInsurance', {
    patientId: visit.patientId,
    payer: 'Acme Health',
    memberId: 'M-1',
    priority: 'primary',
  });
  return visit;
}

describe('"Bill this visit as self-pay" at check-in', () => {
  it('builds the visit’s draft for self-pay although the patient has a primary policy, and is audited', async () => {
    const { visitId, patientId } = await insuredVisit('Selma');
    const marked = await b.clinic.ok('desk', 'visits.setSelfPay', { visitId, selfPay: true });
    expect(marked.selfPay).toBe(true);
    expect(await lastAudit(b.clinic)).toMatchObject({
      action: 'visits.setSelfPay',
      target_type: 'visit',
      target_id: visitId,
      details: expect.objectContaining({ selfPay: true, patientId }) as unknown,
    });
    const review = await b.clinic.ok('desk', 'visits.checkInReview', { patientId });
    expect(review.openVisitSelfPay).toBe(true);
    expect(review.warnings).toContain('This visit is billed self-pay: the patient pays it, not their insurer.');

    const view = await b.checkOut(visitId);
    expect(view.invoice).toMatchObject({ payer: null, totalMinor: 6500, insurerMinor: 0, patientMinor: 6500 });
  });

  it('goes back to the insurer when cleared: before the draft is built, and for a draft already built', async () => {
    const before = await insuredVisit('Clara');
    await b.clinic.ok('desk', 'visits.setSelfPay', { visitId: before.visitId, selfPay: true });
    await b.clinic.ok('desk', 'visits.setSelfPay', { visitId: before.visitId, selfPay: false });
    expect((await b.checkOut(before.visitId)).invoice).toMatchObject({
      payer: 'Acme Health',
      totalMinor: 8000,
      insurerMinor: 8000,
      patientMinor: 0,
    });

    const after = await insuredVisit('Dora');
    const insured = await b.checkOut(after.visitId);
    expect(insured.invoice).toMatchObject({ payer: 'Acme Health', insurerMinor: 8000 });
    await b.clinic.ok('desk', 'visits.setSelfPay', { visitId: after.visitId, selfPay: true });
    const selfPay = await b.checkOut(after.visitId);
    expect(selfPay.invoice).toMatchObject({ id: insured.invoice.id, payer: null, totalMinor: 6500, insurerMinor: 0 });
    await b.clinic.ok('desk', 'visits.setSelfPay', { visitId: after.visitId, selfPay: false });
    expect((await b.checkOut(after.visitId)).invoice).toMatchObject({
      id: insured.invoice.id,
      payer: 'Acme Health',
      insurerMinor: 8000,
      patientMinor: 0,
    });
    expect((await b.clinic.ok('desk', 'visits.checkInReview', { patientId: after.patientId })).openVisitSelfPay).toBe(
      false,
    );
  });

  it('refuses a missing flag or an unknown visit, naming the field', async () => {
    const { visitId } = await b.visit('Ivy');
    expect(refused(await b.clinic.call('desk', 'visits.setSelfPay', { visitId } as never))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { selfPay: expect.any(String) as unknown } },
    });
    expect(
      refused(
        await b.clinic.call('desk', 'visits.setSelfPay', {
          visitId: '00000000-0000-4000-8000-000000000000',
          selfPay: true,
        }),
      ),
    ).toMatchObject({ details: { fields: { visitId: expect.any(String) as unknown } } });
  });
});
