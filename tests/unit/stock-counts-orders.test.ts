import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-text';
import { openStockClinic, refusal, FLU_GTIN, type StockClinic } from '../helpers/stock-clinic';

/**
 * Counts (snapshot, stock moving during the count, approval once), purchase orders (suggested order
 * counting what is on order, statuses, over-receipt), expired stock (never dispensed, leaves only as
 * expired or returned), alerts and scanning, on a real encrypted database through the procedures.
 */

let s: StockClinic;
beforeAll(async () => {
  s = await openStockClinic();
}, 60_000);
afterAll(async () => {
  await s.clinic.close();
});

describe('stock counts', () => {
  it('posts counted − snapshot once, so stock that moved during the count is no false variance', async () => {
    const lot = await s.receive({ itemId: s.fluId, lotNumber: 'C-1', quantity: 10, stockLocationId: s.fridgeId });
    const started = await s.clinic.ok('nurse', 'stocktake.start', { stockLocationId: s.fridgeId, blind: false });
    expect(started.lines.find((l) => l.lotId === lot)?.snapshotQuantity).toBe(10);
    // While the count runs, 2 doses are dispensed.
    const { visitId } = await s.visit('Cora');
    s.clinic.clock.advance(60_000);
    await s.clinic.ok('nurse', 'stock.dispense', {
      visitId,
      itemId: s.fluId,
      stockLocationId: s.fridgeId,
      quantity: 2,
    });
    // The counter found 9 on the shelf when counting (one had gone missing before).
    const entered = await s.clinic.ok('nurse', 'stocktake.enter', {
      countId: started.id,
      lines: [{ lotId: lot, countedQuantity: 9 }],
    });
    expect(entered.lines.find((l) => l.lotId === lot)?.variance).toBe(-1);
    const denied = refusal(await s.clinic.call('nurse', 'stocktake.approve', { countId: started.id }));
    expect(denied.code).toBe('FORBIDDEN');
    await s.clinic.ok('manager', 'stocktake.approve', { countId: started.id });
    // counted 9 + moved after the snapshot (−2) = 7.
    expect(await s.balance(lot, s.fridgeId)).toBe(7);
    const again = refusal(await s.clinic.call('manager', 'stocktake.approve', { countId: started.id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.details?.fields?.countId).toMatch(/already approved/);
    expect(await s.balance(lot, s.fridgeId)).toBe(7);
  });

  it('a blind count hides the book quantities until approved; one open count per place', async () => {
    const count = await s.clinic.ok('nurse', 'stocktake.start', { stockLocationId: s.fridgeId, blind: true });
    expect(count.lines.every((l) => l.snapshotQuantity === null)).toBe(true);
    const second = refusal(
      await s.clinic.call('nurse', 'stocktake.start', { stockLocationId: s.fridgeId, blind: false }),
    );
    expect(second.details?.fields?.stockLocationId).toBeTruthy();
    const listed = await s.clinic.ok('nurse', 'stocktake.list', {});
    expect(listed[0]).toMatchObject({ id: count.id, status: 'open', blind: true, counted: 0 });
    expect(listed[0]?.lines).toBe(count.lines.length);
    await s.clinic.ok('manager', 'stocktake.cancel', { countId: count.id });
    const after = await s.clinic.ok('nurse', 'stocktake.list', {});
    expect(after.filter((c) => c.status === 'open').map((c) => c.id)).not.toContain(count.id);
    expect(after.find((c) => c.id === count.id)?.status).toBe('cancelled');
  });

  it('refuses an approval that would take a lot below zero, naming the line', async () => {
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'C-2', quantity: 3, stockLocationId: s.fridgeId });
    const count = await s.clinic.ok('nurse', 'stocktake.start', { stockLocationId: s.fridgeId, blind: false });
    s.clinic.clock.advance(60_000);
    await s.clinic.ok('manager', 'stock.adjust', {
      lotId: lot,
      stockLocationId: s.fridgeId,
      quantity: -3,
      reason: 'used',
    });
    const entered = await s.clinic.ok('nurse', 'stocktake.enter', {
      countId: count.id,
      lines: [{ lotId: lot, countedQuantity: 1 }],
    });
    const index = entered.lines.findIndex((l) => l.lotId === lot);
    // counted 1 + moved −3 would be −2.
    const error = refusal(await s.clinic.call('manager', 'stocktake.approve', { countId: count.id }));
    expect(error.details?.fields?.[`lines.${index}.countedQuantity`]).toMatch(/below zero/);
    await s.clinic.ok('manager', 'stocktake.cancel', { countId: count.id });
  });
});

