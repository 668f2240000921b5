import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentsAfterClose } from '../../src-main/core/conflicts/repository';
import { ADMIN } from '../helpers/temp-core';
import { MANAGER } from '../helpers/billing-clinic';
import { NURSE, RECEPTIONIST } from '../helpers/scheduling-clinic';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';
import { cloneDesk, deskOf, exchangeAll, syncedHash, type Desk } from '../helpers/sync-desks';

/**
 * The conflicts inbox for ledgers (issue 17): two desks offline each take the last doses of a lot (the
 * union of their movements leaves it below zero), and one desk closes the cash drawer while the other
 * takes a payment into it. Each becomes one conflict on both desks.
 */
let s: StockClinic;
let a: Desk;
let b: Desk;

beforeAll(async () => {
  s = await openStockClinic();
  a = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => s.clinic.folder.remove());
  await s.openDrawerOnce();
  b = await cloneDesk(a, 'B');
  for (const [desk, code] of [
    [a, 'A'],
    [b, 'B'],
  ] as const) {
    desk.core.database.handle.prepare('UPDATE sync_state SET desk_code = ?').run(code);
  }
  for (const [client, user] of [
    ['admin', ADMIN],
    ['desk', RECEPTIONIST],
    ['manager', MANAGER],
    ['nurse', NURSE],
  ] as const) {
    await b.ok(client, 'auth.login', { username: user.username, password: user.password });
  }
}, 120_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('conflicts about ledgers', () => {
  it('a lot both desks emptied offline: one conflict with its merged balance; resolved, a new one when it goes below again', async () => {
    const lot = await s.receive({ itemId: s.fluId, lotNumber: 'FL-9', quantity: 2, stockLocationId: s.fridgeId });
    await exchangeAll([a, b]);
    const use = (desk: Desk, quantity: number) =>
      desk.ok('manager', 'stock.adjust', { lotId: lot, stockLocationId: s.fridgeId, quantity, reason: 'used' });
    await use(a, -2);
    await use(b, -2);
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    for (const desk of [a, b]) {
      // Each desk's kept sum of the lot follows the other desk's movement as it is applied.
      expect((await desk.ok('manager', 'stock.item', { itemId: s.fluId })).lots).toContainEqual(
        expect.objectContaining({ lotId: lot, stockLocationId: s.fridgeId, quantity: -2 }),
      );
      const listed = (await desk.ok('manager', 'conflicts.list', {})).filter((c) => c.kind === 'negative_stock');
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({
        // The inbox links a lot to its item's page, which lists the lot.
        first: { type: 'stock_lot', id: lot, name: 'FL-9', itemId: s.fluId },
        second: { type: 'stock_location', id: s.fridgeId, itemId: null },
        amount: -2,
        canResolve: true,
      });
      expect((await desk.ok('desk', 'conflicts.list', {})).find((c) => c.kind === 'negative_stock')?.canResolve).toBe(
        false,
      );
    }
    const [conflict] = (await a.ok('manager', 'conflicts.list', {})).filter((c) => c.kind === 'negative_stock');
    for (const desk of [a, b]) desk.clock.advance(60_000);
    await use(a, 3);
    await a.ok('manager', 'conflicts.resolve', { conflictId: conflict?.id ?? '', note: 'Counted: found 3 more' });
    await exchangeAll([a, b]);
    expect((await b.ok('manager', 'conflicts.list', {})).filter((c) => c.kind === 'negative_stock')).toEqual([]);

    // Below zero again later: a new conflict, not the resolved one reopened.
    for (const desk of [a, b]) desk.clock.advance(60_000);
    await use(a, -1);
    await use(b, -1);
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    for (const desk of [a, b]) {
      const open = (await desk.ok('manager', 'conflicts.list', {})).filter((c) => c.kind === 'negative_stock');
      expect(open).toHaveLength(1);
      expect(open[0]?.id).not.toBe(conflict?.id);
    }
    expect(syncedHash(a)).toBe(syncedHash(b));
  });

  it('a payment taken into the drawer another desk closed meanwhile: one conflict naming both', async () => {
    const patientId = await s.patient('Cass', 'Tillerman');
    const drawerId = await s.openDrawerOnce();
    await exchangeAll([a, b]);
    b.clock.advance(60_000);
    await b.ok('manager', 'drawers.close', { drawerId, countedMinor: 10_000 });
    a.clock.advance(120_000);
    const paid = await a.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 2500,
      methodId: s.methods.cash,
      reference: null,
      tenderedMinor: 2500,
    });
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    for (const desk of [a, b]) {
      const listed = (await desk.ok('manager', 'conflicts.list', { patientId })).filter(
        (c) => c.kind === 'closed_drawer_payment',
      );
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({
        first: { type: 'payment', id: paid.id },
        second: { type: 'drawer', id: drawerId },
        patientIds: [patientId],
      });
    }
    expect(syncedHash(a)).toBe(syncedHash(b));
    // A snapshot step names tens of thousands of payments: more ids than SQLite binds in one statement.
    const many = [...Array.from({ length: 40_000 }, () => randomUUID()), paid.id];
    const late = await paymentsAfterClose(a.core.database.db, many, []);
    expect(late.map((p) => p.id)).toEqual([paid.id]);
  });
});
