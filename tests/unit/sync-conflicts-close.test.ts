import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/temp-core';
import { MANAGER } from '../helpers/billing-clinic';
import { RECEPTIONIST } from '../helpers/scheduling-clinic';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';
import { cloneDesk, deskOf, exchangeAll, syncedHash, type Desk } from '../helpers/sync-desks';

/**
 * A conflict whose cause is gone closes by itself on the next detection pass (issue 17): the double-booked
 * appointment moved or cancelled, the duplicate merged or marked as another person, the lot brought back
 * to zero or more. The resolutions ledger records it as the system's, once, however many desks close it.
 */
const open: Desk[] = [];
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

async function twoDesks(): Promise<{ s: StockClinic; a: Desk; b: Desk }> {
  const s = await openStockClinic();
  const a = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => s.clinic.folder.remove());
  const b = await cloneDesk(a, 'B');
  open.push(a, b);
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
  ] as const) {
    await b.ok(client, 'auth.login', { username: user.username, password: user.password });
  }
  return { s, a, b };
}

const register = (desk: Desk, firstName: string, lastName: string, dob: string) =>
  desk.ok('desk', 'patients.create', { firstName, lastName, dob, phones: [], contacts: [] });

/** Every resolution of the conflict, as both desks hold them. */
async function closedBySystem(desks: Desk[], kind: string) {
  for (const desk of desks) {
    expect((await desk.ok('admin', 'conflicts.list', {})).filter((c) => c.kind === kind)).toEqual([]);
    const all = (await desk.ok('admin', 'conflicts.list', { includeResolved: true })).filter((c) => c.kind === kind);
    expect(all).toHaveLength(1);
    expect(all[0]?.resolved).toMatchObject({ bySystem: true, byName: null });
    const rows = desk.core.database.handle
      .prepare('SELECT resolved_by, note FROM sync_conflict_resolutions WHERE conflict_id = ?')
      .all(all[0]?.id) as { resolved_by: string | null; note: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.resolved_by).toBeNull();
  }
  const [first, second] = desks;
  if (first && second) expect(syncedHash(first)).toBe(syncedHash(second));
  const [one] = (await desks[0]?.ok('admin', 'conflicts.list', { includeResolved: true })) ?? [];
  return one?.resolved?.note ?? '';
}

async function doubleBooked(s: StockClinic, a: Desk, b: Desk) {
  const p1 = await register(a, 'Odile', 'Marchetti', '1971-03-04');
  const p2 = await register(a, 'Tobias', 'Wrenfield', '1965-07-08');
  await exchangeAll([a, b]);
  const slot = { providerId: s.drAId, typeId: s.consultId, start: { date: '2026-11-23', time: '10:00' } };
  const first = await a.ok('desk', 'appointments.book', { ...slot, patientId: p1.id });
  const second = await b.ok('desk', 'appointments.book', { ...slot, patientId: p2.id });
  await exchangeAll([a, b]);
  await exchangeAll([a, b]);
  for (const desk of [a, b]) expect(await desk.ok('desk', 'conflicts.list', {})).toHaveLength(1);
  return { first, second };
}

describe('conflicts whose cause is gone close by themselves', () => {
  it('a double booking closes once one appointment is moved to another time, on both desks', async () => {
    const { s, a, b } = await twoDesks();
    const { second } = await doubleBooked(s, a, b);
    await b.ok('desk', 'appointments.move', { appointmentId: second.id, start: { date: '2026-11-23', time: '11:00' } });
    // The next pass on B (a round with nothing new) closes it; A takes the closing from B.
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    expect(await closedBySystem([a, b], 'double_booking')).toMatch(/no longer overlap/);
  });

  it('closes on the desk whose write settled it at once, without waiting for a sync; the other desk takes the closing', async () => {
    const { s, a, b } = await twoDesks();
    const { second } = await doubleBooked(s, a, b);
    await b.ok('desk', 'appointments.move', { appointmentId: second.id, start: { date: '2026-11-23', time: '11:00' } });
    // The pass runs after the move's commit, off its answer's path.
    for (let waited = 0; (await b.ok('desk', 'conflicts.list', {})).length > 0; waited += 20) {
      if (waited > 3000) throw new Error('the conflict on B did not close without a sync');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await a.ok('desk', 'conflicts.list', {})).toHaveLength(1); // A has not synced yet
    await exchangeAll([a, b]);
    expect(await closedBySystem([a, b], 'double_booking')).toMatch(/no longer overlap/);
  });

  it('a double booking closes once one appointment is cancelled, and both desks closing it make one resolution', async () => {
    const { s, a, b } = await twoDesks();
    const { first } = await doubleBooked(s, a, b);
    await a.ok('desk', 'appointments.cancel', { appointmentId: first.id, reason: 'Patient called' });
    await exchangeAll([a, b]); // B sees the cancellation and closes it; A closes it on its own pass too
    await exchangeAll([a, b]);
    expect(await closedBySystem([a, b], 'double_booking')).toMatch(/cancelled/);
  });

  it('a likely duplicate closes when marked as two people, or when merged', async () => {
    const { a, b } = await twoDesks();
    const onA = await register(a, 'Jonathan', 'Pemberton', '1980-02-03');
    const onB = await register(b, 'Jonathan', 'Pemberton', '1980-02-03');
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    expect(await a.ok('admin', 'conflicts.list', {})).toHaveLength(1);
    await a.ok('admin', 'patients.markNotDuplicate', { a: onA.id, b: onB.id });
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    expect(await closedBySystem([a, b], 'duplicate_patient')).toMatch(/different people/);

    const again = await register(a, 'Mirela', 'Ostrova', '1975-09-10');
    const twin = await register(b, 'Mirela', 'Ostrova', '1975-09-10');
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    const [found] = await b.ok('admin', 'conflicts.list', { patientId: twin.id });
    expect(found?.kind).toBe('duplicate_patient');
    await b.ok('admin', 'patients.merge', { survivorId: again.id, mergedId: twin.id });
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    for (const desk of [a, b]) {
      const closed = await desk.ok('admin', 'conflicts.list', { patientId: twin.id, includeResolved: true });
      expect(closed).toMatchObject([{ id: found?.id, resolved: { bySystem: true } }]);
      expect(closed[0]?.resolved?.note).toMatch(/merged/);
    }
  });

  it('a lot below zero closes once stock brings it back to zero or more', async () => {
    const { s, a, b } = await twoDesks();
    const lot = await s.receive({ itemId: s.fluId, lotNumber: 'FL-7', quantity: 2, stockLocationId: s.fridgeId });
    await exchangeAll([a, b]);
    const use = (desk: Desk, quantity: number) =>
      desk.ok('manager', 'stock.adjust', { lotId: lot, stockLocationId: s.fridgeId, quantity, reason: 'used' });
    await use(a, -2);
    await use(b, -2);
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    expect((await a.ok('manager', 'conflicts.list', {})).filter((c) => c.kind === 'negative_stock')).toHaveLength(1);
    await use(b, 1); // still below: stays open
    await exchangeAll([a, b]);
    expect((await a.ok('manager', 'conflicts.list', {})).filter((c) => c.kind === 'negative_stock')).toHaveLength(1);
    await use(b, 1); // back to zero
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    expect(await closedBySystem([a, b], 'negative_stock')).toMatch(/back to 0/);
  });
});
