import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitShares, sharesOver, splitLines, type PolicyTerms } from '../../src-shared/billing/cost-share';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { pdfText } from '../helpers/pdf-text';
import { refused } from '../helpers/setup-audit';

/** Split billing named: copay, deductible and coinsurance from a policy's terms, editable, kept on the invoice. */

describe('splitting lines by a policy’s terms', () => {
  it('takes the copay first, then what is left of the year’s deductible, then coinsurance on the rest', () => {
    // £150 and £50; copay £20, deductible £100 of which £30 met, coinsurance 20 %.
    const shares = splitLines(
      [15_000, 5_000],
      { copayMinor: 2_000, deductibleMinor: 10_000, coinsurancePpm: 200_000 },
      3_000,
    );
    expect(shares).toEqual([
      // 150 − 20 copay = 130; − 70 deductible = 60; 20 % = 12; insurer 48.
      { copayMinor: 2_000, deductibleMinor: 7_000, coinsuranceMinor: 1_200, insurerMinor: 4_800 },
      // Copay and deductible used up: 20 % of 50.
      { copayMinor: 0, deductibleMinor: 0, coinsuranceMinor: 1_000, insurerMinor: 4_000 },
    ]);
  });

  it('rounds coinsurance half up to the minor unit', () => {
    expect(splitLines([5], { copayMinor: null, deductibleMinor: null, coinsurancePpm: 100_000 }, 0)).toEqual([
      { copayMinor: 0, deductibleMinor: 0, coinsuranceMinor: 1, insurerMinor: 4 },
    ]);
  });

  const terms = fc.record({
    copayMinor: fc.option(fc.integer({ min: 0, max: 50_000 })),
    deductibleMinor: fc.option(fc.integer({ min: 0, max: 500_000 })),
    coinsurancePpm: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
  });

  it('always adds each line back up to its total, never below zero, never more copay or deductible than the terms leave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 8 }),
        terms,
        fc.integer({ min: 0, max: 600_000 }),
        (totals, policy: PolicyTerms, met) => {
          const shares = splitLines(totals, policy, met);
          shares.forEach((share, index) => {
            expect(share.insurerMinor + share.copayMinor + share.deductibleMinor + share.coinsuranceMinor).toBe(
              totals[index],
            );
            for (const value of Object.values(share)) expect(value).toBeGreaterThanOrEqual(0);
          });
          const sum = (key: 'copayMinor' | 'deductibleMinor') => shares.reduce((s, x) => s + x[key], 0);
          const billed = totals.reduce((s, x) => s + x, 0);
          expect(sum('copayMinor')).toBe(Math.min(policy.copayMinor ?? 0, billed));
          expect(sum('deductibleMinor')).toBeLessThanOrEqual(Math.max(0, (policy.deductibleMinor ?? 0) - met));
        },
      ),
    );
  });

  it('trims shares to a patient’s part that shrank, coinsurance first, and names the share that does not fit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        (copayMinor, deductibleMinor, coinsuranceMinor, part) => {
          const fitted = fitShares({ copayMinor, deductibleMinor, coinsuranceMinor }, part);
          const total = fitted.copayMinor + fitted.deductibleMinor + fitted.coinsuranceMinor;
          expect(total).toBe(Math.min(part, copayMinor + deductibleMinor + coinsuranceMinor));
          expect(sharesOver(fitted, part)).toBeNull();
          if (fitted.coinsuranceMinor > 0) expect(fitted.deductibleMinor).toBe(deductibleMinor);
        },
      ),
    );
    expect(sharesOver({ copayMinor: 10, deductibleMinor: 0, coinsuranceMinor: 0 }, 5)).toBe('copayMinor');
    expect(sharesOver({ copayMinor: 3, deductibleMinor: 3, coinsuranceMinor: 0 }, 5)).toBe('deductibleMinor');
    expect(sharesOver({ copayMinor: 1, deductibleMinor: 1, coinsuranceMinor: 4 }, 5)).toBe('coinsuranceMinor');
  });
});

