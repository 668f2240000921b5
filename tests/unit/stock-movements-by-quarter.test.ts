import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movementsByKind } from '../../src-main/core/stock/report-repository';
import { START } from '../helpers/billing-clinic';
import { openStockClinic, type StockClinic } from '../helpers/stock-clinic';

/**
 * The stock report's movements by kind read migration 0043's sums per quarter hour when the range is whole
 * quarters (every clinic day is) and the ledger itself otherwise. Three deliveries by hand: 5 doses at 08:00,
 * 7 at 08:07 and 11 at 08:20 (the clock starts on a quarter hour, Monday 08:00 UTC).
 */
let s: StockClinic;
const MINUTE = 60_000;
beforeAll(async () => {
  s = await openStockClinic();
  for (const [lotNumber, quantity, minutes] of [
    ['A1', 5, 0],
    ['A2', 7, 7],
    ['A3', 11, 13],
  ] as const) {
    s.clinic.clock.advance(minutes * MINUTE);
    await s.receive({ itemId: s.fluId, lotNumber, quantity });
  }
});
afterAll(async () => {
  await s.clinic.close();
});

const receipts = async (start: number, end: number) =>
  (await movementsByKind(s.clinic.core.database.db, start, end)).filter((row) => row.kind === 'receive');

describe('movements by kind over a range', () => {
  it('of whole quarter hours: from the sums kept per quarter', async () => {
    expect(START % (15 * MINUTE)).toBe(0);
    expect(await receipts(START, START + 30 * MINUTE)).toEqual([{ kind: 'receive', movements: 3, quantity: 23 }]);
    expect(await receipts(START, START + 15 * MINUTE)).toEqual([{ kind: 'receive', movements: 2, quantity: 12 }]);
    expect(await receipts(START + 15 * MINUTE, START + 30 * MINUTE)).toEqual([
      { kind: 'receive', movements: 1, quantity: 11 },
    ]);
  });

  it('cut inside a quarter hour: from the ledger, to the millisecond', async () => {
    // 08:00:00.001 to 08:07:00.001 holds only the delivery at 08:07; a sum per quarter would give both.
    expect(await receipts(START + 1, START + 7 * MINUTE + 1)).toEqual([{ kind: 'receive', movements: 1, quantity: 7 }]);
    expect(await receipts(START + 7 * MINUTE, START + 20 * MINUTE)).toEqual([
      { kind: 'receive', movements: 1, quantity: 7 },
    ]);
    expect(await receipts(START + 1, START + 7 * MINUTE)).toEqual([]);
  });
});