describe('purchase orders', () => {
  it('suggests what is below its reorder level counting what is on order; receives with lots; refuses over-receipt', async () => {
    const suggested = await s.clinic.ok('manager', 'purchasing.suggested', {});
    const gauze = suggested.find((line) => line.itemId === s.gauzeId);
    expect(gauze?.suggested).toBeGreaterThan(0);
    const order = await s.clinic.ok('manager', 'purchasing.create', {
      supplierId: s.supplierId,
      stockLocationId: s.storeId,
      reference: null,
      notes: null,
      lines: [{ itemId: s.gauzeId, quantity: 50 }],
    });
    expect(order.status).toBe('draft');
    // The order to send: supplier, contact, where to deliver, the line and its expected cost.
    const pdf = await s.clinic.ok('manager', 'purchasing.pdf', { orderId: order.id });
    expect(pdf.mimeType).toBe('application/pdf');
    const text = await pdfText(pdf);
    expect(text).toContain('Purchase order');
    expect(text).toContain(`To: ${order.supplierName}`);
    expect(text).toContain('Attn: Sam Supplier');
    expect(text).toMatch(/Deliver to: .+/);
    expect(text).toMatch(new RegExp(`${order.lines[0]?.itemName ?? '?'} 50`));
    // 50 units at 1.20 each.
    expect(text).toMatch(/Total at expected cost \S*60\.00/);
    const denied = refusal(await s.clinic.call('nurse', 'purchasing.pdf', { orderId: order.id }));
    expect(denied.code).toBe('FORBIDDEN');
    // Already on order: no longer suggested.
    const after = await s.clinic.ok('manager', 'purchasing.suggested', {});
    expect(after.some((line) => line.itemId === s.gauzeId)).toBe(false);
    const draftReceipt = refusal(
      await s.clinic.call('manager', 'purchasing.receive', {
        orderId: order.id,
        lines: [{ lineId: order.lines[0]?.id ?? '', lotNumber: 'PO-1', expiryOn: '2028-01-31', quantity: 1 }],
      }),
    );
    expect(draftReceipt.details?.fields?.orderId).toMatch(/draft/);
    await s.clinic.ok('manager', 'purchasing.send', { orderId: order.id });
    const lineId = order.lines[0]?.id ?? '';
    const partly = await s.clinic.ok('manager', 'purchasing.receive', {
      orderId: order.id,
      lines: [{ lineId, lotNumber: 'PO-1', expiryOn: '2028-01-31', quantity: 30, unitCostMinor: 110 }],
    });
    expect(partly.status).toBe('partly_received');
    expect(partly.lines[0]?.received).toBe(30);
    const over = refusal(
      await s.clinic.call('manager', 'purchasing.receive', {
        orderId: order.id,
        lines: [{ lineId, lotNumber: 'PO-2', expiryOn: '2028-03-31', quantity: 21 }],
      }),
    );
    expect(over.details?.fields?.['lines.0.quantity']).toMatch(/still expects/);
    const done = await s.clinic.ok('manager', 'purchasing.receive', {
      orderId: order.id,
      lines: [{ lineId, lotNumber: 'PO-2', expiryOn: '2028-03-31', quantity: 20 }],
    });
    expect(done.status).toBe('received');
    const closed = refusal(await s.clinic.call('manager', 'purchasing.cancel', { orderId: order.id }));
    expect(closed.code).toBe('CONFLICT');
    const view = await s.clinic.ok('manager', 'stock.item', { itemId: s.gauzeId });
    expect(view.lots.some((l) => l.lotNumber === 'PO-2' && l.quantity === 20)).toBe(true);
    expect(view.onOrder).toBe(0);
  });
});

describe('scanning', () => {
  it('finds the item by the GS1 barcode’s GTIN and fills lot and expiry', async () => {
    const scan = await s.clinic.ok('nurse', 'stock.scan', { text: `01${FLU_GTIN}17271200` + '10AB-123\x1d21SER9' });
    expect(scan.item?.id).toBe(s.fluId);
    expect(scan.lotNumber).toBe('AB-123');
    expect(scan.expiryOn).toBe('2027-12-31');
    expect(scan.serial).toBe('SER9');
    const bad = refusal(await s.clinic.call('nurse', 'stock.scan', { text: '0109506000134353' }));
    expect(bad.details?.fields?.text).toMatch(/check digit/);
  });
});

describe('expired stock', () => {
  it('is never dispensed (FEFO skips it, picking it is refused); it leaves as expired; the alerts list it', async () => {
    const expiring = await s.receive({
      itemId: s.fluId,
      lotNumber: 'EXP-1',
      quantity: 3,
      expiryOn: '2026-11-24',
      stockLocationId: s.storeId,
    });
    const good = await s.receive({
      itemId: s.fluId,
      lotNumber: 'EXP-OK',
      quantity: 3,
      expiryOn: '2027-11-24',
      stockLocationId: s.storeId,
    });
    const soon = await s.clinic.ok('manager', 'stock.alerts', {});
    expect(soon.expiringSoon.some((l) => l.lotId === expiring)).toBe(true);
    await s.advanceDays(2);
    await s.clinic.ok('nurse', 'auth.login', { username: 'nina', password: 'nurse station 1' });
    const { visitId } = await s.visit('Ezra');
    const picked = refusal(
      await s.clinic.call('nurse', 'stock.dispense', {
        visitId,
        itemId: s.fluId,
        stockLocationId: s.storeId,
        quantity: 1,
        lotId: expiring,
      }),
    );
    expect(picked.details?.fields?.lotId).toMatch(/expired on 2026-11-24/);
    const fefo = await s.clinic.ok('nurse', 'stock.dispense', {
      visitId,
      itemId: s.fluId,
      stockLocationId: s.storeId,
      quantity: 1,
    });
    expect(fefo.picks.map((p) => p.lotId)).not.toContain(expiring);
    const alerts = await s.clinic.ok('manager', 'stock.alerts', {});
    expect(alerts.expiredOnShelf.map((l) => l.lotId)).toContain(expiring);
    const notExpired = refusal(
      await s.clinic.call('manager', 'stock.writeOff', {
        lotId: good,
        stockLocationId: s.storeId,
        quantity: 1,
        kind: 'expire',
        reason: null,
      }),
    );
    expect(notExpired.details?.fields?.kind).toMatch(/has not expired/);
    await s.clinic.ok('manager', 'stock.writeOff', {
      lotId: expiring,
      stockLocationId: s.storeId,
      quantity: 3,
      kind: 'expire',
      reason: null,
    });
    expect(await s.balance(expiring, s.storeId)).toBe(0);
    const cleared = await s.clinic.ok('manager', 'stock.alerts', {});
    expect(cleared.expiredOnShelf.map((l) => l.lotId)).not.toContain(expiring);
  });
});