describe('an insured visit’s invoice under the policy’s terms (encrypted database)', () => {
  let b: BillingClinic;
  beforeAll(async () => {
    b = await openBillingClinic();
  });
  afterAll(async () => {
    await b.clinic.close();
  });

  /** A patient insured by Acme Health (its schedule prices the consultation at £80.00) with these terms. */
  async function insuredVisit(termsOf: { copayMinor?: number; deductibleMinor?: number; coinsurancePpm?: number }) {
    const visit = await b.visit('Coral');
    await b.clinic.ok('desk', 'patients.addInsurance', {
      patientId: visit.patientId,
      payer: 'Acme Health',
      memberId: 'AC-77',
      priority: 'primary',
      ...termsOf,
    });
    return visit;
  }

  it('refuses terms that cannot be, naming the field', async () => {
    const { patientId } = await b.visit('Vera');
    const attempt = (terms: Record<string, unknown>) =>
      b.clinic.call('desk', 'patients.addInsurance', {
        patientId,
        payer: 'Acme Health',
        memberId: 'X-1',
        priority: 'primary',
        ...terms,
      });
    expect(refused(await attempt({ coinsurancePpm: 1_200_000 }))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { coinsurancePpm: 'must not be more than 100 %' } },
    });
    expect(refused(await attempt({ copayMinor: -5 }))).toMatchObject({
      details: { fields: { copayMinor: 'must not be negative' } },
    });
    expect(refused(await attempt({ deductibleMinor: 12.5 }))).toMatchObject({
      details: { fields: { deductibleMinor: 'must be a whole number of minor units (no fractions of a penny)' } },
    });
    const record = await b.clinic.ok('desk', 'patients.get', { patientId });
    expect(record.insurance).toEqual([]);
  });

  it('splits the draft by copay, deductible and coinsurance, keeps them when issued, and counts the deductible met on the next invoice', async () => {
    const first = await insuredVisit({ copayMinor: 2_000, deductibleMinor: 5_000, coinsurancePpm: 200_000 });
    const record = await b.clinic.ok('desk', 'patients.get', { patientId: first.patientId });
    expect(record.insurance[0]).toMatchObject({ copayMinor: 2_000, deductibleMinor: 5_000, coinsurancePpm: 200_000 });
    const draft = (await b.checkOut(first.visitId)).invoice;
    // £80: copay £20, deductible £50, 20 % of the £10 left = £2; the insurer £8.
    expect(draft.lines[0]).toMatchObject({
      totalMinor: 8_000,
      copayMinor: 2_000,
      deductibleMinor: 5_000,
      coinsuranceMinor: 200,
      insurerMinor: 800,
      patientMinor: 7_200,
    });
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: draft.id });
    expect(issued).toMatchObject({
      status: 'issued',
      insurerMinor: 800,
      patientMinor: 7_200,
      copayMinor: 2_000,
      deductibleMinor: 5_000,
      coinsuranceMinor: 200,
    });
    const pdf = await pdfText(await b.clinic.ok('desk', 'invoices.pdf', { invoiceId: issued.id }));
    expect(pdf).toContain('of which copay');
    expect(pdf).toContain('of which deductible');

    // The same patient's next visit this year: the deductible is met, so copay then coinsurance only.
    const booked = await b.book({
      patientId: first.patientId,
      start: { date: '2026-11-24', time: '16:30' },
      providerId: b.drAId,
    });
    if (!booked.ok) throw new Error(booked.error.message);
    const second = await b.clinic.ok('desk', 'invoices.create', {
      patientId: first.patientId,
      appointmentId: booked.value.id,
    });
    expect(second.lines[0]).toMatchObject({
      copayMinor: 2_000,
      deductibleMinor: 0,
      coinsuranceMinor: 1_200,
      insurerMinor: 4_800,
    });

    // Crediting the first invoice gives its deductible back: a fresh draft counts none of it met.
    await b.clinic.ok('manager', 'invoices.creditNote', { invoiceId: issued.id, reason: 'Billed in error' });
    const repriced = await b.clinic.ok('desk', 'invoices.setPayer', {
      invoiceId: second.id,
      policyId: record.insurance[0]?.id ?? null,
    });
    expect(repriced.lines[0]).toMatchObject({ copayMinor: 2_000, deductibleMinor: 5_000, coinsuranceMinor: 200 });
  });

  it('lets the desk change the shares before issuing, refusing shares above the patient’s part by the field', async () => {
    const { visitId } = await insuredVisit({ copayMinor: 1_500 });
    const draft = (await b.checkOut(visitId)).invoice;
    const line = draft.lines[0];
    expect(line).toMatchObject({ copayMinor: 1_500, insurerMinor: 6_500, deductibleMinor: 0, coinsuranceMinor: 0 });
    const base = { id: line?.id, serviceId: b.consId, quantity: 1, unitPriceMinor: 8_000 };
    const tooMuch = await b.clinic.call('desk', 'invoices.saveDraft', {
      invoiceId: draft.id,
      lines: [{ ...base, insurerMinor: 6_000, copayMinor: 1_500, deductibleMinor: 600 }],
    });
    expect(refused(tooMuch)).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: {
          'lines.0.deductibleMinor':
            'copay, deductible and coinsurance together must not be more than the patient’s part of the line',
        },
      },
    });
    const saved = await b.clinic.ok('desk', 'invoices.saveDraft', {
      invoiceId: draft.id,
      lines: [{ ...base, insurerMinor: 6_000, copayMinor: 1_500, coinsuranceMinor: 300 }],
    });
    // The patient's £20: copay £15, coinsurance £3, £2 not covered.
    expect(saved).toMatchObject({ patientMinor: 2_000, copayMinor: 1_500, deductibleMinor: 0, coinsuranceMinor: 300 });
    // A policy with no terms recorded: the insurer is expected to pay each line whole, as before.
    const plain = await b.visit('Noel');
    await b.clinic.ok('desk', 'patients.addInsurance', {
      patientId: plain.patientId,
      payer: 'Acme Health',
      memberId: 'AC-78',
      priority: 'primary',
    });
    expect((await b.checkOut(plain.visitId)).invoice).toMatchObject({
      insurerMinor: 8_000,
      patientMinor: 0,
      copayMinor: 0,
    });
  });
});
