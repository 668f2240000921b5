import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import { SYNCED_TABLES } from '../../src-shared/sync/tables';
import { openDatabase } from '../../src-main/core/db/open';
import { ADMIN, tempFolder } from '../helpers/temp-core';
import { MANAGER } from '../helpers/billing-clinic';
import { NURSE, RECEPTIONIST } from '../helpers/scheduling-clinic';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';
import { cloneDesk, deliver, deskOf, differingTables, type Desk } from '../helpers/sync-desks';

/**
 * Capture is by triggers, so it must not matter which procedure writes: every write procedure this
 * scenario runs across patients, scheduling, visits, billing and stock is watched, and any synced
 * table whose rows changed without a captured change fails the test. Then the captured changes,
 * applied on a copy of the desk taken before the scenario, must rebuild exactly the same rows.
 */

let s: StockClinic;
let a: Desk;
let before: Desk;
const uncaptured: string[] = [];
const writesSeen = new Set<string>();

type Handle = StockClinic['clinic']['core']['database']['handle'];
function fingerprints(handle: Handle): Map<string, string> {
  const prints = new Map<string, string>();
  for (const [table, shape] of Object.entries(SYNCED_COLUMNS)) {
    const rows = handle.prepare(`SELECT * FROM "${table}" ORDER BY ${shape.key.map((k) => `"${k}"`).join(', ')}`).all();
    prints.set(
      table,
      createHash('sha256')
        .update(JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))
        .digest('hex'),
    );
  }
  return prints;
}
const captured = (handle: Handle) =>
  new Map(
    (
      handle.prepare('SELECT table_name, count(*) AS n FROM sync_changes GROUP BY table_name').all() as {
        table_name: string;
        n: number;
      }[]
    ).map((r) => [r.table_name, r.n]),
  );

beforeAll(async () => {
  s = await openStockClinic();
  a = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => s.clinic.folder.remove());
  before = await cloneDesk(a, 'before');
  const core = s.clinic.core;
  const inner = core.invoke.bind(core);
  core.invoke = async (clientId, name, input) => {
    const handle = core.database.handle;
    const printsBefore = fingerprints(handle);
    const countsBefore = captured(handle);
    const result = await inner(clientId, name, input);
    const printsAfter = fingerprints(handle);
    const countsAfter = captured(handle);
    for (const [table, print] of printsAfter) {
      if (print === printsBefore.get(table)) continue;
      writesSeen.add(table);
      if ((countsAfter.get(table) ?? 0) <= (countsBefore.get(table) ?? 0)) uncaptured.push(`${name} → ${table}`);
    }
    return result;
  };
  await runScenario();
}, 120_000);
afterAll(async () => {
  await before.close();
  await a.close();
});

async function runScenario() {
  const lot = await s.receive({ itemId: s.fluId, lotNumber: 'CAP-1', quantity: 20, stockLocationId: s.fridgeId });
  const { visitId, patientId, appointmentId } = await s.visit('Cora');
  const record = await s.clinic.ok('desk', 'patients.get', { patientId });
  await s.clinic.ok('desk', 'patients.update', {
    ...record,
    patientId,
    expectedUpdatedAt: record.updatedAt,
    email: 'cora@example.com',
    phones: [{ kind: 'mobile', number: '07700 900456', isPrimary: true }],
    nationalId: undefined,
  });
  await s.clinic.ok('desk', 'patients.addAllergy', { patientId, substance: 'Penicillin' });
  await s.clinic.ok('nurse', 'stock.dispense', { visitId, itemId: s.fluId, stockLocationId: s.fridgeId, quantity: 2 });
  const view = await s.checkOut(visitId);
  await s.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
  await s.openDrawerOnce();
  await s.clinic.ok('desk', 'payments.take', {
    patientId,
    amountMinor: 3000,
    methodId: s.methods.card,
    reference: 'T-1',
  });
  const visit = await s.clinic.ok('desk', 'visits.get', { visitId });
  const roomed = await s.clinic.ok('desk', 'visits.move', {
    visitId,
    to: 'roomed',
    roomId: s.room1Id,
    expectedLastEventId: visit.lastEventId,
  } as never);
  expect(roomed.id).toBe(visitId);
  const other = await s.patient('Dmitri');
  const booked = await s.book({ patientId: other, start: { date: '2026-11-24', time: '10:00' } });
  if (!booked.ok) throw new Error(booked.error.message);
  await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: booked.value.id, reason: 'Unwell' });
  const count = await s.clinic.ok('nurse', 'stocktake.start', { stockLocationId: s.fridgeId, blind: false });
  await s.clinic.ok('nurse', 'stocktake.enter', { countId: count.id, lines: [{ lotId: lot, countedQuantity: 17 }] });
  await s.clinic.ok('manager', 'stocktake.approve', { countId: count.id });
  await s.clinic.ok('admin', 'schedule.createRoom', { locationId: s.mainId, name: 'Room 3' });
  expect(appointmentId).toBeTruthy();
}

