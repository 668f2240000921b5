import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movementsByKind } from '../../src-main/core/stock/report-repository';
import { openTestClinic, type TestClinic } from '../helpers/temp-core';

/**
 * The stock report's movements in the range, by kind (reports/stock.ts → movementsByKind): without an
 * index on the movement's time a month's report read every movement ever made (migration 0041); a range
 * of whole quarter hours reads the sums kept per UTC day for its whole days and per quarter hour for its
 * edges (migrations 0043 and 0047).
 */
const QUARTER = 900_000;
const DAY = 86_400_000;
let clinic: TestClinic;
beforeAll(async () => {
  clinic = await openTestClinic();
});
afterAll(async () => {
  await clinic.close();
});

describe('movements in a range', () => {
  it('are found by their time through an index that also holds the kind and quantity', () => {
    const plan = clinic.core.database.handle
      .prepare(
        `EXPLAIN QUERY PLAN SELECT kind, count(*), sum(quantity) FROM stock_movements
         WHERE at >= ? AND at < ? GROUP BY kind ORDER BY kind`,
      )
      .all(0, 1) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' | ')).toContain(
      'SEARCH stock_movements USING COVERING INDEX stock_movements_at (at>? AND at<?)',
    );
  });

  it('sum the same from the kept day and quarter sums as from the ledger, for any range', async () => {
    const handle = clinic.core.database.handle;
    handle.pragma('foreign_keys = OFF');
    const insert = handle.prepare(
      `INSERT INTO stock_movements (id, kind, item_id, lot_id, stock_location_id, quantity, at, reason, created_at)
       VALUES (?, ?, 'item', 'lot', 'store', ?, ?, NULL, 1)`,
    );
    const fromLedger = handle.prepare(
      'SELECT kind, count(*) AS movements, sum(quantity) AS quantity FROM stock_movements WHERE at >= ? AND at < ? GROUP BY kind ORDER BY kind',
    );
    let n = 0;
    const movement = fc.record({
      kind: fc.constantFrom('receive' as const, 'expire' as const),
      quantity: fc.integer({ min: 1, max: 50 }),
      at: fc.integer({ min: 0, max: 9 * DAY }),
    });
    // Ranges as a clinic's days make them: whole quarter hours, anywhere from inside a day to a week.
    const range = fc
      .tuple(fc.integer({ min: 0, max: 10 * 96 }), fc.integer({ min: 0, max: 10 * 96 }))
      .map(([a, b]) => [Math.min(a, b) * QUARTER, Math.max(a, b) * QUARTER] as const);
    await fc.assert(
      fc.asyncProperty(
        fc.array(movement, { maxLength: 20 }),
        fc.array(range, { minLength: 1, maxLength: 5 }),
        async (moves, ranges) => {
          for (const m of moves) insert.run(`m${n++}`, m.kind, m.kind === 'receive' ? m.quantity : -m.quantity, m.at);
          for (const [start, end] of ranges)
            expect(await movementsByKind(clinic.core.database.db, start, end), `${start}–${end}`).toEqual(
              fromLedger.all(start, end),
            );
        },
      ),
      { numRuns: 60 },
    );
  });
});
