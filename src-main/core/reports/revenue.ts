import type { RevenueDay, RevenueReport } from '../../../src-shared/reports/model';
import { addDays } from '../../../src-shared/scheduling/time';
import type { MoneyFormat } from '../../../src-shared/billing/money';
import type { ReadDb } from '../db/handles';
import {
  collectedByDayNarrowed,
  invoicePayers,
  issuedByDayNarrowed,
  remittancesByDayNarrowed,
  type InvoiceNarrowing,
} from './provider-repository';
import { revenueCellsByDay, revenueCellTotals } from './revenue-cell-repository';
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

interface MoneyRows {
  issued: { day: string; kind: string; amount: number }[];
  ledger: { day: string; kind: string; method: string | null; amount: number }[];
}

/**
 * Narrowed by payer, location or type: the invoices matching and, as cash, what was applied to them (net of
 * what was taken back) and a chosen insurer's remittances (DEFINITIONS.payer, DEFINITIONS.revenueNarrowed):
 * all of it counts as payments. From the revenue cells (migration 0044) when fresh, else the raw rows.
 */
async function narrowedMoney(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  narrowing: InvoiceNarrowing,
  aggregates: boolean,
  series: boolean,
): Promise<MoneyRows> {
  const remittances = await remittancesByDayNarrowed(db, from, to, providerId, narrowing);
  const asPayments = (rows: { day: string; method: string; amount: number }[]) =>
    rows.map((row) => ({ ...row, kind: 'payment' }));
  if (!aggregates)
    return {
      issued: await issuedByDayNarrowed(db, from, to, providerId, narrowing),
      ledger: asPayments([...(await collectedByDayNarrowed(db, from, to, providerId, narrowing)), ...remittances]),
    };
  const cells = await (series ? revenueCellsByDay : revenueCellTotals)(db, from, to, providerId, narrowing);
  return {
    issued: cells.filter((cell) => cell.basis === 'issued'),
    ledger: asPayments([
      ...cells.filter((cell) => cell.basis === 'collected').map((cell) => ({ ...cell, method: cell.kind })),
      ...remittances,
    ]),
  };
}

/**
 * Accrual (invoiced by issue date) and cash (collected by the date it counts for), per day and method; from
 * the daily aggregates when they are fresh (`aggregates`; narrowed by payer, location or type, their cells),
 * else from the raw rows. `series` false: the totals and methods only (no days; narrowed, whole months are
 * read from the monthly cells), as the dashboard shows them.
 */
export async function revenueReport(
  db: ReadDb,
  scope: ReportScope,
  money: MoneyFormat,
  now: number,
  aggregates = false,
  series = true,
): Promise<RevenueReport> {
  const { from, to, providerId, locationId, typeId } = scope.filters;
  const narrowing = { payer: scope.filters.payer ?? null, locationId, typeId };
  const narrowed = narrowing.payer !== null || locationId !== null || typeId !== null;
  const days = new Map(datesOf(from, to, addDays).map((date) => [date, emptyDay(date)]));
  const { issued, ledger } = narrowed
    ? await narrowedMoney(db, from, to, providerId, narrowing, aggregates, series)
    : {
        // The daily aggregates (aggregates.ts) hold the same sums per day.
        issued: await (aggregates ? invoiceDays : issuedByDay)(db, from, to, providerId),
        ledger: await (aggregates ? ledgerDays : ledgerByDay)(db, from, to),
      };
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
    byDay: series ? [...days.values()] : [],
    payers: await invoicePayers(db),
    byMethod: [...methods.values()].sort((a, b) => a.methodKind.localeCompare(b.methodKind)),
  };
}
