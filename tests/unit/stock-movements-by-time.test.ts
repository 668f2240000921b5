import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestClinic, type TestClinic } from '../helpers/temp-core';

/**
 * The stock report's movements in the range, by kind (reports/stock.ts → movementsByKind): without an
 * index on the movement's time a month's report read every movement ever made (migration 0041).
 */
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
});
