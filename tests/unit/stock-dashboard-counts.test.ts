import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/open';
import { MONDAY } from '../helpers/billing-clinic';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';

/**
 * The dashboard remembers its stock counts between reads (stock/alert-counts-memo.ts): they must still
 * follow every change that moves them — a receipt, a dispense, a new reorder level, the date passing a
 * lot's expiry, and a write by another connection to the same file.
 */

let s: StockClinic;

beforeAll(async () => {
  s = await openStockClinic();
}, 60_000);
afterAll(async () => {
  await s.clinic.close();
});

const counts = async () =>
  (await s.clinic.ok('manager', 'reports.dashboard', { from: MONDAY, to: MONDAY })).stock ?? { none: true };

describe('the dashboard’s stock counts', () => {
  it('follow receipts, dispenses, reorder levels and the date', async () => {
    // Nothing in stock: both items (levels 10 and 20) are below their reorder level.
    expect(await counts()).toEqual({ belowReorder: 2, expiringSoon: 0, expiredOnShelf: 0 });
    expect(await counts()).toEqual({ belowReorder: 2, expiringSoon: 0, expiredOnShelf: 0 });

    // 25 gauze expiring on Wednesday: over its level of 20, and within the near-expiry window.
    const lot = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-1', quantity: 25, expiryOn: '2026-11-25' });
    expect(await counts()).toEqual({ belowReorder: 1, expiringSoon: 1, expiredOnShelf: 0 });

    // Its level raised to 30: below it again.
    await s.clinic.ok('manager', 'stockroom.saveItem', {
      id: s.gauzeId,
      name: 'Gauze swabs',
      code: 'GAUZE',
      gtin: null,
      category: null,
      dispensingUnit: 'pack',
      packSize: 10,
      unitCostMinor: 120,
      billable: false,
      sellingPriceMinor: null,
      taxId: null,
      reorderLevel: 30,
      reorderQuantity: 50,
      maximumLevel: null,
      active: true,
    });
    expect(await counts()).toEqual({ belowReorder: 2, expiringSoon: 1, expiredOnShelf: 0 });

    // Thursday: the lot expired yesterday and is still on the shelf.
    await s.advanceDays(3);
    expect(await counts()).toEqual({ belowReorder: 2, expiringSoon: 0, expiredOnShelf: 1 });

    // Written off to nothing: no longer on the shelf.
    await s.clinic.ok('manager', 'stock.writeOff', {
      lotId: lot,
      stockLocationId: s.storeId,
      quantity: 25,
      kind: 'expire',
      reason: null,
    });
    expect(await counts()).toEqual({ belowReorder: 2, expiringSoon: 0, expiredOnShelf: 0 });
  });

  it('follow a write by another connection to the same file', async () => {
    await s.receive({ itemId: s.fluId, lotNumber: 'F-9', quantity: 12, expiryOn: '2027-06-30' });
    const before = await counts();
    expect(before).toMatchObject({ expiringSoon: 0 });
    const other = openDatabase({ file: s.clinic.folder.file, key: s.clinic.folder.key });
    try {
      // Another process (an import, the CLI) brings the flu lot's expiry forward to within the window.
      other.handle.prepare("UPDATE stock_lots SET expiry_on = '2026-12-01' WHERE lot_number = 'F-9'").run();
    } finally {
      await other.close();
    }
    expect(await counts()).toEqual({ ...before, expiringSoon: 1 });
  });
});
