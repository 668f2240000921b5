import type { RevenueDay, RevenueReport } from '../../../src-shared/reports/model';
import { addDays } from '../../../src-shared/scheduling/time';
import type { MoneyFormat } from '../../../src-shared/billing/money';
import type { ReadDb } from '../db/handles';
import { collectedByDayForPayer, invoicePayers, issuedByDayForPayer } from './provider-repository';
import { invoiceDays, ledgerDays } from './aggregate-repository';
import { issuedByDay, ledgerByDay } from './repository';
import { datesOf, type ReportScope } from './scope';

function emptyDay(date: string): RevenueDay {
  return {
    date,
    invoicedMinor: 0,
    creditedMinor: 0,
    netInvoicedMinor: 0,
    paymentsMinor: 0,
    refundsMinor: 0,
    reversalsMinor: 0,
    collectedMinor: 0,
    writeOffsMinor: 0,
  };
}

function moneyOf(day: RevenueDay): RevenueReport['totals'] {
  return {
    invoicedMinor: day.invoicedMinor,
    creditedMinor: day.creditedMinor,
    netInvoicedMinor: day.netInvoicedMinor,
    paymentsMinor: day.paymentsMinor,
    refundsMinor: day.refundsMinor,
    reversalsMinor: day.reversalsMinor,
    collectedMinor: day.collectedMinor,
    writeOffsMinor: day.writeOffsMinor,
  };
}

/**
 * Accrual (invoiced by issue date) and cash (collected by the date it counts for), per day and method; from
 * the daily aggregates when they are fresh (`aggregates`) and no payer is chosen.
 */
export async function revenueReport(
  db: ReadDb,
  scope: ReportScope,
  money: MoneyFormat,
  now: number,
  aggregates = false,
): Promise<RevenueReport> {
  const { from, to, providerId } = scope.filters;
  const payer = scope.filters.payer ?? null;
  const days = new Map(datesOf(from, to, addDays).map((date) => [date, emptyDay(date)]));
  // The daily aggregates (aggregates.ts) hold the same sums per day when no payer narrows the report.
  const daily = aggregates && payer === null;
  const issued =
    payer === null
      ? await (daily ? invoiceDays : issuedByDay)(db, from, to, providerId)
      : await issuedByDayForPayer(db, from, to, providerId, payer);
  // With a payer chosen, cash is what was applied to its invoices (net of what was taken back) and an
  // insurer's remittances (DEFINITIONS.payer): all of it counts as payments.
  const ledger =
    payer === null
      ? await (daily ? ledgerDays : ledgerByDay)(db, from, to)
      : (await collectedByDayForPayer(db, from, to, payer)).map((row) => ({ ...row, kind: 'payment' }));
  for (const row of issued) {
    const day = days.get(row.day);
    if (!day) continue;
    if (row.kind === 'invoice') day.invoicedMinor += row.amount;
    else day.creditedMinor += row.amount;
  }
  const methods = new Map<string, RevenueReport['byMethod'][number]>();
  for (const row of ledger) {
    const day = days.get(row.day);
    if (!day) continue;
    if (row.kind === 'writeOff') day.writeOffsMinor += row.amount;
    else if (row.kind === 'writeOffReversal') day.writeOffsMinor -= row.amount;
    else {
      const methodKind = row.method ?? 'other';
      let method = methods.get(methodKind);
      if (!method)
        methods.set(
          methodKind,
          (method = { methodKind, paymentsMinor: 0, refundsMinor: 0, reversalsMinor: 0, collectedMinor: 0 }),
        );
      const key = row.kind === 'payment' ? 'paymentsMinor' : row.kind === 'refund' ? 'refundsMinor' : 'reversalsMinor';
      day[key] += row.amount;
      method[key] += row.amount;
      method.collectedMinor += row.kind === 'payment' ? row.amount : -row.amount;
    }
  }
  const totals = emptyDay('');
  for (const day of days.values()) {
    day.netInvoicedMinor = day.invoicedMinor - day.creditedMinor;
    day.collectedMinor = day.paymentsMinor - day.refundsMinor - day.reversalsMinor;
    for (const key of Object.keys(totals) as (keyof RevenueDay)[]) {
      if (key !== 'date') totals[key] += day[key];
    }
  }
  return {
    filters: scope.filters,
    ranAt: now,
    currency: scope.currency,
    money,
    totals: moneyOf(totals),
    byDay: [...days.values()],
    payers: await invoicePayers(db),
    byMethod: [...methods.values()].sort((a, b) => a.methodKind.localeCompare(b.methodKind)),
  };
}
