import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-shared/api/events';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';

/**
 * `stock.changed` tells the stock home which items a movement took across their reorder level (it reads
 * only the items moved, not every item), so the alert list refreshes without polling.
 */

let s: StockClinic;
beforeAll(async () => {
  s = await openStockClinic();
}, 60_000);
afterAll(async () => {
  await s.clinic.close();
});

describe('reorder level crossings', () => {
  it('names the item when a receipt lifts it above its level and a dispense takes it below, once each', async () => {
    const crossed: string[][] = [];
    s.clinic.core.subscribe('nurse', (topic, payload) => {
      if (topic === 'stock.changed') crossed.push((payload as EventMap['stock.changed']).crossedReorder);
    });
    // Gauze: reorder level 20, nothing on hand yet.
    await s.receive({ itemId: s.gauzeId, lotNumber: 'G-RL1', quantity: 15 });
    await s.receive({ itemId: s.gauzeId, lotNumber: 'G-RL2', quantity: 6 });
    const { visitId } = await s.visit('Rhoda');
    const dispense = (quantity: number) =>
      s.clinic.ok('nurse', 'stock.dispense', { visitId, itemId: s.gauzeId, stockLocationId: s.storeId, quantity });
    await dispense(1); // 20: not below 20
    await dispense(1); // 19: below
    await dispense(1); // 18: still below
    await expect.poll(() => crossed.length).toBe(5);
    expect(crossed).toEqual([[], [s.gauzeId], [], [s.gauzeId], []]);
  });
});
