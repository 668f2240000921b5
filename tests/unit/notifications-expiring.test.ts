import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notifications } from '../../src-shared/api/areas/notifications';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';

// The stock clinic: London, Monday 2026-11-23 08:00; the near-expiry window is 30 days.
const PRIYA = { username: 'priya', displayName: 'Dr Priya Shah', password: 'consulting room 3' };

let s: StockClinic;
beforeEach(async () => {
  s = await openStockClinic();
  await s.clinic.ok('admin', 'users.create', { ...PRIYA, role: 'provider' });
  await s.clinic.ok('priya', 'auth.login', { username: PRIYA.username, password: PRIYA.password });
});
afterEach(async () => {
  await s.clinic.close();
});

const expiring = (list: Notifications) =>
  list.items.filter((item) => item.kind === 'stock_expiring').map((item) => `${item.subject} ${item.on}`);

describe('expiring lots on the bell', () => {
  it('tells those who see stock once per lot (wherever it is kept), and not those who do not', async () => {
    await s.receive({ itemId: s.fluId, lotNumber: 'F-1', quantity: 30, expiryOn: '2026-12-01' });
    await s.receive({
      itemId: s.fluId,
      lotNumber: 'F-1',
      quantity: 5,
      expiryOn: '2026-12-01',
      stockLocationId: s.fridgeId,
    });
    // Far from expiry: not on the bell.
    await s.receive({ itemId: s.gauzeId, lotNumber: 'G-9', quantity: 40, expiryOn: '2028-01-31' });

    const nurse = await s.clinic.ok('nurse', 'notifications.list', {});
    expect(expiring(nurse)).toEqual(['Flu vaccine (F-1) 2026-12-01']);
    expect(nurse.items.find((item) => item.kind === 'stock_expiring')?.href).toBe(
      `#/stock/item/${encodeURIComponent(s.fluId)}`,
    );
    expect(expiring(await s.clinic.ok('manager', 'notifications.list', {}))).toEqual(['Flu vaccine (F-1) 2026-12-01']);
    expect(expiring(await s.clinic.ok('priya', 'notifications.list', {}))).toEqual([]);

    // Turned off by one person, still shown to another.
    await s.clinic.ok('nurse', 'notifications.setShown', { kind: 'stock_expiring', onScreen: false });
    expect(expiring(await s.clinic.ok('nurse', 'notifications.list', {}))).toEqual([]);
    expect(expiring(await s.clinic.ok('manager', 'notifications.list', {}))).toHaveLength(1);
  });
});
