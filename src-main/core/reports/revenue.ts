import type { RevenueDay, RevenueReport } from '../../../src-shared/reports/model';
import { addDays } from '../../../src-shared/scheduling/time';
import type { MoneyFormat } from '../../../src-shared/billing/money';
import type { ReadDb } from '../db/handles';
import { collectedByDayNarrowed, invoicePayers, issuedByDayNarrowed } from './provider-repository';
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
 * the daily aggregates when they are fresh (`aggregates`) and nothing narrows the invoices (payer,
 * location, type), else from the raw rows.
 */
export async function revenueReport(
  db: ReadDb,
  scope: ReportScope,
  money: MoneyFormat,
  now: number,
  aggregates = false,
): Promise<RevenueReport> {
  const { from, to, providerId, locationId, typeId } = scope.filters;
  const narrowing = { payer: scope.filters.payer ?? null, locationId, typeId };
  const narrowed = narrowing.payer !== null || locationId !== null || typeId !== null;
  const days = new Map(datesOf(from, to, addDays).map((date) => [date, emptyDay(date)]));
  // The daily aggregates (aggregates.ts) hold the same sums per day when nothing narrows the invoices.
  const daily = aggregates && !narrowed;
  const issued = narrowed
    ? await issuedByDayNarrowed(db, from, to, providerId, narrowing)
    : await (daily ? invoiceDays : issuedByDay)(db, from, to, providerId);
  // Narrowed, cash is what was applied to those invoices (net of what was taken back) and a chosen
  // insurer's remittances (DEFINITIONS.payer, DEFINITIONS.revenueNarrowed): all of it counts as payments.
  const ledger = narrowed
    ? (await collectedByDayNarrowed(db, from, to, providerId, narrowing)).map((row) => ({ ...row, kind: 'payment' }))
    : await (daily ? ledgerDays : ledgerByDay)(db, from, to);
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
