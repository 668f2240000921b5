import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SyncChange } from '../../src-shared/sync/protocol';
import { withoutSeq } from '../../src-main/core/sync/without-seq';
import { floorHandle } from './billing-floors';
import { type BenchmarkResult, floorIdle, type Goals, hostIdle, runBenchmark } from './harness';
import { bookOurs, freeSlots, openScheduler, workingCopies } from './scheduling';
import { Mismatch, stopwatch, type Suite } from './suite';

/**
 * Applying another desk's changes (issue 17): bookings made on one copy of the bench clinic are
 * pulled, as the server would hand them over, onto a second copy (its own device id) a batch of 100
 * at a time — per-column merge by stamp, clocks, tombstones, the cursor, all in one transaction with
 * capture off. The floor upserts the same rows by primary key in hand-written SQL on the unencrypted
 * copy, one transaction a batch. The goal: a 100-change batch in 20 ms, so ≥ 5,000 changes a second.
 */

const BATCH = 100;
const ITERATIONS = 6;
const WARMUP_BATCHES = 2;
export const SYNC_APPLY_GOALS: Goals = { p95Ms: 20 };

/** The floor: each change an upsert of its row by primary key (a delete by key), statements prepared once per shape. */
class ApplyFloor {
  readonly #handle: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  readonly #keys = new Map<string, string[]>();
  readonly apply: (changes: readonly SyncChange[]) => void;

  constructor(handle: BetterSqlite3.Database) {
    this.#handle = handle;
    this.apply = handle.transaction((changes: readonly SyncChange[]) => {
      for (const change of changes) this.#one(change);
    });
  }

  #keyOf(table: string): string[] {
    let key = this.#keys.get(table);
    if (!key) {
      const columns = this.#handle
        .prepare(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`)
        .all(table) as { name: string }[];
      key = columns.map((column) => column.name);
      this.#keys.set(table, key);
    }
    return key;
  }

  #one(change: SyncChange): void {
    const key = this.#keyOf(change.table);
    if (change.op === 'delete') {
      const sql = `DELETE FROM "${change.table}" WHERE ${key.map((k) => `"${k}" = ?`).join(' AND ')}`;
      this.#statement(sql).run(...change.key);
      return;
    }
    const columns = Object.keys(change.values);
    const set = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
    const sql = `INSERT INTO "${change.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns
      .map(() => '?')
      .join(
        ', ',
      )}) ON CONFLICT (${key.map((k) => `"${k}"`).join(', ')}) DO ${set.length > 0 ? `UPDATE SET ${set.join(', ')}` : 'NOTHING'}`;
    this.#statement(sql).run(...columns.map((c) => change.values[c] ?? null));
  }

  #statement(sql: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#handle.prepare(sql)));
    return statement;
  }
}

export const syncSuite: Suite = {
  name: 'sync',
  async run({ dataset, rounds, log }) {
    const took = stopwatch();
    const batches = WARMUP_BATCHES * 2 + ITERATIONS * rounds;
    const source = workingCopies(dataset, 'sync-source');
    const target = workingCopies(dataset, 'sync-target');
    try {
      // Each booking makes two changes (the appointment and its history entry).
      const desk = await openScheduler(source.encrypted);
      const slots = freeSlots(dataset, Math.ceil((batches * BATCH) / 2) + 10, 17);
      // Only what these bookings captured: the cached clinic's own outbox (its set-up) is not theirs.
      const before = desk.database.handle.prepare('SELECT coalesce(max(seq), 0) AS seq FROM sync_changes').get() as {
        seq: number;
      };
      for (const slot of slots) await bookOurs(desk, slot);
      const changes = desk.sync.pending(1_000_000, before.seq).map((change) => withoutSeq(change) as SyncChange);
      await desk.close();
      log(`sync: ${changes.length} changes from ${slots.length} bookings on one desk (${took()})`);
      if (changes.length < batches * BATCH)
        throw new Error(`sync bench: ${changes.length} changes, ${batches * BATCH} needed`);
      const batch = (i: number) => changes.slice(i * BATCH, (i + 1) * BATCH);

      // The cached clinic was built with the real clock, so its stamps run ahead of the bench's "today":
      // the server's time (the real one) is handed over with each pull, as a pull answers it.
      const other = await openScheduler(target.encrypted);
      await other.sync.renewDeviceId();
      const floorDb = floorHandle(target.plain);
      const floor = new ApplyFloor(floorDb);
      try {
        // Both apply batch 0 first and must then hold the same rows.
        const first = await other.sync.applyRemote(batch(0), null, Date.now());
        if (first.applied !== BATCH)
          throw new Mismatch(
            `sync: ours applied ${first.applied} of ${BATCH}: ${JSON.stringify(first)} ${JSON.stringify(other.sync.problems().slice(0, 2))}`,
          );
        floor.apply(batch(0));
        const ids = batch(0)
          .filter((change) => change.table === 'appointments')
          .map((change) => String(change.key[0]));
        const ours = other.database.handle
          .prepare(
            `SELECT id, start_at, status FROM appointments WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
          )
          .all(...ids);
        const theirs = floorRows(target.plain, ids);
        if (JSON.stringify(ours) !== JSON.stringify(theirs))
          throw new Mismatch('sync: the floor and ours hold different appointments after the first batch');
        let oursNext = 1;
        let floorNext = 1;
        const results: BenchmarkResult[] = await runBenchmark(
          {
            name: `sync: apply a batch of ${BATCH} remote changes`,
            dataset: `${changes.length} changes`,
            unit: 'ms',
            ours: {
              run: async () => {
                const outcome = await other.sync.applyRemote(batch(oursNext++), null, Date.now());
                if (outcome.applied !== BATCH) throw new Mismatch(`sync: ours applied ${outcome.applied} of ${BATCH}`);
              },
              idle: hostIdle(other),
            },
            floor: { run: () => floor.apply(batch(floorNext++)), idle: floorIdle(floorDb) },
            iterations: ITERATIONS,
            goals: SYNC_APPLY_GOALS,
          },
          rounds,
          WARMUP_BATCHES,
        );
        const [result] = results;
        if (result)
          log(
            `sync: ${Math.round((BATCH / result.ours.p50) * 1000)} changes a second at the median batch (${Math.round((BATCH / result.ours.p95) * 1000)} at p95; goal ≥ 5,000) (${took()})`,
          );
        return results;
      } finally {
        await other.close();
      }
    } finally {
      source.remove();
      target.remove();
    }
  },
};

function floorRows(plain: string, ids: string[]): unknown[] {
  const handle = floorHandle(plain);
  try {
    return handle
      .prepare(
        `SELECT id, start_at, status FROM appointments WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
      )
      .all(...ids);
  } finally {
    handle.close();
  }
}
