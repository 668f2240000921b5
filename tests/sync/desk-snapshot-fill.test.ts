import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createCore, type Core } from '../../src-main/core/app';
import { snapshotMerge, type SnapshotOutcome } from '../../src-main/core/sync/bootstrap';
import { stagePage } from '../../src-main/core/sync/bootstrap-repository';
import { clearSyncedRows } from '../../src-main/core/sync/client-repository';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import type { SnapshotRow, SyncValue } from '../../src-shared/sync/protocol';
import { compactStamps } from '../../src-shared/sync/snapshot-stamps';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

/**
 * A new desk's snapshot rows go in by SQL straight from the stage (bootstrap-fill-repository.ts) where
 * the row-by-row bulk path would insert them as they are. Nothing a user could see may differ: the same
 * snapshot merged both ways leaves the same rows in every synced table, the same clocks and tombstones,
 * the same rows parked, and the same answer. The snapshot is a billing clinic's whole data (issued
 * invoices and their lines, a credit note of one, payments, a draft), staged as the server sends it.
 */

const other = randomUUID();
const stampAt = (wall: number, counter = 0) =>
  `${String(wall).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${other}`;
const T = Date.UTC(2026, 10, 23, 7, 0);

/** Every synced row of the clinic, whole, at one stamp, in the order the server sends them. */
function snapshotOf(core: Core): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  for (const [table, spec] of Object.entries(SYNCED_COLUMNS).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const all = core.database.handle.prepare(`SELECT * FROM "${table}"`).all() as Record<string, SyncValue>[];
    const made = all.map((values): SnapshotRow => {
      const key = spec.key.map((column) => values[column]) as (string | number)[];
      const columnHlc = Object.fromEntries(Object.keys(values).map((c) => [c, stampAt(T)]));
      return { table, key, values, columnHlc, deletedHlc: null, fullHlc: stampAt(T) };
    });
    rows.push(...made.sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1)));
  }
  return rows;
}

/** What a merge left, table by table: rows, clocks, tombstones and parked rows. */
function stateOf(core: Core): Record<string, unknown[]> {
  const read = (sql: string) => core.database.handle.prepare(sql).all();
  const state: Record<string, unknown[]> = {};
  for (const table of Object.keys(SYNCED_COLUMNS)) state[table] = read(`SELECT * FROM "${table}" ORDER BY 1, 2`);
  state.sync_clocks = read('SELECT table_name, key_json, column_name, hlc FROM sync_clocks ORDER BY 1, 2, 3');
  state.sync_tombstones = read('SELECT table_name, key_json, hlc FROM sync_tombstones ORDER BY 1, 2');
  state.parked = read('SELECT change_id, reason FROM sync_apply_problems ORDER BY 1');
  return state;
}

