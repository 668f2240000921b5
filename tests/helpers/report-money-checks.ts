import { expect } from 'vitest';
import { addDays, localDayBounds } from '../../src-shared/scheduling/time';
import type { BillingContext } from '../../src-main/core/billing/context';
import { arAgeing } from '../../src-main/core/billing/statements';
import type { ReadDb } from '../../src-main/core/db/handles';
import { providerMoney } from '../../src-main/core/reports/money-aggregate-repository';
import {
  collectedByProvider,
  invoicedByProvider,
  type ProviderAmount,
} from '../../src-main/core/reports/provider-repository';
import { ageingTotals } from '../../src-main/core/reports/receivables';

/**
 * The property test's checks of the money aggregates of migration 0038 against the raw reads they replace
 * (tests/unit/reports-aggregates.property.test.ts): the providers report's money over several ranges and
 * providers, and A/R ageing as of several days (the buckets are cut at read time, so any "today" must agree).
 */

const sorted = (rows: ProviderAmount[]) =>
  rows
    .map((row) => `${row.provider_id ?? '-'} ${row.kind} ${row.amount}`)
    .sort()
    .join('\n');

export async function expectProviderMoneyFromAggregates(
  db: ReadDb,
  timeZone: string,
  today: string,
  providerIds: readonly string[],
): Promise<void> {
  const ranges = [
    { from: addDays(today, -45), to: addDays(today, 15) },
    { from: today, to: today },
    { from: addDays(today, -30), to: addDays(today, -1) },
  ];
  for (const providerId of [null, ...providerIds])
    for (const { from, to } of ranges) {
      const range = {
        from,
        to,
        start: localDayBounds(timeZone, from).start,
        end: localDayBounds(timeZone, to).end,
      };
      const raw = [
        ...(await invoicedByProvider(db, range, providerId)),
        ...(await collectedByProvider(db, from, to, providerId)),
      ];
      expect(sorted(await providerMoney(db, from, to, providerId)), `${from}…${to} ${providerId}`).toBe(sorted(raw));
    }
}

/** Answers the outstanding total, for the dashboard's figure. */
export async function expectAgeingFromAggregates(db: ReadDb, today: string): Promise<number> {
  const money = { currency: 'GBP', locale: 'en-GB' } as unknown as BillingContext['money'];
  let outstanding = 0;
  for (const asOf of [today, addDays(today, -10), addDays(today, 31), addDays(today, 95), addDays(today, 200)]) {
    const raw = await arAgeing(db, { today: asOf, money } as BillingContext, 0);
    const totals = await ageingTotals(db, asOf);
    expect(totals, asOf).not.toBeNull();
    expect(totals?.patients, asOf).toEqual(raw.byPatient.totals);
    expect(totals?.payers, asOf).toEqual(raw.byPayer.rows);
    expect(totals?.payerTotals, asOf).toEqual(raw.byPayer.totals);
    if (asOf === today) outstanding = raw.byPatient.totalMinor + raw.byPayer.totalMinor;
  }
  return outstanding;
}