describe('capture', () => {
  it('captures every write the procedures made to a synced table, in every domain', () => {
    expect(uncaptured).toEqual([]);
    // The scenario did reach every domain (a guard against a scenario that quietly did nothing).
    for (const table of [
      'patients',
      'patient_phones',
      'appointments',
      'visits',
      'visit_events',
      'invoices',
      'payments',
      'stock_movements',
      'stock_counts',
      'rooms',
    ]) {
      expect(writesSeen, table).toContain(table);
    }
  });

  it('rebuilds the same rows on a copy of the desk from what was captured', async () => {
    await deliver(a, before);
    expect(before.core.sync.problems()).toEqual([]);
    expect(differingTables(a, before)).toEqual([]);
  });

  it('keeps the caches rebuilt from synced rows: the copy finds the patient and owes the same', async () => {
    for (const desk of [before]) {
      await desk.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
    }
    const found = await before.ok('desk', 'patients.search', { query: 'cora' });
    expect(found.length).toBe(1);
    const patientId = found[0]?.id ?? '';
    const here = await s.clinic.ok('desk', 'accounts.get', { patientId });
    const there = await before.ok('desk', 'accounts.get', { patientId });
    expect(there.summary).toEqual(here.summary);
    const balances = (desk: Desk) =>
      desk.core.database.handle.prepare('SELECT * FROM invoice_balances ORDER BY invoice_id').all();
    expect(balances(before)).toEqual(balances(a));
  });

  it('installs triggers for exactly the synced tables, and refreshes one that is out of date at open', async () => {
    const folder = tempFolder();
    const first = openDatabase({ file: folder.file, key: folder.key, create: true });
    const names = (
      first.handle
        .prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'")
        .all() as { tbl_name: string }[]
    ).map((r) => r.tbl_name);
    expect([...new Set(names)].sort()).toEqual(Object.keys(SYNCED_TABLES).sort());
    first.handle.exec(
      'DROP TRIGGER sync_capture_taxes_insert; CREATE TRIGGER sync_capture_taxes_insert AFTER INSERT ON taxes BEGIN SELECT 1; END',
    );
    await first.close();
    const again = openDatabase({ file: folder.file, key: folder.key });
    again.handle
      .prepare(
        "INSERT INTO taxes (id, name, rate_ppm, inclusive, created_at, updated_at) VALUES ('t1', 'VAT', 200000, 0, 1, 1)",
      )
      .run();
    expect(again.handle.prepare("SELECT count(*) AS n FROM sync_changes WHERE table_name = 'taxes'").get()).toEqual({
      n: 1,
    });
    await again.close();
    folder.remove();
  });
});

