import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, ChargeItem, Claim, ClaimResponse, FhirResource, Invoice, PaymentReconciliation } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFhir } from '../../src-main/core/interop/fhir/export/exporter';
import { money } from '../../src-main/core/interop/fhir/export/billing-resources';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { fhirR4Errors } from '../helpers/fhir-validator';

let b: BillingClinic;
let dir: string;
beforeAll(async () => {
  b = await openBillingClinic();
  dir = mkdtempSync(join(tmpdir(), 'fhir-billing-'));
}, 60_000);
afterAll(async () => {
  await b.clinic.close();
  rmSync(dir, { recursive: true, force: true });
});

const ofType = <T extends FhirResource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);

describe('FHIR R4 export of billing', () => {
  it('writes the invoice with its lines as charge items, the payment, and the claim with the payer’s answer, all valid', async () => {
    const { visitId, patientId } = await b.visit('Ina');
    await b.clinic.ok('desk', 'patients.addInsurance', {
      patientId,
      payer: 'Acme Health',
      memberId: 'AC-1',
      priority: 'primary',
    });
    const view = await b.checkOut(visitId);
    const line = view.invoice.lines[0];
    const invoice = await b.clinic.ok('desk', 'invoices.issue', {
      invoiceId: view.invoice.id,
      lines: [{ id: line?.id, serviceId: b.consId, quantity: 1, unitPriceMinor: 8000, insurerMinor: 6000 }],
    });
    await b.openDrawerOnce();
    await b.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 2000,
      methodId: b.methods.card,
      reference: 'TID-7',
    });
    const claim = await b.clinic.ok('manager', 'claims.create', { invoiceId: invoice.id });
    await b.clinic.ok('manager', 'claims.move', { claimId: claim.id, to: 'submitted', payerReference: 'CLM-77' });
    await b.clinic.ok('manager', 'claims.postRemittance', {
      claimId: claim.id,
      receivedOn: '2026-11-23',
      payerReference: 'ERA-1',
      lines: [
        {
          claimLineId: claim.lines[0]?.id ?? '',
          allowedMinor: 6000,
          paidMinor: 6000,
          adjustmentMinor: 0,
          patientMinor: 0,
        },
      ],
    });

    const outDir = join(dir, 'one');
    await exportFhir(b.clinic.core.database.db, {
      scope: { kind: 'patient', patientId },
      inlineDocuments: false,
      outDir,
      now: b.clinic.clock.now,
    });
    const bundle = JSON.parse(readFileSync(join(outDir, 'bundles', `Patient-${patientId}.json`), 'utf8')) as Bundle;
    const [fhirInvoice] = ofType<Invoice>(bundle, 'Invoice');
    expect(fhirInvoice).toMatchObject({
      status: 'issued',
      subject: { reference: `Patient/${patientId}` },
      totalGross: { value: 80, currency: 'GBP' },
      identifier: [{ value: invoice.number }, { value: invoice.id }],
    });
    const [charge] = ofType<ChargeItem>(bundle, 'ChargeItem');
    expect(charge).toMatchObject({
      status: 'billed',
      quantity: { value: 1 },
      priceOverride: { value: 80, currency: 'GBP' },
    });
    expect(fhirInvoice?.lineItem?.[0]?.chargeItemReference).toEqual({ reference: `ChargeItem/${charge?.id}` });
    expect(ofType<PaymentReconciliation>(bundle, 'PaymentReconciliation')).toMatchObject([
      {
        paymentAmount: { value: 20, currency: 'GBP' },
        paymentIdentifier: { value: 'TID-7' },
        paymentDate: '2026-11-23',
      },
    ]);
    expect(ofType<Claim>(bundle, 'Claim')).toMatchObject([
      { status: 'active', use: 'claim', total: { value: 60 }, insurer: { display: 'Acme Health' } },
    ]);
    expect(ofType<ClaimResponse>(bundle, 'ClaimResponse')).toMatchObject([
      {
        outcome: 'complete',
        request: { reference: `Claim/${claim.id}` },
        payment: { amount: { value: 60 }, date: '2026-11-23' },
      },
    ]);
    const failures = (bundle.entry ?? []).flatMap((e) =>
      fhirR4Errors(e.resource).map((x) => `${e.resource?.resourceType}: ${x}`),
    );
    expect(failures).toEqual([]);
  });

  it('turns minor units into decimals exactly, by the currency’s digits', () => {
    expect(money(1999, 'GBP')).toEqual({ value: 19.99, currency: 'GBP' });
    expect(money(1500, 'JPY')).toEqual({ value: 1500, currency: 'JPY' });
    expect(money(-5, 'USD')).toEqual({ value: -0.05, currency: 'USD' });
  });
});
