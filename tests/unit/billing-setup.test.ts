import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src-main/core/ids';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { lastAudit, refused } from '../helpers/setup-audit';

/** Billing set-up through the procedures: each refusal names its field, each write is audited, nothing is deleted. */

let b: BillingClinic;
beforeAll(async () => {
  b = await openBillingClinic();
});
afterAll(async () => {
  await b.clinic.close();
});

const fields = (result: Parameters<typeof refused>[0]) => refused(result).details?.fields;

describe('billing set-up', () => {
  it('keeps tax names and service codes unique, and retires instead of deleting', async () => {
    expect(
      fields(await b.clinic.call('manager', 'fees.saveTax', { name: 'VAT', ratePpm: 50_000, inclusive: true })),
    ).toEqual({ name: 'is already the name of a tax' });
    expect(
      fields(
        await b.clinic.call('manager', 'fees.saveService', {
          code: 'CONS',
          name: 'Another consultation',
          defaultPriceMinor: 100,
          taxId: null,
        }),
      ),
    ).toEqual({ code: 'is already the code of a service' });
    expect(
      fields(
        await b.clinic.call('manager', 'fees.saveService', {
          code: 'XRAY',
          name: 'X-ray',
          defaultPriceMinor: 100,
          taxId: newId(),
        }),
      ),
    ).toEqual({ taxId: 'no such tax' });
    const xray = await b.clinic.ok('manager', 'fees.saveService', {
      code: 'XRAY',
      name: 'X-ray',
      defaultPriceMinor: 4500,
      taxId: null,
    });
    expect(await lastAudit(b.clinic)).toMatchObject({ action: 'fees.saveService', target_id: xray.id });
    await b.clinic.ok('manager', 'fees.saveService', {
      serviceId: xray.id,
      code: 'XRAY',
      name: 'X-ray',
      defaultPriceMinor: 4500,
      taxId: null,
      active: false,
    });
    const setup = await b.clinic.ok('manager', 'billing.setup', {});
    expect(setup.services.find((service) => service.id === xray.id)).toMatchObject({ active: false });
    expect(
      refused(
        await b.clinic.call('desk', 'fees.saveService', {
          code: 'NEW',
          name: 'New',
          defaultPriceMinor: 1,
          taxId: null,
        }),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('prices a payer once per fee schedule, and names the service or line that is wrong', async () => {
    expect(
      fields(
        await b.clinic.call('manager', 'fees.saveSchedule', { name: 'Acme again', payer: 'Acme Health', prices: {} }),
      ),
    ).toEqual({ payer: 'Acme Health already prices Acme Health' });
    const unknown = newId();
    expect(
      fields(
        await b.clinic.call('manager', 'fees.saveSchedule', {
          name: 'Beta Mutual',
          payer: 'Beta Mutual',
          prices: { [unknown]: 5000 },
        }),
      ),
    ).toEqual({ [`prices.${unknown}`]: 'no such service' });
    const beta = await b.clinic.ok('manager', 'fees.saveSchedule', {
      name: 'Beta Mutual',
      payer: 'Beta Mutual',
      prices: { [b.consId]: 7000 },
    });
    expect(await lastAudit(b.clinic)).toMatchObject({ action: 'fees.saveSchedule', target_id: beta.id });
    expect(
      fields(
        await b.clinic.call('manager', 'fees.setTypeServices', {
          typeId: b.consultId,
          services: [
            { serviceId: b.consId, quantity: 1 },
            { serviceId: b.consId, quantity: 2 },
          ],
        }),
      ),
    ).toEqual({ 'services.1.serviceId': 'is listed twice' });
  });

  it('adds payment methods with unique names; a method keeps its kind', async () => {
    expect(fields(await b.clinic.call('manager', 'billing.saveMethod', { name: 'Cash', kind: 'cash' }))).toEqual({
      name: 'is already the name of a payment method',
    });
    const voucher = await b.clinic.ok('manager', 'billing.saveMethod', { name: 'Gift voucher', kind: 'other' });
    expect(await lastAudit(b.clinic)).toMatchObject({ action: 'billing.saveMethod', target_id: voucher.id });
    expect(
      refused(
        await b.clinic.call('manager', 'billing.saveMethod', {
          methodId: voucher.id,
          name: 'Gift voucher',
          kind: 'card',
        }),
      ).code,
    ).toBe('CONFLICT');
    await b.clinic.ok('manager', 'billing.saveMethod', {
      methodId: voucher.id,
      name: 'Gift voucher',
      kind: 'other',
      active: false,
    });
    const setup = await b.clinic.ok('manager', 'billing.setup', {});
    expect(setup.methods.find((method) => method.id === voucher.id)).toMatchObject({ active: false });
  });
});