describe('ledgers merge by union', () => {
  it('counts both of two dispenses of the same lot made offline on two desks, and both payments', async () => {
    await s.receive({ itemId: s.fluId, lotNumber: 'UNION-1', quantity: 10, stockLocationId: s.fridgeId });
    const onHand = (desk: Desk) =>
      (
        desk.core.database.handle
          .prepare(
            'SELECT coalesce(sum(quantity), 0) AS q FROM stock_movements WHERE item_id = ? AND stock_location_id = ?',
          )
          .get(s.fluId, s.fridgeId) as { q: number }
      ).q;
    const start = onHand(a);
    const first = await s.visit('Uma');
    const second = await s.visit('Ugo');
    await s.openDrawerOnce();
    const b = await cloneDesk(a, 'B');
    try {
      await b.ok('nurse', 'auth.login', { username: NURSE.username, password: NURSE.password });
      await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
      await b.ok('manager', 'auth.login', { username: MANAGER.username, password: MANAGER.password });
      await b.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      // Offline, each desk dispenses 3 doses of the same lot and takes a payment from the same patient.
      await s.clinic.ok('nurse', 'stock.dispense', {
        visitId: first.visitId,
        itemId: s.fluId,
        stockLocationId: s.fridgeId,
        quantity: 3,
      });
      await b.ok('nurse', 'stock.dispense', {
        visitId: second.visitId,
        itemId: s.fluId,
        stockLocationId: s.fridgeId,
        quantity: 3,
      });
      await s.clinic.ok('desk', 'payments.take', {
        patientId: first.patientId,
        amountMinor: 1000,
        methodId: s.methods.cash,
        reference: null,
        tenderedMinor: 1000,
      });
      await b.ok('desk', 'payments.take', {
        patientId: first.patientId,
        amountMinor: 2500,
        methodId: s.methods.card,
        reference: 'B-1',
      });
      await deliver(a, b);
      await deliver(b, a);
      for (const desk of [a, b]) {
        expect(onHand(desk), desk.name).toBe(start - 6);
        const account = await desk.ok('desk', 'accounts.get', { patientId: first.patientId });
        expect(account.summary.creditMinor, desk.name).toBe(3500);
      }
      expect(b.core.sync.problems()).toEqual([]);
      expect(differingTables(a, b)).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe('screens on the receiving desk', () => {
  it('hear the same events as for local changes, after the changes are in', async () => {
    const b = await cloneDesk(a, 'B');
    try {
      await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
      const heard: string[] = [];
      b.core.subscribe('desk', (topic) => heard.push(topic));
      const patientId = await s.patient('Eero');
      const booked = await s.book({ patientId, start: { date: '2026-11-26', time: '11:00' } });
      if (!booked.ok) throw new Error(booked.error.message);
      await s.clinic.ok('desk', 'payments.take', {
        patientId,
        amountMinor: 500,
        methodId: s.methods.card,
        reference: 'E',
      });
      await s.clinic.ok('manager', 'stock.adjust', {
        lotId: await s.receive({ itemId: s.gauzeId, lotNumber: 'EV-1', quantity: 5 }),
        stockLocationId: s.storeId,
        quantity: -1,
        reason: 'damaged',
      });
      await deliver(a, b);
      expect(heard).toEqual(expect.arrayContaining(['appointments.changed', 'billing.changed', 'stock.changed']));
      const calendar = await b.ok('desk', 'appointments.get', { appointmentId: booked.value.id });
      expect(calendar).toMatchObject({ id: booked.value.id });
    } finally {
      await b.close();
    }
  });
});

describe('a change this desk cannot apply', () => {
  it('is kept with the reason and never holds up the changes behind it', async () => {
    const { visitId, patientId } = await s.visit('Ffion');
    const draft = await s.checkOut(visitId);
    const b = await cloneDesk(a, 'B');
    try {
      await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
      // Offline: A issues the invoice while B changes a line of the draft, then edits the patient.
      await s.clinic.ok('desk', 'invoices.issue', { invoiceId: draft.invoice.id });
      b.clock.advance(60_000);
      b.core.database.handle
        .prepare('UPDATE invoice_lines SET description = ?, updated_at = ? WHERE invoice_id = ?')
        .run('Long consultation', b.clock.now, draft.invoice.id);
      const record = await b.ok('desk', 'patients.get', { patientId });
      await b.ok('desk', 'patients.update', {
        ...record,
        patientId,
        expectedUpdatedAt: record.updatedAt,
        notes: 'Edited on B',
        nationalId: undefined,
      });
      const result = await deliver(b, a);
      expect(result.parked).toBe(1);
      const problems = a.core.sync.problems();
      expect(problems.map((p) => p.attempts)).toEqual([1]);
      expect(problems[0]?.reason).toMatch(/issued invoice never changes/);
      expect((await s.clinic.ok('desk', 'patients.get', { patientId })).notes).toBe('Edited on B');
      // Delivered again, it is still refused, counted once more, and nothing else is held.
      await deliver(b, a);
      expect(a.core.sync.problems()[0]?.attempts).toBe(2);
    } finally {
      await b.close();
    }
  });
});
