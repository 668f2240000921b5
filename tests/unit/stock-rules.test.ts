import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStockClinic, refusal, type StockClinic } from '../helpers/stock-clinic';

/**
 * The stock room's rules through the procedures, on a real encrypted database: balances are sums of
 * movements, FEFO, expired lots, no lot below zero (backdated entries included), transfers, counts
 * approved once, purchase orders and over-receipt, recall, the invoice line of a billable dispense,
 * permissions. Every refusal names its field.
 */

let s: StockClinic;
beforeAll(async () => {
  s = await openStockClinic();
}, 60_000);
afterAll(async () => {
  await s.clinic.close();
});

const HOUR = 3_600_000;

describe('receiving and balances', () => {
  it('stock on hand is the sum of the movements of each lot at each place', async () => {
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-100', quantity: 30 });
    await s.clinic.ok('manager', 'stock.transfer', {
      lotId: lot,
      fromStockLocationId: s.storeId,
      toStockLocationId: s.fridgeId,
      quantity: 4,
    });
    const view = await s.clinic.ok('nurse', 'stock.item', { itemId: s.gauzeId });
    expect(view.onHand).toBe(30);
    expect(view.lots.map((l) => [l.stockLocationName, l.quantity]).sort()).toEqual([
      ['Fridge', 4],
      ['Stock room', 26],
    ]);
    expect(await s.balance(lot, s.storeId)).toBe(26);
    // FIFO valuation: 30 on hand, all from the one receipt at the item's cost of £1.20.
    expect(view.valueMinor).toBe(30 * 120);
  });

  it('refuses the same lot number with another expiry, and an expired delivery', async () => {
    await s.receive({ itemId: s.gauzeId, lotNumber: 'G-200', quantity: 5, expiryOn: '2027-01-31' });
    const other = refusal(
      await s.clinic.call('manager', 'stock.receive', {
        itemId: s.gauzeId,
        stockLocationId: s.storeId,
        lotNumber: 'G-200',
        expiryOn: '2027-02-28',
        quantity: 1,
      }),
    );
    expect(other.details?.fields?.expiryOn).toMatch(/2027-01-31/);
    const expired = refusal(
      await s.clinic.call('manager', 'stock.receive', {
        itemId: s.gauzeId,
        stockLocationId: s.storeId,
        lotNumber: 'G-OLD',
        expiryOn: '2026-11-01',
        quantity: 1,
      }),
    );
    expect(expired.details?.fields?.expiryOn).toMatch(/has passed/);
  });

  it('movements are insert-only in the database itself', async () => {
    const handle = s.clinic.core.database.handle;
    expect(() => handle.prepare('UPDATE stock_movements SET quantity = 1').run()).toThrow(/insert-only/);
    expect(() => handle.prepare('DELETE FROM stock_movements').run()).toThrow(/insert-only/);
  });
});