describe('a snapshot put in by SQL and row by row', () => {
  let s: BillingClinic;
  let snapshot: SnapshotRow[];
  const folders: TempFolder[] = [];

  beforeAll(async () => {
    s = await openBillingClinic();
    for (const name of ['Ines', 'Omar', 'Lena']) {
      const { visitId } = await s.visit(name);
      const view = await s.checkOut(visitId);
      if (name === 'Lena') continue; // left a draft, its lines open
      await s.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
      if (name === 'Omar')
        await s.clinic.ok('manager', 'invoices.creditNote', { invoiceId: view.invoice.id, reason: 'Billed in error' });
    }
    snapshot = snapshotOf(s.clinic.core);
  }, 120_000);
  afterAll(async () => {
    await s?.clinic.close();
    for (const folder of folders) folder.remove();
  });

  /** A fresh desk with `rows` staged, merged to the end in one step's transaction, one way or the other. */
  const merged = async (rows: SnapshotRow[], fill: boolean) => {
    const folder = tempFolder();
    folders.push(folder);
    const core = await createCore({ file: folder.file, key: folder.key, create: true });
    const { handle, sync: runtime } = core.database;
    // As sync.join does: the rows the desk's own migrations seeded give way to the clinic's.
    runtime.withoutCapture(() => handle.transaction(() => clearSyncedRows(handle))());
    const staged = rows.map(compactStamps);
    const progress = { clinicId: 'c', cursor: 'c:1', next: null, complete: true, pages: 1, rows: rows.length };
    handle.transaction(() => stagePage(handle, staged, { ...progress, serverTime: null }, T))();
    const total = { applied: 0, skipped: 0, parked: 0, filled: 0, touched: [] as SnapshotOutcome['touched'] };
    const merge = snapshotMerge(handle, runtime, T + 60_000, T + 60_000, { fill });
    runtime.withoutCapture(() =>
      handle.transaction(() => {
        for (let done = false; !done;) {
          // Small steps, so pages end mid-table and the stage is read in several pieces.
          const step = merge.step(7);
          total.applied += step.applied;
          total.skipped += step.skipped;
          total.parked += step.parked;
          total.filled += step.filled;
          total.touched.push(...step.touched);
          done = step.done;
        }
      })(),
    );
    const state = stateOf(core);
    const clock = runtime.clock.wall;
    const touched = total.touched.map((t) => `${t.table} ${JSON.stringify(t.row.id ?? null)}`).sort();
    await core.close();
    return { total, state, clock, touched };
  };

  it('leaves the same rows, clocks and answers as the row-by-row path, and fills most of them by SQL', async () => {
    const bySql = await merged(snapshot, true);
    const byRow = await merged(snapshot, false);
    expect(byRow.total.filled).toBe(0);
    expect(bySql.total.filled).toBeGreaterThan(snapshot.length * 0.9);
    const invoices = bySql.state.invoices as { status: string; number: string | null }[];
    expect(invoices.filter((i) => i.status === 'issued' && i.number !== null).length).toBe(3);
    expect(bySql.state).toEqual(byRow.state);
    expect(bySql.clock).toBe(byRow.clock);
    expect(bySql.touched).toEqual(byRow.touched);
    const answer = (t: typeof bySql.total) => ({ applied: t.applied, skipped: t.skipped, parked: t.parked });
    expect(answer(bySql.total)).toEqual(answer(byRow.total));
    expect(bySql.total.parked).toBe(0);
  });

  it('leaves to the row path what only it decides, and agrees with it', async () => {
    const issued = new Set(
      snapshot.filter((r) => r.table === 'invoices' && r.values.status === 'issued').map((r) => r.values.id),
    );
    const line = snapshot.find((r) => r.table === 'invoice_lines' && issued.has(r.values.invoice_id ?? null));
    const patient = snapshot.find((r) => r.table === 'patients');
    if (!line || !patient) throw new Error('the clinic has no issued line or patient');
    const varied = snapshot.map((row): SnapshotRow => {
      // A line of an issued invoice deleted on the server: its invoice's page goes row by row.
      if (row === line) return { ...row, deletedHlc: stampAt(T + 10) };
      // A patient whose email was edited later (ahead of this desk's clock): a clock of its own, which the
      // desk's clock takes.
      if (row === patient) return { ...row, columnHlc: { ...row.columnHlc, email: stampAt(T + 600_000, 3) } };
      return row;
    });
    // A line of an invoice this desk never gets: its page is refused by SQL and the line waits, then parks.
    const orphanId = randomUUID();
    const orphan: SnapshotRow = {
      ...line,
      key: [orphanId],
      values: { ...line.values, id: orphanId, invoice_id: randomUUID() },
    };
    const rows = [...varied, orphan].sort((a, b) =>
      a.table === b.table ? (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1) : a.table < b.table ? -1 : 1,
    );
    const bySql = await merged(rows, true);
    const byRow = await merged(rows, false);
    expect(bySql.total.filled).toBeGreaterThan(0);
    expect(bySql.state).toEqual(byRow.state);
    expect(bySql.clock).toBe(byRow.clock);
    expect(bySql.clock).toBeGreaterThanOrEqual(T + 600_000);
    expect(bySql.touched).toEqual(byRow.touched);
    expect(bySql.total.parked).toBe(1);
    expect(byRow.total.parked).toBe(1);
    expect(bySql.state.sync_tombstones).toContainEqual(
      expect.objectContaining({ table_name: 'invoice_lines', key_json: JSON.stringify(line.key) }),
    );
  });
});
