import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STOCK_ALERT_LIMIT } from '../../src-shared/stock/model';
import { MONDAY } from '../helpers/billing-clinic';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';

/**
 * The stock home's expiry lists show the first lots, first-expiring first, and say when there are more;
 * the manager's dashboard counts them all.
 */

let s: StockClinic;
const MANY = STOCK_ALERT_LIMIT + 1;

beforeAll(async () => {
  s = await openStockClinic();
  // Lot numbers sort against their expiry, so the order shown must come from the dates.
  for (let n = 0; n < MANY; n += 1)
    await s.receive({
      itemId: s.gauzeId,
      lotNumber: `Z-${String(n).padStart(3, '0')}`,
      quantity: 1,
      expiryOn: '2026-11-25',
    });
  await s.receive({ itemId: s.gauzeId, lotNumber: 'A-EARLY', quantity: 1, expiryOn: '2026-11-24' });
  await s.receive({ itemId: s.fluId, lotNumber: 'F-LATER', quantity: 3, expiryOn: '2026-12-15' });
}, 120_000);

afterAll(async () => {
  await s.clinic.close();
});

describe('the stock home’s expiry lists', () => {
  it('show the first fifty expiring, earliest first, and say the list goes on', async () => {
    const alerts = await s.clinic.ok('manager', 'stock.alerts', {});
    expect(alerts.expiringSoon).toHaveLength(STOCK_ALERT_LIMIT);
    expect(alerts.moreExpiringSoon).toBe(true);
    expect(alerts.expiringSoon[0]?.lotNumber).toBe('A-EARLY');
    expect(alerts.expiringSoon.map((lot) => lot.lotNumber)).not.toContain('F-LATER');
    expect(alerts.expiredOnShelf).toEqual([]);
    expect(alerts.moreExpiredOnShelf).toBe(false);
  });

  it('move lots to "expired on the shelf" once their day has passed, and the dashboard counts every one', async () => {
    await s.advanceDays(2); // 2026-11-25: A-EARLY expired yesterday; the Z lots may still be used today.
    let alerts = await s.clinic.ok('manager', 'stock.alerts', {});
    expect(alerts.expiredOnShelf.map((lot) => lot.lotNumber)).toEqual(['A-EARLY']);
    expect(alerts.moreExpiredOnShelf).toBe(false);
    expect(alerts.expiringSoon).toHaveLength(STOCK_ALERT_LIMIT);

    await s.advanceDays(1);
    alerts = await s.clinic.ok('manager', 'stock.alerts', {});
    expect(alerts.expiredOnShelf).toHaveLength(STOCK_ALERT_LIMIT);
    expect(alerts.moreExpiredOnShelf).toBe(true);
    expect(alerts.expiredOnShelf[0]?.lotNumber).toBe('A-EARLY');
    expect(alerts.expiringSoon.map((lot) => lot.lotNumber)).toEqual(['F-LATER']);
    expect(alerts.moreExpiringSoon).toBe(false);

    const dashboard = await s.clinic.ok('manager', 'reports.dashboard', { from: MONDAY, to: MONDAY });
    expect(dashboard.stock).toMatchObject({ expiredOnShelf: MANY + 1, expiringSoon: 1 });
  });
});

describe('the "expiring soon" list', () => {
  it('says how many days ahead it looks, as the stock room is set', async () => {
    expect((await s.clinic.ok('manager', 'stock.alerts', {})).nearExpiryDays).toBe(
      (await s.clinic.ok('manager', 'stockroom.get', {})).nearExpiryDays,
    );
    await s.clinic.ok('manager', 'stock.setNearExpiryDays', { nearExpiryDays: 45 });
    expect((await s.clinic.ok('manager', 'stock.alerts', {})).nearExpiryDays).toBe(45);
  });
});