describe('no lot below zero', () => {
  it('refuses an adjustment that takes a lot below zero, naming the quantity', async () => {
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-300', quantity: 3 });
    const error = refusal(
      await s.clinic.call('manager', 'stock.adjust', {
        lotId: lot,
        stockLocationId: s.storeId,
        quantity: -4,
        reason: 'broken',
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.quantity).toMatch(/below zero/);
    expect(await s.balance(lot, s.storeId)).toBe(3);
  });

  it('refuses a backdated movement that would break a later balance, though the balance now allows it', async () => {
    const now = s.clinic.clock.now;
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-400', quantity: 5, occurredAt: now - 3 * HOUR });
    await s.clinic.ok('manager', 'stock.adjust', {
      lotId: lot,
      stockLocationId: s.storeId,
      quantity: -5,
      reason: 'used on the ward',
      occurredAt: now - HOUR,
    });
    await s.receive({ itemId: s.gauzeId, lotNumber: 'G-400', quantity: 5 });
    // Now 5 are on hand, but two hours ago only 5 were there and all 5 left an hour ago.
    const error = refusal(
      await s.clinic.call('manager', 'stock.adjust', {
        lotId: lot,
        stockLocationId: s.storeId,
        quantity: -1,
        reason: 'dropped',
        occurredAt: now - 2 * HOUR,
      }),
    );
    expect(error.details?.fields?.quantity).toMatch(/below zero on/);
    // Before the receipt there was nothing at all.
    const early = refusal(
      await s.clinic.call('manager', 'stock.adjust', {
        lotId: lot,
        stockLocationId: s.storeId,
        quantity: -1,
        reason: 'dropped',
        occurredAt: now - 4 * HOUR,
      }),
    );
    expect(early.details?.fields?.quantity).toMatch(/below zero/);
    // Dated now it is fine.
    await s.clinic.ok('manager', 'stock.adjust', {
      lotId: lot,
      stockLocationId: s.storeId,
      quantity: -1,
      reason: 'dropped',
    });
    expect(await s.balance(lot, s.storeId)).toBe(4);
    const future = refusal(
      await s.clinic.call('manager', 'stock.adjust', {
        lotId: lot,
        stockLocationId: s.storeId,
        quantity: 1,
        reason: 'found',
        occurredAt: now + HOUR,
      }),
    );
    expect(future.details?.fields?.occurredAt).toMatch(/future/);
  });

  it('refuses a transfer of more than is at the place', async () => {
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-500', quantity: 2 });
    const error = refusal(
      await s.clinic.call('manager', 'stock.transfer', {
        lotId: lot,
        fromStockLocationId: s.storeId,
        toStockLocationId: s.fridgeId,
        quantity: 3,
      }),
    );
    expect(error.details?.fields?.quantity).toMatch(/below zero/);
    const same = refusal(
      await s.clinic.call('manager', 'stock.transfer', {
        lotId: lot,
        fromStockLocationId: s.storeId,
        toStockLocationId: s.storeId,
        quantity: 1,
      }),
    );
    expect(same.details?.fields?.toStockLocationId).toBeTruthy();
  });
});

describe('dispensing against a visit', () => {
  it('takes the first-expiring lot, then the next; flags a lot near expiry; adds the invoice line', async () => {
    const late = await s.receive({
      itemId: s.fluId,
      lotNumber: 'FLU-LATE',
      quantity: 10,
      expiryOn: '2027-09-30',
      stockLocationId: s.fridgeId,
    });
    const soon = await s.receive({
      itemId: s.fluId,
      lotNumber: 'FLU-SOON',
      quantity: 2,
      expiryOn: '2026-12-10',
      stockLocationId: s.fridgeId,
    });
    const { visitId } = await s.visit('Vera');
    const result = await s.clinic.ok('nurse', 'stock.dispense', {
      visitId,
      itemId: s.fluId,
      stockLocationId: s.fridgeId,
      quantity: 3,
    });
    expect(result.picks.map((p) => [p.lotNumber, p.quantity, p.nearExpiry])).toEqual([
      ['FLU-SOON', 2, true],
      ['FLU-LATE', 1, false],
    ]);
    expect(await s.balance(soon, s.fridgeId)).toBe(0);
    expect(await s.balance(late, s.fridgeId)).toBe(9);
    const invoice = await s.checkOut(visitId);
    const line = invoice.invoice.lines.find((l) => l.description.startsWith('Flu vaccine'));
    expect(line?.quantity).toBe(3);
    expect(line?.unitPriceMinor).toBe(1500);
    expect(line?.description).toContain('FLU-SOON');
  });

  it('a returned dispense goes back to its lot and off the draft invoice', async () => {
    const { visitId } = await s.visit('Rory');
    const result = await s.clinic.ok('desk', 'stock.dispense', {
      visitId,
      itemId: s.fluId,
      stockLocationId: s.fridgeId,
      quantity: 1,
    });
    const pick = result.picks[0];
    if (!pick) throw new Error('no pick');
    const before = await s.balance(pick.lotId, s.fridgeId);
    await s.clinic.ok('nurse', 'stock.returnDispense', { movementId: pick.movementId, reason: 'patient declined' });
    expect(await s.balance(pick.lotId, s.fridgeId)).toBe(before + 1);
    const invoice = await s.checkOut(visitId);
    expect(invoice.invoice.lines.some((l) => l.description.startsWith('Flu vaccine'))).toBe(false);
    const twice = refusal(
      await s.clinic.call('nurse', 'stock.returnDispense', { movementId: pick.movementId, reason: 'again' }),
    );
    expect(twice.details?.fields?.movementId).toMatch(/already returned/);
  });

  it('refuses more than the unexpired stock, and a visit that is not today’s', async () => {
    const { visitId } = await s.visit('Quinn');
    const error = refusal(
      await s.clinic.call('nurse', 'stock.dispense', {
        visitId,
        itemId: s.fluId,
        stockLocationId: s.fridgeId,
        quantity: 500,
      }),
    );
    // "doses", as said: the unit is the item's own word, put in the plural for the count.
    expect(error.details?.fields?.quantity).toMatch(/^only \d+ doses of Flu vaccine that have not expired are here$/);
    const nope = refusal(
      await s.clinic.call('nurse', 'stock.dispense', {
        visitId: '01890000-0000-7000-8000-000000000000',
        itemId: s.fluId,
        stockLocationId: s.fridgeId,
        quantity: 1,
      }),
    );
    expect(nope.details?.fields?.visitId).toBeTruthy();
  });

  it('the recall lists each patient who got a lot, net of returns', async () => {
    const lot = await s.receive({
      itemId: s.fluId,
      lotNumber: 'FLU-RECALL',
      quantity: 4,
      expiryOn: '2026-12-01',
      stockLocationId: s.storeId,
    });
    const a = await s.visit('Alma');
    const b = await s.visit('Bert');
    await s.clinic.ok('nurse', 'stock.dispense', {
      visitId: a.visitId,
      itemId: s.fluId,
      stockLocationId: s.storeId,
      quantity: 1,
      lotId: lot,
    });
    await s.clinic.ok('nurse', 'stock.dispense', {
      visitId: b.visitId,
      itemId: s.fluId,
      stockLocationId: s.storeId,
      quantity: 2,
      lotId: lot,
    });
    const recall = await s.clinic.ok('manager', 'stock.recall', { itemId: s.fluId, lotNumber: 'FLU-RECALL' });
    expect(recall.patients.map((p) => [p.patientId, p.quantity])).toEqual([
      [a.patientId, 1],
      [b.patientId, 2],
    ]);
    expect(recall.patients[0]?.patientName).toMatch(/^Alma /);
  });
});

describe('patient merges', () => {
  it('a patient who got a lot can be merged away: the recall then names the surviving record', async () => {
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-MERGE', quantity: 2 });
    const twin = await s.visit('Twin');
    await s.clinic.ok('nurse', 'stock.dispense', {
      visitId: twin.visitId,
      itemId: s.gauzeId,
      stockLocationId: s.storeId,
      quantity: 1,
      lotId: lot,
    });
    const survivorId = await s.patient('Twin');
    await s.clinic.ok('admin', 'patients.merge', { survivorId, mergedId: twin.patientId });
    const recall = await s.clinic.ok('manager', 'stock.recall', { lotId: lot });
    expect(recall.patients.map((p) => [p.patientId, p.quantity])).toEqual([[survivorId, 1]]);
  });
});

describe('permissions', () => {
  it('nurses and the desk dispense; only managers receive, adjust, approve counts and order', async () => {
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-600', quantity: 1 });
    const receipt = await s.clinic.call('desk', 'stock.receive', {
      itemId: s.gauzeId,
      stockLocationId: s.storeId,
      lotNumber: 'X',
      expiryOn: null,
      quantity: 1,
    });
    expect(refusal(receipt).code).toBe('FORBIDDEN');
    const adjustment = await s.clinic.call('nurse', 'stock.adjust', {
      lotId: lot,
      stockLocationId: s.storeId,
      quantity: 1,
      reason: 'found',
    });
    expect(refusal(adjustment).code).toBe('FORBIDDEN');
    expect(refusal(await s.clinic.call('nurse', 'purchasing.suggested', {})).code).toBe('FORBIDDEN');
  });
});
